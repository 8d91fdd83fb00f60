package corsa_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// Explain states SPEC revision 2's rules in its own words: "*" covers null
// and answers every non-preflight request the same, and a Private Network
// Access request to a policy without it is answered as if not asked.
func TestExplainStatesRevisionTwoRules(t *testing.T) {
	tests := []struct {
		name    string
		cfg     corsa.Config
		req     corsa.Request
		want    []string // lines, or parts of lines, that must appear
		notWant []string
	}{
		{"a request without Origin to an any-origin policy lists the constant headers and no Vary",
			anythingPolicy, corsa.Request{Method: "GET"},
			[]string{"not a CORS request", "Access-Control-Allow-Origin: *\n", "Access-Control-Expose-Headers: *\n"},
			[]string{"Vary"}},
		{"an actual request from null to an any-origin policy is allowed with the constant headers",
			anyOriginPolicy, corsa.Request{Method: "GET", Origin: "null"},
			[]string{`actual GET request from "null": allowed`, "Access-Control-Allow-Origin: *\n"},
			[]string{"Vary", "not allowed"}},
		{"an actual request with two Origin headers to an any-origin policy is allowed",
			anyOriginPolicy, corsa.Request{Method: "GET", Origin: appOrigin, MultipleOrigins: true},
			[]string{"allowed", "Access-Control-Allow-Origin: *\n"},
			[]string{"Vary", "refused"}},
		{"a preflight from null to an any-origin policy says * covers null",
			anyOriginPolicy, corsa.Request{Method: "OPTIONS", Origin: "null", RequestMethod: "GET"},
			[]string{`preflight from "null" for GET: allowed`, `origin "null": allowed by "*"`, "status 204",
				"Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers (added)"},
			[]string{"not allowed"}},
		{"a preflight from null to a listing policy is refused and names the opt-in",
			listedPolicy, corsa.Request{Method: "OPTIONS", Origin: "null", RequestMethod: "PUT"},
			[]string{"refused: origin not allowed", "dangerouslyAllowNullOrigin", "status 403"},
			[]string{"Access-Control-Allow-Origin"}},
		{"a Private Network Access preflight to a policy without it is allowed without Allow-Private-Network",
			listedPolicy, corsa.Request{Method: "OPTIONS", Origin: appOrigin, RequestMethod: "PUT", PrivateNetwork: "true"},
			[]string{"for PUT: allowed", "private network access: not granted", "the browser decides", "status 204",
				"Access-Control-Allow-Origin: " + appOrigin + "\n"},
			[]string{"Access-Control-Allow-Private-Network", "refused"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := mustPolicy(t, tc.cfg).ExplainRequest(&tc.req)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("Explain lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(got, w) {
					t.Errorf("Explain has %q, which it must not:\n%s", w, got)
				}
			}
		})
	}
}

func TestExplainNamesTheEntryThatMatched(t *testing.T) {
	many := []string{
		"https://a1.example", "https://a2.example", "https://a3.example", "https://a4.example",
		"https://a5.example", "https://a6.example", "https://a7.example", "https://a4.example",
		"https://a8.example",
	}
	tests := []struct {
		name    string
		origins []string
		origin  string
		want    string
	}{
		{"a pattern listed after a duplicated one is named by its own index",
			[]string{"https://*.a.com", "https://*.a.com", "https://*.b.com"}, "https://x.b.com",
			`  origin "https://x.b.com": allowed: matches pattern origins[2] "https://*.b.com"`},
		{"the first of two equal patterns is named",
			[]string{"https://*.b.com", "https://*.b.com"}, "https://x.b.com",
			`  origin "https://x.b.com": allowed: matches pattern origins[0] "https://*.b.com"`},
		{"an exact origin in a long list is named by its index",
			many, "https://a8.example",
			`  origin "https://a8.example": allowed: listed as origins[8]`},
		{"an exact origin in a short list is named by its index",
			[]string{"https://*.b.com", "https://app.b.com"}, "https://app.b.com",
			`  origin "https://app.b.com": allowed: listed as origins[1]`},
		{"a port pattern is named",
			[]string{"https://app.b.com", "http://localhost:*"}, "http://localhost:3000",
			`  origin "http://localhost:3000": allowed: matches pattern origins[1] "http://localhost:*"`},
		{"* is named",
			[]string{"*"}, "https://x.b.com",
			`  origin "https://x.b.com": allowed by "*" (origins[0])`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := mustPolicy(t, corsa.Config{Origins: tc.origins})
			// A preflight, since "*" answers actual requests without
			// looking at Origin at all.
			got := p.ExplainRequest(&corsa.Request{Method: "OPTIONS", Origin: tc.origin, RequestMethod: "GET"})
			if !strings.Contains(got, tc.want+"\n") {
				t.Errorf("Explain =\n%s\nwant a line\n%s", got, tc.want)
			}
		})
	}
}

