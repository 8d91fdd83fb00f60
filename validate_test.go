package corsa_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// okOrigin precedes the origin under test in Origins, so that a problem is
// reported at index 1, not at a coincidental 0.
const okOrigin = "https://ok.example.com"

// withOrigin is a valid base config plus one origin at index 1.
func withOrigin(origin string, credentials bool) corsa.Config {
	return corsa.Config{Origins: []string{okOrigin, origin}, Credentials: credentials}
}

// refusal is a config New must refuse with exactly one problem.
type refusal struct {
	name  string
	cfg   corsa.Config
	rule  error
	field string
	value string
}

// The refusals are grouped by SPEC.md §5 rule.
var (
	wildcardRefusals = []refusal{
		{"a * origin with credentials", corsa.Config{Origins: []string{"*"}, Credentials: true}, corsa.ErrWildcardWithCredentials, "origins[0]", "*"},
		{"a * origin after a valid one with credentials", withOrigin("*", true), corsa.ErrWildcardWithCredentials, "origins[1]", "*"},
		{"a * method with credentials", corsa.Config{Origins: []string{okOrigin}, Credentials: true, Methods: []string{"PUT", "*"}}, corsa.ErrWildcardWithCredentials, "methods[1]", "*"},
		{"a * request header with credentials", corsa.Config{Origins: []string{okOrigin}, Credentials: true, RequestHeaders: []string{"*"}}, corsa.ErrWildcardWithCredentials, "requestHeaders[0]", "*"},
		{"a * exposed header with credentials", corsa.Config{Origins: []string{okOrigin}, Credentials: true, ExposedHeaders: []string{"X-Total-Count", "*"}}, corsa.ErrWildcardWithCredentials, "exposedHeaders[1]", "*"},
	}

	invalidOriginRefusals = []refusal{
		{"an origin with a path", withOrigin("https://example.com/app", false), corsa.ErrInvalidOrigin, "origins[1]", "https://example.com/app"},
		{"an origin with a trailing slash", withOrigin("https://example.com/", false), corsa.ErrInvalidOrigin, "origins[1]", "https://example.com/"},
		{"a pattern with a trailing slash", withOrigin("https://*.example.com/", false), corsa.ErrInvalidOrigin, "origins[1]", "https://*.example.com/"},
		{"an origin with user info", withOrigin("https://user@example.com", false), corsa.ErrInvalidOrigin, "origins[1]", "https://user@example.com"},
		{"an origin with user and password", withOrigin("https://user:pass@example.com", false), corsa.ErrInvalidOrigin, "origins[1]", "https://user:pass@example.com"},
		{"an upper-case scheme", withOrigin("HTTPS://example.com", false), corsa.ErrInvalidOrigin, "origins[1]", "HTTPS://example.com"},
		{"a mixed-case scheme", withOrigin("Https://example.com", false), corsa.ErrInvalidOrigin, "origins[1]", "Https://example.com"},
		{"an upper-case host", withOrigin("https://EXAMPLE.COM", false), corsa.ErrInvalidOrigin, "origins[1]", "https://EXAMPLE.COM"},
		{"a mixed-case host", withOrigin("https://Example.com", false), corsa.ErrInvalidOrigin, "origins[1]", "https://Example.com"},
		{"an empty host", withOrigin("https://", false), corsa.ErrInvalidOrigin, "origins[1]", "https://"},
		{"an empty host with a port", withOrigin("https://:8443", false), corsa.ErrInvalidOrigin, "origins[1]", "https://:8443"},
		{"a host label longer than DNS allows", withOrigin("https://"+strings.Repeat("a", 64)+".example.com", false), corsa.ErrInvalidOrigin, "origins[1]", "https://" + strings.Repeat("a", 64) + ".example.com"},
		{"a host longer than DNS allows", withOrigin("https://"+strings.Repeat("a.", 122)+"example.com", false), corsa.ErrInvalidOrigin, "origins[1]", "https://" + strings.Repeat("a.", 122) + "example.com"},
		{"an origin with a query", withOrigin("https://example.com?a=1", false), corsa.ErrInvalidOrigin, "origins[1]", "https://example.com?a=1"},
		{"an origin with a fragment", withOrigin("https://example.com#top", false), corsa.ErrInvalidOrigin, "origins[1]", "https://example.com#top"},
		{"the default https port", withOrigin("https://example.com:443", false), corsa.ErrInvalidOrigin, "origins[1]", "https://example.com:443"},
		{"the default http port", withOrigin("http://example.com:80", false), corsa.ErrInvalidOrigin, "origins[1]", "http://example.com:80"},
		{"an empty port", withOrigin("https://example.com:", false), corsa.ErrInvalidOrigin, "origins[1]", "https://example.com:"},
		{"port zero", withOrigin("https://example.com:0", false), corsa.ErrInvalidOrigin, "origins[1]", "https://example.com:0"},
		{"a port above 65535", withOrigin("https://example.com:65536", false), corsa.ErrInvalidOrigin, "origins[1]", "https://example.com:65536"},
		{"a port with a leading zero", withOrigin("https://example.com:08443", false), corsa.ErrInvalidOrigin, "origins[1]", "https://example.com:08443"},
		{"a port that is not a number", withOrigin("https://example.com:https", false), corsa.ErrInvalidOrigin, "origins[1]", "https://example.com:https"},
		{"a negative port", withOrigin("https://example.com:-1", false), corsa.ErrInvalidOrigin, "origins[1]", "https://example.com:-1"},
		{"a leading space", withOrigin(" https://example.com", false), corsa.ErrInvalidOrigin, "origins[1]", " https://example.com"},
		{"a trailing space", withOrigin("https://example.com ", false), corsa.ErrInvalidOrigin, "origins[1]", "https://example.com "},
		{"a space inside the host", withOrigin("https://exa mple.com", false), corsa.ErrInvalidOrigin, "origins[1]", "https://exa mple.com"},
		{"a non-ASCII host", withOrigin("https://exämple.com", false), corsa.ErrInvalidOrigin, "origins[1]", "https://exämple.com"},
		{"a host with no scheme", withOrigin("example.com", false), corsa.ErrInvalidOrigin, "origins[1]", "example.com"},
		{"an empty origin", withOrigin("", false), corsa.ErrInvalidOrigin, "origins[1]", ""},
	}

	nullAndInsecureRefusals = []refusal{
		{"null without the opt-in", withOrigin("null", false), corsa.ErrNullOrigin, "origins[1]", "null"},
		{"a plain http origin with credentials", withOrigin("http://app.example.com", true), corsa.ErrInsecureOrigin, "origins[1]", "http://app.example.com"},
		{"a plain http private address with credentials", withOrigin("http://192.168.1.10:8080", true), corsa.ErrInsecureOrigin, "origins[1]", "http://192.168.1.10:8080"},
		{"a plain http subdomain pattern with credentials", withOrigin("http://*.example.com", true), corsa.ErrInsecureOrigin, "origins[1]", "http://*.example.com"},
		{"a plain http host merely starting with localhost with credentials", withOrigin("http://localhost.example.com", true), corsa.ErrInsecureOrigin, "origins[1]", "http://localhost.example.com"},
	}

	broadPatternRefusals = []refusal{
		{"a wildcard host", withOrigin("https://*", false), corsa.ErrBroadPattern, "origins[1]", "https://*"},
		{"a wildcard over a top-level domain", withOrigin("https://*.com", false), corsa.ErrBroadPattern, "origins[1]", "https://*.com"},
		{"a pattern without a scheme", withOrigin("*.example.com", false), corsa.ErrBroadPattern, "origins[1]", "*.example.com"},
		{"a wildcard inside a leading label", withOrigin("https://a*.example.com", false), corsa.ErrBroadPattern, "origins[1]", "https://a*.example.com"},
		{"a wildcard inside an inner label", withOrigin("https://ex*ample.com", false), corsa.ErrBroadPattern, "origins[1]", "https://ex*ample.com"},
		{"two wildcard labels", withOrigin("https://*.*.example.com", false), corsa.ErrBroadPattern, "origins[1]", "https://*.*.example.com"},
		{"a wildcard top-level domain", withOrigin("https://example.*", false), corsa.ErrBroadPattern, "origins[1]", "https://example.*"},
		{"a wildcard over a multi-label public suffix", withOrigin("https://*.co.uk", false), corsa.ErrBroadPattern, "origins[1]", "https://*.co.uk"},
		{"a wildcard over a hosting public suffix", withOrigin("https://*.github.io", false), corsa.ErrBroadPattern, "origins[1]", "https://*.github.io"},
		{"a wildcard over an IPv4 address", withOrigin("https://*.10.0.0.1", false), corsa.ErrBroadPattern, "origins[1]", "https://*.10.0.0.1"},
	}

	methodRefusals = []refusal{
		{"a method with a space", corsa.Config{Methods: []string{"PUT", "PU T"}}, corsa.ErrInvalidMethod, "methods[1]", "PU T"},
		{"a comma-separated list as one method", corsa.Config{Methods: []string{"PUT,DELETE"}}, corsa.ErrInvalidMethod, "methods[0]", "PUT,DELETE"},
		{"an empty method", corsa.Config{Methods: []string{""}}, corsa.ErrInvalidMethod, "methods[0]", ""},
		{"a method with a separator", corsa.Config{Methods: []string{"(PUT)"}}, corsa.ErrInvalidMethod, "methods[0]", "(PUT)"},
		{"a non-ASCII method", corsa.Config{Methods: []string{"DÉLETE"}}, corsa.ErrInvalidMethod, "methods[0]", "DÉLETE"},
		{"CONNECT", corsa.Config{Methods: []string{"CONNECT"}}, corsa.ErrForbiddenMethod, "methods[0]", "CONNECT"},
		{"connect in lower case", corsa.Config{Methods: []string{"connect"}}, corsa.ErrForbiddenMethod, "methods[0]", "connect"},
		{"TRACE", corsa.Config{Methods: []string{"PUT", "TRACE"}}, corsa.ErrForbiddenMethod, "methods[1]", "TRACE"},
		{"Trace in mixed case", corsa.Config{Methods: []string{"Trace"}}, corsa.ErrForbiddenMethod, "methods[0]", "Trace"},
		{"TRACK", corsa.Config{Methods: []string{"TRACK"}}, corsa.ErrForbiddenMethod, "methods[0]", "TRACK"},
		{"track in lower case", corsa.Config{Methods: []string{"track"}}, corsa.ErrForbiddenMethod, "methods[0]", "track"},
		{"get in lower case", corsa.Config{Methods: []string{"get"}}, corsa.ErrInvalidMethod, "methods[0]", "get"},
		{"head in lower case", corsa.Config{Methods: []string{"head"}}, corsa.ErrInvalidMethod, "methods[0]", "head"},
		{"post in lower case", corsa.Config{Methods: []string{"post"}}, corsa.ErrInvalidMethod, "methods[0]", "post"},
		{"put in lower case", corsa.Config{Methods: []string{"put"}}, corsa.ErrInvalidMethod, "methods[0]", "put"},
		{"delete in lower case", corsa.Config{Methods: []string{"PUT", "delete"}}, corsa.ErrInvalidMethod, "methods[1]", "delete"},
		{"options in lower case", corsa.Config{Methods: []string{"options"}}, corsa.ErrInvalidMethod, "methods[0]", "options"},
		// Fetch upper-cases any case-insensitive match of these six names,
		// so a mixed-case spelling can never match either.
		{"Delete in mixed case", corsa.Config{Methods: []string{"Delete"}}, corsa.ErrInvalidMethod, "methods[0]", "Delete"},
	}

	headerRefusals = []refusal{
		{"a request header with a space", corsa.Config{RequestHeaders: []string{"X-Ok", "X Bad"}}, corsa.ErrInvalidHeader, "requestHeaders[1]", "X Bad"},
		{"a request header with a colon", corsa.Config{RequestHeaders: []string{"X-Bad:"}}, corsa.ErrInvalidHeader, "requestHeaders[0]", "X-Bad:"},
		{"a comma-separated list as one request header", corsa.Config{RequestHeaders: []string{"X-A,X-B"}}, corsa.ErrInvalidHeader, "requestHeaders[0]", "X-A,X-B"},
		{"an empty request header", corsa.Config{RequestHeaders: []string{""}}, corsa.ErrInvalidHeader, "requestHeaders[0]", ""},
		{"a non-ASCII request header", corsa.Config{RequestHeaders: []string{"X-Ünicode"}}, corsa.ErrInvalidHeader, "requestHeaders[0]", "X-Ünicode"},
		{"a request header with CRLF", corsa.Config{RequestHeaders: []string{"X-A\r\nX-B"}}, corsa.ErrInvalidHeader, "requestHeaders[0]", "X-A\r\nX-B"},
		{"Cookie as a request header", corsa.Config{RequestHeaders: []string{"Content-Type", "Cookie"}}, corsa.ErrForbiddenHeader, "requestHeaders[1]", "Cookie"},
		{"cookie in lower case", corsa.Config{RequestHeaders: []string{"cookie"}}, corsa.ErrForbiddenHeader, "requestHeaders[0]", "cookie"},
		{"Host as a request header", corsa.Config{RequestHeaders: []string{"Host"}}, corsa.ErrForbiddenHeader, "requestHeaders[0]", "Host"},
		{"Origin as a request header", corsa.Config{RequestHeaders: []string{"Origin"}}, corsa.ErrForbiddenHeader, "requestHeaders[0]", "Origin"},
		{"a Sec- request header", corsa.Config{RequestHeaders: []string{"Sec-Fetch-Mode"}}, corsa.ErrForbiddenHeader, "requestHeaders[0]", "Sec-Fetch-Mode"},
		{"a Proxy- request header", corsa.Config{RequestHeaders: []string{"Proxy-Authorization"}}, corsa.ErrForbiddenHeader, "requestHeaders[0]", "Proxy-Authorization"},
		{"Content-Length as a request header", corsa.Config{RequestHeaders: []string{"Content-Length"}}, corsa.ErrForbiddenHeader, "requestHeaders[0]", "Content-Length"},
		{"Referer as a request header", corsa.Config{RequestHeaders: []string{"Referer"}}, corsa.ErrForbiddenHeader, "requestHeaders[0]", "Referer"},
		{"Connection as a request header", corsa.Config{RequestHeaders: []string{"Connection"}}, corsa.ErrForbiddenHeader, "requestHeaders[0]", "Connection"},
		{"Access-Control-Request-Headers as a request header", corsa.Config{RequestHeaders: []string{"Access-Control-Request-Headers"}}, corsa.ErrForbiddenHeader, "requestHeaders[0]", "Access-Control-Request-Headers"},
		{"an exposed header with a space", corsa.Config{ExposedHeaders: []string{"X Total"}}, corsa.ErrInvalidHeader, "exposedHeaders[0]", "X Total"},
		{"Set-Cookie as an exposed header", corsa.Config{ExposedHeaders: []string{"X-Total-Count", "Set-Cookie"}}, corsa.ErrForbiddenHeader, "exposedHeaders[1]", "Set-Cookie"},
		{"set-cookie in lower case as an exposed header", corsa.Config{ExposedHeaders: []string{"set-cookie"}}, corsa.ErrForbiddenHeader, "exposedHeaders[0]", "set-cookie"},
	}

	numberRefusals = []refusal{
		{"a negative max-age", corsa.Config{MaxAge: corsa.Seconds(-1)}, corsa.ErrMaxAge, "maxAge", "-1"},
		{"a max-age above a day", corsa.Config{MaxAge: corsa.Seconds(86401)}, corsa.ErrMaxAge, "maxAge", "86401"},
		{"preflight status 199", corsa.Config{PreflightStatus: 199}, corsa.ErrPreflightStatus, "preflightStatus", "199"},
		{"preflight status 300", corsa.Config{PreflightStatus: 300}, corsa.ErrPreflightStatus, "preflightStatus", "300"},
		{"preflight status 404", corsa.Config{PreflightStatus: 404}, corsa.ErrPreflightStatus, "preflightStatus", "404"},
		{"a negative preflight status", corsa.Config{PreflightStatus: -204}, corsa.ErrPreflightStatus, "preflightStatus", "-204"},
	}
)

