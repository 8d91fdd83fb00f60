package corsa

// The rule each refusal of New breaks is unexported (ConfigError.rule), so
// the tests that check it are in the package itself; everything else about
// validation is tested from outside, through ConfigError's exported fields
// and message.

import (
	"errors"
	"strings"
	"testing"
)

// okOrigin precedes the origin under test in Origins, so that a problem is
// reported at index 1, not at a coincidental 0.
const okOrigin = "https://ok.example.com"

// ruleOrigin is a valid base config plus one origin at index 1.
func ruleOrigin(origin string, credentials bool) Config {
	return Config{Origins: []string{okOrigin, origin}, Credentials: credentials}
}

// ruleErrors returns every *ConfigError joined in err, in order.
func ruleErrors(t *testing.T, err error) []*ConfigError {
	t.Helper()
	var errs []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	} else {
		errs = []error{err}
	}
	var out []*ConfigError
	for _, e := range errs {
		var ce *ConfigError
		if !errors.As(e, &ce) {
			t.Fatalf("error %q is not a *ConfigError", e)
		}
		out = append(out, ce)
	}
	return out
}

// refusal is a config New must refuse with exactly one problem.
type refusal struct {
	name  string
	cfg   Config
	rule  error
	field string
	value string
}

// The refusals are grouped by SPEC.md §5 rule.
var (
	wildcardRefusals = []refusal{
		{"a * origin with credentials", Config{Origins: []string{"*"}, Credentials: true}, errWildcardWithCredentials, "origins[0]", "*"},
		{"a * origin after a valid one with credentials", ruleOrigin("*", true), errWildcardWithCredentials, "origins[1]", "*"},
		{"a * method with credentials", Config{Origins: []string{okOrigin}, Credentials: true, Methods: []string{"PUT", "*"}}, errWildcardWithCredentials, "methods[1]", "*"},
		{"a * request header with credentials", Config{Origins: []string{okOrigin}, Credentials: true, RequestHeaders: []string{"*"}}, errWildcardWithCredentials, "requestHeaders[0]", "*"},
		{"a * exposed header with credentials", Config{Origins: []string{okOrigin}, Credentials: true, ExposedHeaders: []string{"X-Total-Count", "*"}}, errWildcardWithCredentials, "exposedHeaders[1]", "*"},
	}

	invalidOriginRefusals = []refusal{
		{"an origin with a path", ruleOrigin("https://example.com/app", false), errInvalidOrigin, "origins[1]", "https://example.com/app"},
		{"an origin with a trailing slash", ruleOrigin("https://example.com/", false), errInvalidOrigin, "origins[1]", "https://example.com/"},
		{"a pattern with a trailing slash", ruleOrigin("https://*.example.com/", false), errInvalidOrigin, "origins[1]", "https://*.example.com/"},
		{"an origin with user info", ruleOrigin("https://user@example.com", false), errInvalidOrigin, "origins[1]", "https://user@example.com"},
		{"an origin with user and password", ruleOrigin("https://user:pass@example.com", false), errInvalidOrigin, "origins[1]", "https://user:pass@example.com"},
		{"an upper-case scheme", ruleOrigin("HTTPS://example.com", false), errInvalidOrigin, "origins[1]", "HTTPS://example.com"},
		{"a mixed-case scheme", ruleOrigin("Https://example.com", false), errInvalidOrigin, "origins[1]", "Https://example.com"},
		{"an upper-case host", ruleOrigin("https://EXAMPLE.COM", false), errInvalidOrigin, "origins[1]", "https://EXAMPLE.COM"},
		{"a mixed-case host", ruleOrigin("https://Example.com", false), errInvalidOrigin, "origins[1]", "https://Example.com"},
		{"an empty host", ruleOrigin("https://", false), errInvalidOrigin, "origins[1]", "https://"},
		{"an empty host with a port", ruleOrigin("https://:8443", false), errInvalidOrigin, "origins[1]", "https://:8443"},
		{"a host label longer than DNS allows", ruleOrigin("https://"+strings.Repeat("a", 64)+".example.com", false), errInvalidOrigin, "origins[1]", "https://" + strings.Repeat("a", 64) + ".example.com"},
		{"a host longer than DNS allows", ruleOrigin("https://"+strings.Repeat("a.", 122)+"example.com", false), errInvalidOrigin, "origins[1]", "https://" + strings.Repeat("a.", 122) + "example.com"},
		{"an origin with a query", ruleOrigin("https://example.com?a=1", false), errInvalidOrigin, "origins[1]", "https://example.com?a=1"},
		{"an origin with a fragment", ruleOrigin("https://example.com#top", false), errInvalidOrigin, "origins[1]", "https://example.com#top"},
		{"the default https port", ruleOrigin("https://example.com:443", false), errInvalidOrigin, "origins[1]", "https://example.com:443"},
		{"the default http port", ruleOrigin("http://example.com:80", false), errInvalidOrigin, "origins[1]", "http://example.com:80"},
		{"an empty port", ruleOrigin("https://example.com:", false), errInvalidOrigin, "origins[1]", "https://example.com:"},
		{"port zero", ruleOrigin("https://example.com:0", false), errInvalidOrigin, "origins[1]", "https://example.com:0"},
		{"a port above 65535", ruleOrigin("https://example.com:65536", false), errInvalidOrigin, "origins[1]", "https://example.com:65536"},
		{"a port with a leading zero", ruleOrigin("https://example.com:08443", false), errInvalidOrigin, "origins[1]", "https://example.com:08443"},
		{"a port that is not a number", ruleOrigin("https://example.com:https", false), errInvalidOrigin, "origins[1]", "https://example.com:https"},
		{"a negative port", ruleOrigin("https://example.com:-1", false), errInvalidOrigin, "origins[1]", "https://example.com:-1"},
		{"a leading space", ruleOrigin(" https://example.com", false), errInvalidOrigin, "origins[1]", " https://example.com"},
		{"a trailing space", ruleOrigin("https://example.com ", false), errInvalidOrigin, "origins[1]", "https://example.com "},
		{"a space inside the host", ruleOrigin("https://exa mple.com", false), errInvalidOrigin, "origins[1]", "https://exa mple.com"},
		{"a non-ASCII host", ruleOrigin("https://exämple.com", false), errInvalidOrigin, "origins[1]", "https://exämple.com"},
		{"a host with no scheme", ruleOrigin("example.com", false), errInvalidOrigin, "origins[1]", "example.com"},
		{"an empty IPv6 literal", ruleOrigin("https://[]", false), errInvalidOrigin, "origins[1]", "https://[]"},
		{"an IPv6 literal with a zone", ruleOrigin("https://[fe80::1%eth0]", false), errInvalidOrigin, "origins[1]", "https://[fe80::1%eth0]"},
		{"an IPv6 literal that is not hex", ruleOrigin("https://[::g]", false), errInvalidOrigin, "origins[1]", "https://[::g]"},
		{"a bracket never closed", ruleOrigin("https://[::1", false), errInvalidOrigin, "origins[1]", "https://[::1"},
		{"an empty origin", ruleOrigin("", false), errInvalidOrigin, "origins[1]", ""},
	}

	nullAndInsecureRefusals = []refusal{
		{"null without the opt-in", ruleOrigin("null", false), errNullOrigin, "origins[1]", "null"},
		{"a plain http origin with credentials", ruleOrigin("http://app.example.com", true), errInsecureOrigin, "origins[1]", "http://app.example.com"},
		{"a plain http private address with credentials", ruleOrigin("http://192.168.1.10:8080", true), errInsecureOrigin, "origins[1]", "http://192.168.1.10:8080"},
		{"a plain http subdomain pattern with credentials", ruleOrigin("http://*.example.com", true), errInsecureOrigin, "origins[1]", "http://*.example.com"},
		{"a plain http host merely starting with localhost with credentials", ruleOrigin("http://localhost.example.com", true), errInsecureOrigin, "origins[1]", "http://localhost.example.com"},
	}

	broadPatternRefusals = []refusal{
		{"a wildcard host", ruleOrigin("https://*", false), errBroadPattern, "origins[1]", "https://*"},
		{"a wildcard over a top-level domain", ruleOrigin("https://*.com", false), errBroadPattern, "origins[1]", "https://*.com"},
		{"a pattern without a scheme", ruleOrigin("*.example.com", false), errBroadPattern, "origins[1]", "*.example.com"},
		{"a wildcard inside a leading label", ruleOrigin("https://a*.example.com", false), errBroadPattern, "origins[1]", "https://a*.example.com"},
		{"a wildcard inside an inner label", ruleOrigin("https://ex*ample.com", false), errBroadPattern, "origins[1]", "https://ex*ample.com"},
		{"two wildcard labels", ruleOrigin("https://*.*.example.com", false), errBroadPattern, "origins[1]", "https://*.*.example.com"},
		{"a wildcard top-level domain", ruleOrigin("https://example.*", false), errBroadPattern, "origins[1]", "https://example.*"},
		{"a wildcard over a multi-label public suffix", ruleOrigin("https://*.co.uk", false), errBroadPattern, "origins[1]", "https://*.co.uk"},
		{"a wildcard over a hosting public suffix", ruleOrigin("https://*.github.io", false), errBroadPattern, "origins[1]", "https://*.github.io"},
		{"a wildcard over an IPv4 address", ruleOrigin("https://*.10.0.0.1", false), errBroadPattern, "origins[1]", "https://*.10.0.0.1"},
	}

	methodRefusals = []refusal{
		{"a method with a space", Config{Methods: []string{"PUT", "PU T"}}, errInvalidMethod, "methods[1]", "PU T"},
		{"a comma-separated list as one method", Config{Methods: []string{"PUT,DELETE"}}, errInvalidMethod, "methods[0]", "PUT,DELETE"},
		{"an empty method", Config{Methods: []string{""}}, errInvalidMethod, "methods[0]", ""},
		{"a method with a separator", Config{Methods: []string{"(PUT)"}}, errInvalidMethod, "methods[0]", "(PUT)"},
		{"a non-ASCII method", Config{Methods: []string{"DÉLETE"}}, errInvalidMethod, "methods[0]", "DÉLETE"},
		{"CONNECT", Config{Methods: []string{"CONNECT"}}, errForbiddenMethod, "methods[0]", "CONNECT"},
		{"connect in lower case", Config{Methods: []string{"connect"}}, errForbiddenMethod, "methods[0]", "connect"},
		{"TRACE", Config{Methods: []string{"PUT", "TRACE"}}, errForbiddenMethod, "methods[1]", "TRACE"},
		{"Trace in mixed case", Config{Methods: []string{"Trace"}}, errForbiddenMethod, "methods[0]", "Trace"},
		{"TRACK", Config{Methods: []string{"TRACK"}}, errForbiddenMethod, "methods[0]", "TRACK"},
		{"track in lower case", Config{Methods: []string{"track"}}, errForbiddenMethod, "methods[0]", "track"},
		{"get in lower case", Config{Methods: []string{"get"}}, errInvalidMethod, "methods[0]", "get"},
		{"head in lower case", Config{Methods: []string{"head"}}, errInvalidMethod, "methods[0]", "head"},
		{"post in lower case", Config{Methods: []string{"post"}}, errInvalidMethod, "methods[0]", "post"},
		{"put in lower case", Config{Methods: []string{"put"}}, errInvalidMethod, "methods[0]", "put"},
		{"delete in lower case", Config{Methods: []string{"PUT", "delete"}}, errInvalidMethod, "methods[1]", "delete"},
		{"options in lower case", Config{Methods: []string{"options"}}, errInvalidMethod, "methods[0]", "options"},
		// Fetch upper-cases any case-insensitive match of these six names,
		// so a mixed-case spelling can never match either.
		{"Delete in mixed case", Config{Methods: []string{"Delete"}}, errInvalidMethod, "methods[0]", "Delete"},
	}

	headerRefusals = []refusal{
		{"a request header with a space", Config{RequestHeaders: []string{"X-Ok", "X Bad"}}, errInvalidHeader, "requestHeaders[1]", "X Bad"},
		{"a request header with a colon", Config{RequestHeaders: []string{"X-Bad:"}}, errInvalidHeader, "requestHeaders[0]", "X-Bad:"},
		{"a comma-separated list as one request header", Config{RequestHeaders: []string{"X-A,X-B"}}, errInvalidHeader, "requestHeaders[0]", "X-A,X-B"},
		{"an empty request header", Config{RequestHeaders: []string{""}}, errInvalidHeader, "requestHeaders[0]", ""},
		{"a non-ASCII request header", Config{RequestHeaders: []string{"X-Ünicode"}}, errInvalidHeader, "requestHeaders[0]", "X-Ünicode"},
		{"a request header with CRLF", Config{RequestHeaders: []string{"X-A\r\nX-B"}}, errInvalidHeader, "requestHeaders[0]", "X-A\r\nX-B"},
		{"Cookie as a request header", Config{RequestHeaders: []string{"Content-Type", "Cookie"}}, errForbiddenHeader, "requestHeaders[1]", "Cookie"},
		{"cookie in lower case", Config{RequestHeaders: []string{"cookie"}}, errForbiddenHeader, "requestHeaders[0]", "cookie"},
		{"Host as a request header", Config{RequestHeaders: []string{"Host"}}, errForbiddenHeader, "requestHeaders[0]", "Host"},
		{"Origin as a request header", Config{RequestHeaders: []string{"Origin"}}, errForbiddenHeader, "requestHeaders[0]", "Origin"},
		{"a Sec- request header", Config{RequestHeaders: []string{"Sec-Fetch-Mode"}}, errForbiddenHeader, "requestHeaders[0]", "Sec-Fetch-Mode"},
		{"a Proxy- request header", Config{RequestHeaders: []string{"Proxy-Authorization"}}, errForbiddenHeader, "requestHeaders[0]", "Proxy-Authorization"},
		{"Content-Length as a request header", Config{RequestHeaders: []string{"Content-Length"}}, errForbiddenHeader, "requestHeaders[0]", "Content-Length"},
		{"Referer as a request header", Config{RequestHeaders: []string{"Referer"}}, errForbiddenHeader, "requestHeaders[0]", "Referer"},
		{"Connection as a request header", Config{RequestHeaders: []string{"Connection"}}, errForbiddenHeader, "requestHeaders[0]", "Connection"},
		{"Access-Control-Request-Headers as a request header", Config{RequestHeaders: []string{"Access-Control-Request-Headers"}}, errForbiddenHeader, "requestHeaders[0]", "Access-Control-Request-Headers"},
		{"an exposed header with a space", Config{ExposedHeaders: []string{"X Total"}}, errInvalidHeader, "exposedHeaders[0]", "X Total"},
		{"Set-Cookie as an exposed header", Config{ExposedHeaders: []string{"X-Total-Count", "Set-Cookie"}}, errForbiddenHeader, "exposedHeaders[1]", "Set-Cookie"},
		{"set-cookie in lower case as an exposed header", Config{ExposedHeaders: []string{"set-cookie"}}, errForbiddenHeader, "exposedHeaders[0]", "set-cookie"},
	}

	numberRefusals = []refusal{
		{"a negative max-age", Config{MaxAge: Seconds(-1)}, errMaxAge, "maxAge", "-1"},
		{"a max-age above a day", Config{MaxAge: Seconds(86401)}, errMaxAge, "maxAge", "86401"},
		{"preflight status 199", Config{PreflightStatus: 199}, errPreflightStatus, "preflightStatus", "199"},
		{"preflight status 300", Config{PreflightStatus: 300}, errPreflightStatus, "preflightStatus", "300"},
		{"preflight status 404", Config{PreflightStatus: 404}, errPreflightStatus, "preflightStatus", "404"},
		{"a negative preflight status", Config{PreflightStatus: -204}, errPreflightStatus, "preflightStatus", "-204"},
	}
)

