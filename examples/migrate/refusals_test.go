package migrate_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
)

const (
	app   = "https://app.example.com"
	admin = "https://admin.example.com"
	path  = "/items"
)

// Settings the other libraries accept and corsa refuses, as README.md's
// last table lists them: what corsa says (part of its error), and what to
// write instead, which corsa must accept.
var refusals = []struct {
	name    string
	literal corsa.Config
	says    string
	instead corsa.Config
}{
	{"lower-case methods are refused: browsers send PUT and DELETE upper-cased",
		corsa.Config{Origins: []string{app}, Methods: []string{"get", "put", "delete"}},
		"invalid method: browsers always send it as PUT",
		corsa.Config{Origins: []string{app}, Methods: []string{"PUT", "DELETE"}}},
	{"Origin and Content-Length as request headers are refused: scripts can never set them",
		corsa.Config{Origins: []string{app}, RequestHeaders: []string{"Origin", "Content-Length", "Content-Type"}},
		"forbidden header name: browsers never let scripts set it",
		corsa.Config{Origins: []string{app}, RequestHeaders: []string{"Content-Type"}}},
	{"any origin with credentials is refused",
		corsa.Config{Origins: []string{"*"}, Credentials: true},
		`"*" cannot be combined with credentials`,
		corsa.Config{Origins: []string{app, admin}, Credentials: true}},
	{"any request header with credentials is refused",
		corsa.Config{Origins: []string{app}, Credentials: true, RequestHeaders: []string{"*"}},
		`"*" cannot be combined with credentials`,
		corsa.Config{Origins: []string{app}, Credentials: true, RequestHeaders: []string{"Content-Type", "Authorization"}}},
	{"an upper-case origin is refused: browsers send it lower-cased",
		corsa.Config{Origins: []string{"https://App.example.com"}},
		"invalid origin: host must be lower case",
		corsa.Config{Origins: []string{app}}},
	{"a gin-contrib regular expression origin is refused",
		corsa.Config{Origins: []string{`/^https://.*\.example\.com$/`}},
		"invalid origin: invalid scheme",
		corsa.Config{Origins: []string{"https://*.example.com"}}},
	{"a wildcard inside a label is refused: it matches evilexample.com",
		corsa.Config{Origins: []string{"https://*example.com"}},
		`origin pattern too broad: "*" may only be a whole leading label`,
		corsa.Config{Origins: []string{"https://example.com", "https://*.example.com"}}},
	{"a wildcard top-level domain is refused",
		corsa.Config{Origins: []string{"https://app.example.*"}},
		`origin pattern too broad: "*" may only be a whole leading label`,
		corsa.Config{Origins: []string{"https://app.example.com", "https://app.example.org"}}},
	{"an echo '?' pattern is refused",
		corsa.Config{Origins: []string{"https://app?.example.com"}},
		"invalid origin: an origin has no path, query or fragment",
		corsa.Config{Origins: []string{"https://app1.example.com", "https://app2.example.com"}}},
	{"a negative max-age is refused: 0 is written as Seconds(0)",
		corsa.Config{Origins: []string{app}, MaxAge: corsa.Seconds(-1)},
		"invalid max-age: want 0 (no caching) to 86400 seconds",
		corsa.Config{Origins: []string{app}, MaxAge: corsa.Seconds(0)}},
	{"a max-age above 86400 s is refused",
		corsa.Config{Origins: []string{app}, MaxAge: corsa.Seconds(12 * 3600 * 4)},
		"invalid max-age: want 0 (no caching) to 86400 seconds",
		corsa.Config{Origins: []string{app}, MaxAge: corsa.Seconds(7200)}},
	{"an origin func with any origin is refused: it would never be asked",
		corsa.Config{Origins: []string{"*"}, OriginFunc: tenants},
		`OriginFunc cannot be combined with "*"`,
		corsa.Config{Origins: []string{app}, OriginFunc: tenants}},
}

// tenants is an OriginFunc as the guide recommends: an exact lookup in a
// set the application keeps.
func tenants(origin string) bool { return origin == "https://tenant.example.net" }