func TestNewRefusesEachInvalidSetting(t *testing.T) {
	groups := [][]refusal{
		wildcardRefusals, invalidOriginRefusals, nullAndInsecureRefusals,
		broadPatternRefusals, methodRefusals, headerRefusals, numberRefusals,
	}
	for _, group := range groups {
		for _, tc := range group {
			t.Run("it refuses "+tc.name, func(t *testing.T) {
				p, err := corsa.New(tc.cfg)
				if err == nil {
					t.Fatalf("New accepted %+v", tc.cfg)
				}
				if p != nil {
					t.Errorf("New returned a policy along with error %v", err)
				}
				if !errors.Is(err, tc.rule) {
					t.Errorf("error %q does not match rule %q", err, tc.rule)
				}
				var ce *corsa.ConfigError
				if !errors.As(err, &ce) {
					t.Fatalf("error %q holds no *corsa.ConfigError", err)
				}
				if ce.Field != tc.field || ce.Value != tc.value || ce.Rule != tc.rule {
					t.Errorf("ConfigError{Field: %q, Value: %q, Rule: %q}, want {%q, %q, %q}",
						ce.Field, ce.Value, ce.Rule, tc.field, tc.value, tc.rule)
				}
				if all := configErrors(t, err); len(all) != 1 {
					t.Errorf("got %d problems, want only this one: %v", len(all), err)
				}
				if !strings.Contains(err.Error(), tc.field) {
					t.Errorf("message %q does not name the field %s", err, tc.field)
				}
			})
		}
	}
}

