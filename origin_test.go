package corsa_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// originCase is one request Origin and whether the policy must allow it.
type originCase struct {
	origin  string
	allowed bool
}

// checkOrigins asserts, for each case, the decision of an actual GET and of
// a preflight from that origin: both must agree with the case.
func checkOrigins(t *testing.T, cfg corsa.Config, cases []originCase) {
	t.Helper()
	p := mustPolicy(t, cfg)
	for _, tc := range cases {
		verb := "refuses"
		if tc.allowed {
			verb = "allows"
		}
		t.Run(verb+" "+tc.origin, func(t *testing.T) {
			actual := corsa.Decide(p, &corsa.Request{Method: "GET", Origin: tc.origin})
			if actual.Preflight() || granted(actual, tc.origin) != tc.allowed {
				t.Errorf("actual: preflight %v, granted %v (%v); want an actual request, %v", actual.Preflight(), granted(actual, tc.origin), actual.Reason(), tc.allowed)
			}
			preflight := corsa.Decide(p, &corsa.Request{Method: "OPTIONS", Origin: tc.origin, RequestMethod: "PUT"})
			if !preflight.Preflight() || granted(preflight, tc.origin) != tc.allowed {
				t.Errorf("preflight: preflight %v, granted %v (%v); want a preflight, %v", preflight.Preflight(), granted(preflight, tc.origin), preflight.Reason(), tc.allowed)
			}
			if !tc.allowed && (actual.Reason() != corsa.OriginNotAllowed || preflight.Reason() != corsa.OriginNotAllowed) {
				t.Errorf("reasons = %v, %v; want origin not allowed", actual.Reason(), preflight.Reason())
			}
		})
	}
}

func TestExactOriginsMatchByteForByte(t *testing.T) {
	checkOrigins(t, corsa.Config{Origins: []string{"https://example.com", "https://example.com:8443"}, Methods: []string{"PUT"}}, []originCase{
		{"https://example.com", true},
		{"https://example.com:8443", true},
		{"https://example.com:443", false},
		{"https://example.com:8444", false},
		{"http://example.com", false},
		{"https://EXAMPLE.com", false},
		{"HTTPS://example.com", false},
		{"https://example.com/", false},
		{"https://example.com/path", false},
		{"https://example.com.", false},
		{"https://www.example.com", false},
		{"https://example.com.evil.com", false},
		{"https://evilexample.com", false},
		{"https://example.com_.evil.com", false},
		{"https://example.com%60.evil.com", false},
		{"https://exampleXcom", false},
		{"https://user@example.com", false},
		{" https://example.com", false},
		{"https://example.com ", false},
		{"example.com", false},
		{"null", false},
		{"*", false},
	})
}

func TestALongListOfExactOriginsMatchesEachEntryOnly(t *testing.T) {
	var origins []string
	var cases []originCase
	for i := range 12 {
		o := fmt.Sprintf("https://app%d.example.com", i)
		origins = append(origins, o)
		cases = append(cases,
			originCase{o, true},
			originCase{o + "/", false},
			originCase{fmt.Sprintf("https://App%d.example.com", i), false},
			originCase{o + ".evil.com", false},
		)
	}
	cases = append(cases, originCase{"https://app12.example.com", false})
	checkOrigins(t, corsa.Config{Origins: origins, Methods: []string{"PUT"}}, cases)
}

func TestSubdomainPatternsMatchAnyDepthButNotTheApex(t *testing.T) {
	checkOrigins(t, corsa.Config{Origins: []string{"https://*.example.com"}, Methods: []string{"PUT"}}, []originCase{
		{"https://a.example.com", true},
		{"https://www.example.com", true},
		{"https://a.b.example.com", true},
		{"https://a.b.c.d.example.com", true},
		{"https://a-b.example.com", true},
		{"https://1.example.com", true},
		{"https://xn--bcher-kva.example.com", true},
		{"https://example.com", false},
		{"https://.example.com", false},
		{"https://a..example.com", false},
		{"https://*.example.com", false},
		{"http://a.example.com", false},
		{"wss://a.example.com", false},
		{"https://a.example.com:443", false},
		{"https://a.example.com:8443", false},
		{"https://a.example.com:", false},
		{"https://A.example.com", false},
		{"https://a.EXAMPLE.com", false},
		{"https://a.example.com/", false},
		{"https://a.example.com/path", false},
		{"https://a.example.com.", false},
		{"https://a.example.com.evil.org", false},
		{"https://example.com.evil.org", false},
		{"https://evil-example.com", false},
		{"https://evilexample.com", false},
		{"https://example.com%60.evil.org", false},
		{"https://a.example.com%60.evil.org", false},
		{"https://x%2e.example.com", false},
		{"https://evil.com@a.example.com", false},
		{"https://a.example.com@evil.com", false},
		{"https://evil.com/.example.com", false},
		{"https://evil.com?.example.com", false},
		{"https://evil.com#.example.com", false},
		{"https://a.example.co", false},
		{"https://a.example.comm", false},
		{"https://a.exampleXcom", false},
		{"a.example.com", false},
		{"null", false},
	})
}

func TestSubdomainPatternsWithAPortMatchThatPortOnly(t *testing.T) {
	checkOrigins(t, corsa.Config{Origins: []string{"https://*.example.com:8443"}, Methods: []string{"PUT"}}, []originCase{
		{"https://a.example.com:8443", true},
		{"https://a.b.example.com:8443", true},
		{"https://example.com:8443", false},
		{"https://a.example.com", false},
		{"https://a.example.com:8444", false},
		{"https://a.example.com:08443", false},
	})
}