func TestCorsaRefusesWhatTheGuideSaysAndAcceptsTheReplacement(t *testing.T) {
	guide, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range refusals {
		t.Run(r.name, func(t *testing.T) {
			if _, err := corsa.New(r.literal); err == nil || !strings.Contains(err.Error(), r.says) {
				t.Errorf("New(literal) = %v, want an error saying %q", err, r.says)
			}
			if _, err := corsa.New(r.instead); err != nil {
				t.Errorf("New(instead) = %v, want no error", err)
			}
			if !strings.Contains(string(guide), "`"+r.says+"`") {
				t.Errorf("README.md does not quote %q", r.says)
			}
		})
	}
}

// The corsa defaults the guide compares with the other libraries', for a
// policy that sets only Origins.
func TestCorsaDefaultsAreWhatTheGuideSays(t *testing.T) {
	p := corsa.Must(corsa.Config{Origins: []string{app}})
	preflight := func(p *corsa.Policy, method, headers string) *http.Response {
		r := httptest.NewRequest(http.MethodOptions, path, nil)
		r.Header.Set("Origin", app)
		r.Header.Set("Access-Control-Request-Method", method)
		if headers != "" {
			r.Header.Set("Access-Control-Request-Headers", headers)
		}
		rec := httptest.NewRecorder()
		p.Handler(http.NotFoundHandler()).ServeHTTP(rec, r)
		return rec.Result()
	}

	t.Run("an allowed preflight answers 204 with no Access-Control-Max-Age", func(t *testing.T) {
		res := preflight(p, "GET", "")
		if res.StatusCode != http.StatusNoContent || res.Header.Get("Access-Control-Allow-Origin") != app {
			t.Errorf("status %d, Access-Control-Allow-Origin %q; want 204 and %s", res.StatusCode, res.Header.Get("Access-Control-Allow-Origin"), app)
		}
		if v := res.Header.Values("Access-Control-Max-Age"); v != nil {
			t.Errorf("Access-Control-Max-Age %q, want none (browsers then cache 5 s)", v)
		}
	})
	t.Run("a preflight for PUT is refused with 403 and no Access-Control-Allow-Origin: methods beyond GET, HEAD and POST are listed", func(t *testing.T) {
		res := preflight(p, "PUT", "")
		if res.StatusCode != http.StatusForbidden || res.Header.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("status %d, Access-Control-Allow-Origin %q; want 403 and none", res.StatusCode, res.Header.Get("Access-Control-Allow-Origin"))
		}
	})
	t.Run("an explicitly empty request header list allows no request header, not even Content-Type", func(t *testing.T) {
		none := corsa.Must(corsa.Config{Origins: []string{app}, RequestHeaders: []string{}})
		if res := preflight(none, "POST", "content-type"); res.StatusCode != http.StatusForbidden {
			t.Errorf("status %d, want 403", res.StatusCode)
		}
	})
	t.Run("without RequestHeaders, a JSON POST's preflight (content-type) is allowed with Access-Control-Allow-Headers: Content-Type", func(t *testing.T) {
		res := preflight(p, "POST", "content-type")
		// SPEC.md and the corsa package documentation: unset
		// RequestHeaders allows Content-Type, answered as
		// "Access-Control-Allow-Headers: Content-Type".
		if res.StatusCode != http.StatusNoContent || res.Header.Get("Access-Control-Allow-Origin") != app || res.Header.Get("Access-Control-Allow-Headers") != "Content-Type" {
			t.Errorf("status %d, Access-Control-Allow-Origin %q, Access-Control-Allow-Headers %q; want 204, %s and Content-Type",
				res.StatusCode, res.Header.Get("Access-Control-Allow-Origin"), res.Header.Get("Access-Control-Allow-Headers"), app)
		}
		br := conformance.BrowserRequest{Method: "POST", URL: path, Origin: app, Header: http.Header{"Content-Type": {"application/json"}}}
		if err := conformance.CheckPreflight(br, res); err != nil {
			t.Errorf("a browser would fail this preflight: %v", err)
		}
	})
}