func TestNewAcceptsTheNearestLegalSettings(t *testing.T) {
	tests := []struct {
		name string
		cfg  corsa.Config
	}{
		{"* without credentials", corsa.Config{Origins: []string{"*"}}},
		{"* methods, request and exposed headers without credentials",
			corsa.Config{Origins: []string{"*"}, Methods: []string{"*"}, RequestHeaders: []string{"*", "Authorization"}, ExposedHeaders: []string{"*"}}},
		{"http://localhost:3000 with credentials", corsa.Config{Origins: []string{"http://localhost:3000"}, Credentials: true}},
		{"http://localhost without a port with credentials", corsa.Config{Origins: []string{"http://localhost"}, Credentials: true}},
		{"http://127.0.0.1:8080 with credentials", corsa.Config{Origins: []string{"http://127.0.0.1:8080"}, Credentials: true}},
		{"another 127/8 address with credentials", corsa.Config{Origins: []string{"http://127.1.2.3"}, Credentials: true}},
		{"http://[::1]:8080 with credentials", corsa.Config{Origins: []string{"http://[::1]:8080"}, Credentials: true}},
		{"a .localhost subdomain with credentials", corsa.Config{Origins: []string{"http://app.localhost:3000"}, Credentials: true}},
		{"a pattern under a .localhost subdomain with credentials", corsa.Config{Origins: []string{"http://*.app.localhost"}, Credentials: true}},
		{"a pattern over localhost with credentials", corsa.Config{Origins: []string{"http://*.localhost:3000"}, Credentials: true}},
		{"a localhost port pattern with credentials", corsa.Config{Origins: []string{"http://localhost:*"}, Credentials: true}},
		{"an https origin with credentials", corsa.Config{Origins: []string{"https://app.example.com"}, Credentials: true}},
		{"an http origin without credentials", corsa.Config{Origins: []string{"http://insecure.example"}}},
		{"an http origin with credentials and the opt-in",
			corsa.Config{Origins: []string{"http://insecure.example"}, Credentials: true, DangerouslyAllowInsecureOrigins: true}},
		{"null with the opt-in", corsa.Config{Origins: []string{"null"}, DangerouslyAllowNullOrigin: true}},
		{"null with the opt-in and credentials", corsa.Config{Origins: []string{"null"}, DangerouslyAllowNullOrigin: true, Credentials: true}},
		{"an explicit non-default port", corsa.Config{Origins: []string{"https://example.com:8443", "http://example.com:443"}}},
		{"port 65535", corsa.Config{Origins: []string{"https://example.com:65535"}}},
		{"a subdomain pattern", corsa.Config{Origins: []string{"https://*.example.com"}}},
		{"a subdomain pattern under a public suffix", corsa.Config{Origins: []string{"https://*.example.co.uk", "https://*.mine.github.io"}}},
		{"a subdomain pattern with a port", corsa.Config{Origins: []string{"https://*.example.com:8443"}}},
		{"a punycode host", corsa.Config{Origins: []string{"https://xn--bcher-kva.example"}}},
		{"an IPv6 origin", corsa.Config{Origins: []string{"https://[2001:db8::1]:8443"}}},
		{"custom methods in upper and lower case", corsa.Config{Methods: []string{"PATCH", "patch", "PURGE", "propfind"}}},
		{"the methods that never need listing", corsa.Config{Methods: []string{"GET", "HEAD", "POST", "OPTIONS", "PUT", "DELETE"}}},
		{"ordinary request headers", corsa.Config{RequestHeaders: []string{"Content-Type", "Authorization", "x-request-id", "Accept"}}},
		{"names that only start like forbidden prefixes", corsa.Config{RequestHeaders: []string{"Secret-Token", "Proxyish", "X-Sec-Token"}}},
		{"an ordinary exposed header", corsa.Config{ExposedHeaders: []string{"X-Total-Count", "Set-Cookie-Policy"}}},
		{"max-age 0", corsa.Config{MaxAge: corsa.Seconds(0)}},
		{"max-age 86400", corsa.Config{MaxAge: corsa.Seconds(86400)}},
		{"preflight status 200", corsa.Config{PreflightStatus: 200}},
		{"preflight status 299", corsa.Config{PreflightStatus: 299}},
		{"private network access", corsa.Config{Origins: []string{"https://app.example.com"}, PrivateNetwork: true}},
	}
	for _, tc := range tests {
		t.Run("it accepts "+tc.name, func(t *testing.T) {
			p, err := corsa.New(tc.cfg)
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			if p == nil {
				t.Fatal("New returned a nil policy and no error")
			}
		})
	}
}