func TestNewRefusesEachInvalidSettingWithItsRule(t *testing.T) {
	groups := [][]refusal{
		wildcardRefusals, invalidOriginRefusals, nullAndInsecureRefusals,
		broadPatternRefusals, methodRefusals, headerRefusals, numberRefusals,
	}
	for _, group := range groups {
		for _, tc := range group {
			t.Run("it refuses "+tc.name, func(t *testing.T) {
				p, err := New(tc.cfg)
				if err == nil {
					t.Fatalf("New accepted %+v", tc.cfg)
				}
				if p != nil {
					t.Errorf("New returned a policy along with error %v", err)
				}
				all := ruleErrors(t, err)
				if len(all) != 1 {
					t.Fatalf("got %d problems, want only this one: %v", len(all), err)
				}
				ce := all[0]
				if ce.Field != tc.field || ce.Value != tc.value || ce.rule != tc.rule {
					t.Errorf("ConfigError{Field: %q, Value: %q, rule: %q}, want {%q, %q, %q}",
						ce.Field, ce.Value, ce.rule, tc.field, tc.value, tc.rule)
				}
				if ce.Detail == "" {
					t.Errorf("ConfigError %q has no Detail saying what to do", ce)
				}
				if msg := err.Error(); !strings.Contains(msg, tc.field) || !strings.Contains(msg, tc.rule.Error()) {
					t.Errorf("message %q does not name the field %s and the rule %q", msg, tc.field, tc.rule)
				}
			})
		}
	}
}