func TestOriginsLongerThanAnyEntryAreRefusedBeforeMatching(t *testing.T) {
	tests := []struct {
		name    string
		origins []string
		longest string // the longest origin the policy allows, written out
		max     int    // its length, counted by hand
	}{
		{"an exact origin bounds the length by its own",
			[]string{"https://app.example.com"}, "https://app.example.com", 23},
		{"a port pattern bounds the port by five digits",
			[]string{"https://a.example", "http://localhost:*"}, "http://localhost:65535", 22},
		{"a subdomain pattern bounds the host by 253 bytes",
			[]string{"https://*.example.com"}, "https://" + strings.Repeat("a.", 120) + "a.example.com", 8 + 253},
		{"a subdomain and port pattern adds the port",
			[]string{"https://*.example.com:*"}, "https://" + strings.Repeat("a.", 120) + "a.example.com:65535", 8 + 253 + 6},
		{"an IPv6 literal bounds the length by its own",
			[]string{"https://[2001:db8::1]:8443"}, "https://[2001:db8::1]:8443", 26},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.longest) != tc.max {
				t.Fatalf("test data: the longest origin is %d bytes, not %d", len(tc.longest), tc.max)
			}
			p := mustPolicy(t, corsa.Config{Origins: tc.origins})
			if d := corsa.Decide(p, &corsa.Request{Method: "GET", Origin: tc.longest}); !granted(d, tc.longest) {
				t.Fatalf("the longest allowed origin %q was refused: %v", tc.longest, d.Reason())
			}
			tooLong := tc.longest + "0"
			if d := corsa.Decide(p, &corsa.Request{Method: "GET", Origin: tooLong}); d.Reason() != corsa.OriginNotAllowed {
				t.Errorf("a %d-byte origin got %v, want %v", len(tooLong), d.Reason(), corsa.OriginNotAllowed)
			}
			huge := strings.Repeat("a", 1<<20)
			got := p.ExplainRequest(&corsa.Request{Method: "GET", Origin: huge})
			want := "not allowed: 1048576 bytes, longer than any origin this policy can match (" + strconv.Itoa(tc.max) + " bytes), so refused before matching"
			if !strings.Contains(got, want) {
				t.Errorf("Explain =\n%s\nwant it to say %q", got, want)
			}
			if len(got) > 4096 {
				t.Errorf("Explain wrote %d bytes for a 1 MB origin, want it cut", len(got))
			}
		})
	}

	t.Run("a policy with no origins says so rather than quoting a bound of 0 bytes", func(t *testing.T) {
		p := mustPolicy(t, corsa.Config{})
		got := p.ExplainRequest(&corsa.Request{Method: "GET", Origin: "https://a.example"})
		if want := `  origin "https://a.example": not allowed: the policy allows no origins` + "\n"; !strings.Contains(got, want) {
			t.Errorf("Explain =\n%s\nwant a line\n%s", got, want)
		}
	})
	t.Run("a * policy allows an origin of any length, at no cost", func(t *testing.T) {
		p := mustPolicy(t, corsa.Config{Origins: []string{"*"}})
		origin := "https://" + strings.Repeat("a", 1<<20)
		if d := corsa.Decide(p, &corsa.Request{Method: "GET", Origin: origin}); !granted(d, origin) {
			t.Errorf("got %v, want allowed", d.Reason())
		}
	})
}

// Explain says which rule lets a preflight's method through, or why none
// does, in the order Decide checks them.
func TestExplainSaysWhyAPreflightMethodIsAllowedOrNot(t *testing.T) {
	tests := []struct {
		name   string
		cfg    corsa.Config
		method string
		want   string
	}{
		{"GET needs no listing", listedPolicy, "GET", "method GET: allowed: GET, HEAD and POST never need listing\n"},
		{"HEAD needs no listing", listedPolicy, "HEAD", "method HEAD: allowed: GET, HEAD and POST never need listing\n"},
		{"POST needs no listing", listedPolicy, "POST", "method POST: allowed: GET, HEAD and POST never need listing\n"},
		{"a listed method is allowed as listed", listedPolicy, "PUT", "method PUT: allowed: listed in methods\n"},
		{"an unlisted method is refused", listedPolicy, "PATCH", `method "PATCH": not allowed: not in methods` + "\n"},
		{"a lower-case spelling of a listed method is another method", listedPolicy, "put",
			`method "put": not allowed: not in methods (methods are case-sensitive; PUT is allowed)` + "\n"},
		{"a lower-case get is not the safelisted GET", listedPolicy, "get",
			`method "get": not allowed: not in methods (methods are case-sensitive; GET is allowed)` + "\n"},
		{"a value that is no method token is refused as such", listedPolicy, "P T", `method "P T": not allowed: not a valid method token` + "\n"},
		{"any method is allowed by *", anythingPolicy, "PATCH", "method PATCH: allowed by \"*\"\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := mustPolicy(t, tc.cfg).ExplainRequest(&corsa.Request{Method: "OPTIONS", Origin: appOrigin, RequestMethod: tc.method})
			if !strings.Contains(got, "  "+tc.want) {
				t.Errorf("Explain lacks %q:\n%s", tc.want, got)
			}
		})
	}
}