func TestNewReportsEveryProblemAtOnce(t *testing.T) {
	cfg := corsa.Config{
		Origins:         []string{"https://ok.example.com", "https://bad.example.com/", "*"},
		Credentials:     true,
		Methods:         []string{"PUT", "TRACE"},
		RequestHeaders:  []string{"Cookie"},
		MaxAge:          corsa.Seconds(-5),
		PreflightStatus: 302,
	}
	want := []struct {
		field string
		rule  error
	}{
		{"origins[1]", corsa.ErrInvalidOrigin},
		{"origins[2]", corsa.ErrWildcardWithCredentials},
		{"methods[1]", corsa.ErrForbiddenMethod},
		{"requestHeaders[0]", corsa.ErrForbiddenHeader},
		{"maxAge", corsa.ErrMaxAge},
		{"preflightStatus", corsa.ErrPreflightStatus},
	}
	_, err := corsa.New(cfg)
	if err == nil {
		t.Fatal("New accepted a config with six problems")
	}
	got := configErrors(t, err)
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d: %v", len(got), len(want), err)
	}
	for _, w := range want {
		t.Run("it reports "+w.field, func(t *testing.T) {
			for _, ce := range got {
				if ce.Field == w.field {
					if !errors.Is(ce, w.rule) {
						t.Errorf("%s broke %q, want %q", w.field, ce.Rule, w.rule)
					}
					return
				}
			}
			t.Errorf("no problem reported for %s in %v", w.field, err)
		})
	}
}