func TestNewReportsEveryProblemAtOnceEachWithItsRule(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want []struct {
			field string
			rule  error
		}
	}{
		{"six problems in six fields are six errors", Config{
			Origins:         []string{"https://ok.example.com", "https://bad.example.com/", "*"},
			Credentials:     true,
			Methods:         []string{"PUT", "TRACE"},
			RequestHeaders:  []string{"Cookie"},
			MaxAge:          Seconds(-5),
			PreflightStatus: 302,
		}, []struct {
			field string
			rule  error
		}{
			{"origins[1]", errInvalidOrigin},
			{"origins[2]", errWildcardWithCredentials},
			{"methods[1]", errForbiddenMethod},
			{"requestHeaders[0]", errForbiddenHeader},
			{"maxAge", errMaxAge},
			{"preflightStatus", errPreflightStatus},
		}},
		{"five problems in four fields are five errors", Config{
			Origins:        []string{"null", "https://*.com"},
			Methods:        []string{"get"},
			RequestHeaders: []string{"Host"},
			ExposedHeaders: []string{"Set-Cookie"},
		}, []struct {
			field string
			rule  error
		}{
			{"origins[0]", errNullOrigin},
			{"origins[1]", errBroadPattern},
			{"methods[0]", errInvalidMethod},
			{"requestHeaders[0]", errForbiddenHeader},
			{"exposedHeaders[0]", errForbiddenHeader},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.cfg)
			if err == nil {
				t.Fatal("New accepted it")
			}
			got := ruleErrors(t, err)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d problems, want %d: %v", len(got), len(tt.want), err)
			}
			for i, w := range tt.want {
				if got[i].Field != w.field || got[i].rule != w.rule {
					t.Errorf("problem %d is %s breaking %q, want %s breaking %q", i, got[i].Field, got[i].rule, w.field, w.rule)
				}
			}
			if lines := strings.Count(err.Error(), "\n") + 1; lines != len(tt.want) {
				t.Errorf("message has %d lines, want one per problem:\n%v", lines, err)
			}
		})
	}
}

// An invalid origin's Detail says what is wrong with it, so that a
// copy-paste slip (a stray space, a capital letter) is fixed at once.
func TestNewSaysWhatIsWrongWithAnInvalidOrigin(t *testing.T) {
	for _, tc := range []struct{ name, origin, says string }{
		{"a trailing space", "https://example.com ", "space"},
		{"a leading space", " https://example.com", "space"},
		{"a tab", "https://exa\tmple.com", "control"},
		{"a non-ASCII host", "https://exämple.com", "punycode"},
		{"an upper-case scheme", "HTTPS://example.com", "lower case"},
		{"an upper-case Z in the scheme", "httpZ://example.com", "lower case"},
		{"a scheme starting with a digit", "1http://example.com", "invalid scheme"},
	} {
		t.Run("for "+tc.name+" it says "+tc.says, func(t *testing.T) {
			_, err := New(Config{Origins: []string{tc.origin}})
			all := ruleErrors(t, err)
			if len(all) != 1 || !strings.Contains(all[0].Detail, tc.says) {
				t.Errorf("New(%q): %v; want one problem whose detail says %q", tc.origin, err, tc.says)
			}
		})
	}
}