func TestPortPatternsMatchAnyPortOrNone(t *testing.T) {
	checkOrigins(t, corsa.Config{Origins: []string{"http://localhost:*"}, Methods: []string{"PUT"}}, []originCase{
		{"http://localhost", true},
		{"http://localhost:1", true},
		{"http://localhost:3000", true},
		{"http://localhost:8080", true},
		{"http://localhost:65535", true},
		{"http://localhost:", false},
		{"http://localhost:03000", false},
		{"http://localhost:65536", false},
		{"http://localhost:99999", false},
		{"http://localhost:123456", false},
		{"http://localhost:-1", false},
		{"http://localhost:+80", false},
		{"http://localhost:abc", false},
		{"http://localhost:3000:3000", false},
		{"http://localhost:3000/", false},
		{"http://localhost:3000@evil.com", false},
		{"http://evil.com@localhost:3000", false},
		{"https://localhost:3000", false},
		{"http://LOCALHOST:3000", false},
		{"http://127.0.0.1:3000", false},
		{"http://sub.localhost:3000", false},
		{"http://localhost.evil.com:3000", false},
		{"http://localhostx:3000", false},
		{"http://evil.com:3000", false},
	})
}

func TestIPv6PortPatternsMatchTheLiteralOnly(t *testing.T) {
	checkOrigins(t, corsa.Config{Origins: []string{"http://[::1]:*"}, Methods: []string{"PUT"}}, []originCase{
		{"http://[::1]", true},
		{"http://[::1]:8080", true},
		{"http://[::1]:", false},
		{"http://[::1]:080", false},
		{"http://[::1]:70000", false},
		{"http://[::1]x", false},
		{"http://[::1]:8080/", false},
		{"http://[::2]:8080", false},
		{"http://[0:0:0:0:0:0:0:1]:8080", false},
		{"https://[::1]:8080", false},
		{"http://::1:8080", false},
	})
}

func TestSubdomainAndPortPatternsCombine(t *testing.T) {
	checkOrigins(t, corsa.Config{Origins: []string{"https://*.example.com:*"}, Methods: []string{"PUT"}}, []originCase{
		{"https://a.example.com", true},
		{"https://a.example.com:8443", true},
		{"https://a.b.example.com:1", true},
		{"https://example.com:8443", false},
		{"https://a.example.com:0443", false},
		{"https://a.example.com.evil.org:8443", false},
		// The longest origin the pattern can match: a host at DNS's 253
		// bytes and a five-digit port, compared with the pattern rather
		// than cut off by the length bound.
		{"https://" + hostOfLength(253) + ":65535", true},
		{"https://" + hostOfLength(254) + ":65535", false},
	})
}

// hostOfLength is a host under example.com of n bytes, in labels of at
// most 63.
func hostOfLength(n int) string {
	var b strings.Builder
	for rest := n - len(".example.com"); rest > 0; {
		label := min(rest, 63)
		if rest-label == 1 { // no label of zero bytes after the dot
			label--
		}
		b.WriteString(strings.Repeat("a", label))
		if rest -= label; rest > 0 {
			b.WriteByte('.')
			rest--
		}
	}
	return b.String() + ".example.com"
}

// SPEC.md §1, revision 2: "*" covers null, as Fetch's CORS check does,
// and answers every request but a preflight the same, so only a preflight
// is refused for carrying two Origin headers.
func TestAnyOriginCoversNullAndRefusesOnlyRepeatedOriginPreflights(t *testing.T) {
	for _, cfg := range []corsa.Config{
		{Origins: []string{"*"}, Methods: []string{"PUT"}},
		{Origins: []string{"*", "null"}, DangerouslyAllowNullOrigin: true, Methods: []string{"PUT"}},
	} {
		checkOrigins(t, cfg, []originCase{
			{"https://anyone.example.net", true},
			{"http://localhost:3000", true},
			{"null", true},
		})
		p := mustPolicy(t, cfg)
		t.Run("an actual request with two Origin headers is allowed", func(t *testing.T) {
			d := corsa.Decide(p, &corsa.Request{Method: "GET", Origin: "https://anyone.example.net", MultipleOrigins: true})
			if d.Reason() != corsa.Allowed || d.Preflight() || !granted(d, "https://anyone.example.net") {
				t.Errorf("preflight %v, Reason() = %v; want an allowed actual request", d.Preflight(), d.Reason())
			}
		})
		t.Run("a preflight with two Origin headers is refused as malformed", func(t *testing.T) {
			d := corsa.Decide(p, &corsa.Request{Method: "OPTIONS", Origin: "https://anyone.example.net", MultipleOrigins: true, RequestMethod: "PUT"})
			if d.Reason() != corsa.Malformed || d.Status() != 403 {
				t.Errorf("Reason() = %v, Status() = %d; want %v, 403", d.Reason(), d.Status(), corsa.Malformed)
			}
		})
	}
}

func TestNullMatchesOnlyWhenListed(t *testing.T) {
	checkOrigins(t, corsa.Config{Origins: []string{"null", "https://example.com"}, DangerouslyAllowNullOrigin: true, Methods: []string{"PUT"}}, []originCase{
		{"null", true},
		{"https://example.com", true},
		{"NULL", false},
		{"Null", false},
		{"null ", false},
		{"https://null", false},
	})
}