func TestNewReportsFiveProblemsAsFiveJoinedErrors(t *testing.T) {
	cfg := corsa.Config{
		Origins:        []string{"null", "https://*.com"},
		Methods:        []string{"get"},
		RequestHeaders: []string{"Host"},
		ExposedHeaders: []string{"Set-Cookie"},
	}
	_, err := corsa.New(cfg)
	got := configErrors(t, err)
	if len(got) != 5 {
		t.Fatalf("got %d problems, want 5: %v", len(got), err)
	}
	for _, rule := range []error{corsa.ErrNullOrigin, corsa.ErrBroadPattern, corsa.ErrInvalidMethod, corsa.ErrForbiddenHeader} {
		if !errors.Is(err, rule) {
			t.Errorf("joined error does not match %q", rule)
		}
	}
	if lines := strings.Count(err.Error(), "\n") + 1; lines != 5 {
		t.Errorf("message has %d lines, want one per problem:\n%v", lines, err)
	}
}

func TestZeroConfigIsValidAndAllowsNothing(t *testing.T) {
	p, err := corsa.New(corsa.Config{})
	if err != nil {
		t.Fatalf("New(Config{}): %v", err)
	}
	requests := []struct {
		name    string
		method  string
		headers []string
	}{
		{"a simple GET", "GET", []string{"Origin", "https://app.example.com"}},
		{"a preflight for GET", "OPTIONS", []string{"Origin", "https://app.example.com", "Access-Control-Request-Method", "GET"}},
		{"a null origin", "GET", []string{"Origin", "null"}},
	}
	for _, r := range requests {
		t.Run("it refuses "+r.name, func(t *testing.T) {
			d := decide(t, p, r.method, r.headers...)
			if d.Allowed() || d.Reason != corsa.OriginNotAllowed {
				t.Errorf("Allowed() = %v, Reason = %v; want refused, origin not allowed", d.Allowed(), d.Reason)
			}
			if len(d.Headers()) != 0 {
				t.Errorf("Headers() = %v, want none", d.Headers())
			}
		})
	}
	t.Run("its warnings say origins is empty", func(t *testing.T) {
		if !anyContains(p.Warnings(), "origins", "empty") {
			t.Errorf("Warnings() = %q, want one saying origins is empty", p.Warnings())
		}
	})
}

