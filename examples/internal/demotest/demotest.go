// Package demotest checks an example server's API in memory: each
// example's test builds its API for Policy and hands Check a way to serve
// one request (conformance.Recorder for net/http frameworks, app.Test for
// fiber), so that no port is opened.
package demotest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/examples/internal/demo"
)

// The origins of the checks: the page's, which Policy allows, and one it
// does not.
const (
	PageOrigin  = "http://127.0.0.1:8081"
	OtherOrigin = "http://127.0.0.1:9999"
	apiBase     = "http://127.0.0.1:8080"
)

// Policy is the policy Check expects the API to serve: the demo's
// built-in policy for PageOrigin.
func Policy() *corsa.Policy { return corsa.Must(demo.DefaultPolicy(PageOrigin)) }

// Vary tokens the corsa package documentation prescribes for Policy's
// responses.
var (
	preflightVary = []string{"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"}
	actualVary    = []string{"Origin"}
)

// corsHeaders are every response header corsa may set besides Vary.
var corsHeaders = []string{
	"Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods",
	"Access-Control-Allow-Headers", "Access-Control-Expose-Headers", "Access-Control-Max-Age",
	"Access-Control-Allow-Private-Network",
}

// allowedActual is what an actual request from PageOrigin gets.
var allowedActual = map[string]string{
	"Access-Control-Allow-Origin":      PageOrigin,
	"Access-Control-Allow-Credentials": "true",
	"Access-Control-Expose-Headers":    demo.VersionHeader,
}

// check is one request and what its response must be.
type check struct {
	name   string
	method string
	path   string
	header [][2]string
	body   string
	status int
	cors   map[string]string // exact Access-Control-* headers; others absent
	vary   []string          // exact Vary tokens, in order
	other  map[string]string // other response headers, exact
	inBody []string          // substrings of the body; nil: body must be empty
}

var checks = []check{
	{
		name:   "the preflight of the JSON PUT is answered by the middleware with 204",
		method: http.MethodOptions, path: demo.PathItems,
		header: [][2]string{
			{"Origin", PageOrigin},
			{"Access-Control-Request-Method", "PUT"},
			{"Access-Control-Request-Headers", "content-type,x-demo-client"},
		},
		status: http.StatusNoContent,
		cors: map[string]string{
			"Access-Control-Allow-Origin":      PageOrigin,
			"Access-Control-Allow-Credentials": "true",
			"Access-Control-Allow-Methods":     "PUT",
			"Access-Control-Allow-Headers":     "Content-Type, X-Demo-Client",
			"Access-Control-Max-Age":           "60",
		},
		vary: preflightVary,
	},
	{
		name:   "the preflight of the DELETE is refused with 403 and no Access-Control-Allow-* header",
		method: http.MethodOptions, path: demo.PathItems,
		header: [][2]string{{"Origin", PageOrigin}, {"Access-Control-Request-Method", "DELETE"}},
		status: http.StatusForbidden,
		vary:   preflightVary,
	},
	{
		name:   "the simple GET gets the page's origin, credentials and the exposed header",
		method: http.MethodGet, path: demo.PathHello,
		header: [][2]string{{"Origin", PageOrigin}},
		status: http.StatusOK,
		cors:   allowedActual,
		vary:   actualVary,
		other:  map[string]string{demo.VersionHeader: "1", demo.InternalHeader: "not exposed"},
		inBody: []string{`"message":"Hello from the API"`},
	},
	{
		name:   "the PUT itself reaches the handler, which echoes the item and the custom header",
		method: http.MethodPut, path: demo.PathItems,
		header: [][2]string{{"Origin", PageOrigin}, {"Content-Type", "application/json"}, {demo.ClientHeader, "corsa-demo"}},
		body:   `{"name":"teapot","color":"blue"}`,
		status: http.StatusOK,
		cors:   allowedActual,
		vary:   actualVary,
		inBody: []string{`"saved":{"name":"teapot","color":"blue"}`, `"client":"corsa-demo"`},
	},
	{
		name:   "a PUT with a malformed body gets a 400 that still carries the CORS headers",
		method: http.MethodPut, path: demo.PathItems,
		header: [][2]string{{"Origin", PageOrigin}, {"Content-Type", "application/json"}},
		body:   `{"name":`,
		status: http.StatusBadRequest,
		cors:   allowedActual,
		vary:   actualVary,
		inBody: []string{`"error":"want a JSON item`},
	},
	{
		name:   "the credentialed GET counts the visit in its cookie",
		method: http.MethodGet, path: demo.PathVisits,
		header: [][2]string{{"Origin", PageOrigin}, {"Cookie", demo.VisitsCookie + "=2"}},
		status: http.StatusOK,
		cors:   allowedActual,
		vary:   actualVary,
		other:  map[string]string{"Set-Cookie": demo.VisitsCookie + "=3; Path=/api; HttpOnly; SameSite=Lax"},
		inBody: []string{`{"visits":3}`},
	},
	{
		name:   "a GET from another origin reaches the handler and gets no CORS header",
		method: http.MethodGet, path: demo.PathHello,
		header: [][2]string{{"Origin", OtherOrigin}},
		status: http.StatusOK,
		vary:   actualVary,
		inBody: []string{"Hello from the API"},
	},
	{
		name:   "a GET without Origin gets only Vary: Origin",
		method: http.MethodGet, path: demo.PathHello,
		status: http.StatusOK,
		vary:   actualVary,
		inBody: []string{"Hello from the API"},
	},
}

// Check sends the page's calls, and a few the page cannot make, through
// do and fails t unless each response is exactly what the corsa package
// documentation says Policy's responses are.
func Check(t *testing.T, do func(*http.Request) (*http.Response, error)) {
	t.Helper()
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			var body io.Reader
			if c.body != "" {
				body = strings.NewReader(c.body)
			}
			r := httptest.NewRequest(c.method, apiBase+c.path, body)
			for _, h := range c.header {
				r.Header.Add(h[0], h[1])
			}
			resp, err := do(r)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			got, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			c.verify(t, resp, string(got))
		})
	}
}

func (c check) verify(t *testing.T, resp *http.Response, body string) {
	t.Helper()
	if resp.StatusCode != c.status {
		t.Errorf("status %d, want %d", resp.StatusCode, c.status)
	}
	for _, name := range corsHeaders {
		got := resp.Header.Values(name)
		if want, ok := c.cors[name]; ok {
			if len(got) != 1 || got[0] != want {
				t.Errorf("%s = %q, want [%q]", name, got, want)
			}
		} else if len(got) > 0 {
			t.Errorf("%s = %q, want none", name, got)
		}
	}
	if got := conformance.VaryTokens(resp.Header); !slices.EqualFunc(got, c.vary, strings.EqualFold) {
		t.Errorf("Vary = %q, want the tokens %q", resp.Header.Values("Vary"), c.vary)
	}
	for name, want := range c.other {
		if got := resp.Header.Values(name); len(got) != 1 || got[0] != want {
			t.Errorf("%s = %q, want [%q]", name, got, want)
		}
	}
	if c.inBody == nil && body != "" {
		t.Errorf("body %q, want none", body)
	}
	for _, s := range c.inBody {
		if !strings.Contains(body, s) {
			t.Errorf("body %q lacks %q", body, s)
		}
	}
}