// anyContains reports whether one of lines contains every word.
func anyContains(lines []string, words ...string) bool {
	for _, line := range lines {
		all := true
		for _, w := range words {
			all = all && strings.Contains(line, w)
		}
		if all {
			return true
		}
	}
	return false
}

func TestWarnings(t *testing.T) {
	base := func(c corsa.Config) corsa.Config {
		if c.Origins == nil {
			c.Origins = []string{"https://app.example.com"}
		}
		return c
	}
	tests := []struct {
		name  string
		cfg   corsa.Config
		words []string // one warning must contain all of them; nil: no warning at all
	}{
		{"a clean policy has none", base(corsa.Config{MaxAge: corsa.Seconds(600)}), nil},
		{"max-age 7200 has none", base(corsa.Config{MaxAge: corsa.Seconds(7200)}), nil},
		{"max-age 7201 exceeds Chromium's cap", base(corsa.Config{MaxAge: corsa.Seconds(7201)}), []string{"maxAge", "7201"}},
		{"max-age 86400 exceeds Chromium's cap", base(corsa.Config{MaxAge: corsa.Seconds(86400)}), []string{"maxAge", "86400"}},
		{"a repeated origin is redundant", corsa.Config{Origins: []string{"https://a.example.com", "https://a.example.com"}}, []string{"origins[1]"}},
		{"origins beside * are redundant", corsa.Config{Origins: []string{"*", "https://a.example.com"}}, []string{"origins"}},
		{"a repeated method is redundant", base(corsa.Config{Methods: []string{"PUT", "PUT"}}), []string{"methods[1]"}},
		{"a request header repeated in another case is redundant", base(corsa.Config{RequestHeaders: []string{"X-Id", "x-id"}}), []string{"requestHeaders[1]"}},
		{"a repeated exposed header is redundant", base(corsa.Config{ExposedHeaders: []string{"X-Total", "X-Total"}}), []string{"exposedHeaders[1]"}},
		{"exposing a safelisted header is redundant", base(corsa.Config{ExposedHeaders: []string{"Content-Type"}}), []string{"exposedHeaders[0]"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := mustPolicy(t, tc.cfg).Warnings()
			if tc.words == nil {
				if len(got) != 0 {
					t.Errorf("Warnings() = %q, want none", got)
				}
				return
			}
			if !anyContains(got, tc.words...) {
				t.Errorf("Warnings() = %q, want one mentioning %q", got, tc.words)
			}
		})
	}
}

func TestParseConfig(t *testing.T) {
	designExample := `{
  "origins": ["https://app.example.com", "https://*.example.org", "http://localhost:*"],
  "credentials": true,
  "methods": ["GET", "POST", "PUT", "DELETE", "PATCH"],
  "requestHeaders": ["Content-Type", "Authorization", "X-Request-Id"],
  "exposedHeaders": ["X-Total-Count"],
  "maxAge": 600,
  "privateNetwork": false,
  "preflightStatus": 204
}`
	tests := []struct {
		name    string
		json    string
		want    corsa.Config
		wantErr bool
	}{
		{"it decodes every field of the documented example", designExample, corsa.Config{
			Origins:         []string{"https://app.example.com", "https://*.example.org", "http://localhost:*"},
			Credentials:     true,
			Methods:         []string{"GET", "POST", "PUT", "DELETE", "PATCH"},
			RequestHeaders:  []string{"Content-Type", "Authorization", "X-Request-Id"},
			ExposedHeaders:  []string{"X-Total-Count"},
			MaxAge:          corsa.Seconds(600),
			PreflightStatus: 204,
		}, false},
		{"it decodes the opt-ins", `{"origins":["null"],"dangerouslyAllowNullOrigin":true,"dangerouslyAllowInsecureOrigins":true,"privateNetwork":true}`,
			corsa.Config{Origins: []string{"null"}, DangerouslyAllowNullOrigin: true, DangerouslyAllowInsecureOrigins: true, PrivateNetwork: true}, false},
		{"it leaves an absent maxAge nil", `{"origins":["https://a.example.com"]}`, corsa.Config{Origins: []string{"https://a.example.com"}}, false},
		{"it keeps a maxAge of 0 apart from an absent one", `{"maxAge":0}`, corsa.Config{MaxAge: corsa.Seconds(0)}, false},
		{"it accepts trailing whitespace", "{}\n\t \n", corsa.Config{}, false},
		{"it rejects an unknown field", `{"origin":["https://a.example.com"]}`, corsa.Config{}, true},
		{"it rejects a field in the wrong case convention", `{"max_age":600}`, corsa.Config{}, true},
		{"it rejects a field name in another case", `{"maxage":600}`, corsa.Config{}, true},
		{"it rejects an upper-case field name", `{"ORIGINS":["https://a.example.com"]}`, corsa.Config{}, true},
		{"it rejects a second object", `{"origins":[]} {"credentials":true}`, corsa.Config{}, true},
		{"it rejects trailing garbage", `{} x`, corsa.Config{}, true},
		{"it rejects a wrongly typed field", `{"credentials":"yes"}`, corsa.Config{}, true},
		{"it rejects an empty document", ``, corsa.Config{}, true},
		{"it rejects a truncated document", `{"origins":["https://a.example.com"]`, corsa.Config{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := corsa.ParseConfig([]byte(tc.json))
			if tc.wantErr {
				if err == nil {
					t.Fatalf("ParseConfig(%q) = %+v, want an error", tc.json, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseConfig: %v", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ParseConfig = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestLoadConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	t.Run("it reads a policy file", func(t *testing.T) {
		got, err := corsa.LoadConfig(write("good.json", `{"origins":["https://a.example.com"],"maxAge":0}`))
		if err != nil {
			t.Fatalf("LoadConfig: %v", err)
		}
		want := corsa.Config{Origins: []string{"https://a.example.com"}, MaxAge: corsa.Seconds(0)}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("LoadConfig = %+v, want %+v", got, want)
		}
	})
	t.Run("it names the path of an invalid file", func(t *testing.T) {
		path := write("bad.json", `{"orgins":[]}`)
		if _, err := corsa.LoadConfig(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("LoadConfig error = %v, want one naming %s", err, path)
		}
	})
	t.Run("it names the path of a missing file", func(t *testing.T) {
		path := filepath.Join(dir, "missing.json")
		_, err := corsa.LoadConfig(path)
		if err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("LoadConfig error = %v, want one naming %s", err, path)
		}
		if !errors.Is(err, os.ErrNotExist) {
			t.Errorf("LoadConfig error = %v, want it to wrap os.ErrNotExist", err)
		}
	})
}
