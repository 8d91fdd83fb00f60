package corsa_test

import (
	"maps"
	"net/http"
	"slices"
	"testing"

	"github.com/corsa-go/corsa"
)

// Decide and Decision.SetHeaders are what adapters on net/http frameworks
// call: the headers SetHeaders writes, and the status Status returns, are
// SPEC.md's; Headers yields the same headers for other frameworks.
func TestDecisionSetHeaders(t *testing.T) {
	listed := mustPolicy(t, corsa.Config{
		Origins: []string{appOrigin}, Credentials: true, Methods: []string{"PUT"},
		RequestHeaders: []string{"Content-Type"}, ExposedHeaders: []string{"X-Total-Count"}, MaxAge: corsa.Seconds(600),
	})
	anyPNA := mustPolicy(t, corsa.Config{Origins: []string{"*"}, Methods: []string{"PUT"}, PrivateNetwork: true})
	preflight := func(origin, method string, more ...string) []string {
		return append([]string{"Origin", origin, "Access-Control-Request-Method", method}, more...)
	}
	tests := []struct {
		name     string
		policy   *corsa.Policy
		method   string
		headers  []string
		status   int
		want     map[string]string
		wantVary []string
	}{
		{"an allowed preflight gets the grant and its status", listed, "OPTIONS",
			preflight(appOrigin, "PUT", "Access-Control-Request-Headers", "content-type"), 204,
			map[string]string{
				"Access-Control-Allow-Origin": appOrigin, "Access-Control-Allow-Credentials": "true",
				"Access-Control-Allow-Methods": "PUT", "Access-Control-Allow-Headers": "Content-Type", "Access-Control-Max-Age": "600",
			}, varyPreflight},
		{"a preflight for a method not listed gets 403 and no grant", listed, "OPTIONS",
			preflight(appOrigin, "DELETE"), 403, nil, varyPreflight},
		{"a preflight from a refused origin gets 403 and no grant", listed, "OPTIONS",
			preflight("https://evil.example", "PUT"), 403, nil, varyPreflight},
		{"an allowed actual request gets the grant and goes on", listed, "GET",
			[]string{"Origin", appOrigin}, 0,
			map[string]string{"Access-Control-Allow-Origin": appOrigin, "Access-Control-Allow-Credentials": "true", "Access-Control-Expose-Headers": "X-Total-Count"},
			varyOrigin},
		{"an actual request from a refused origin goes on without a grant", listed, "POST",
			[]string{"Origin", "https://evil.example"}, 0, nil, varyOrigin},
		{"a request without Origin goes on with Vary only", listed, "GET", nil, 0, nil, varyOrigin},
		{"an OPTIONS request that is no preflight goes on", listed, "OPTIONS",
			[]string{"Origin", appOrigin}, 0,
			map[string]string{"Access-Control-Allow-Origin": appOrigin, "Access-Control-Allow-Credentials": "true", "Access-Control-Expose-Headers": "X-Total-Count"},
			varyOrigin},
		{"a repeated Origin is refused", listed, "GET",
			[]string{"Origin", appOrigin, "Origin", appOrigin}, 0, nil, varyOrigin},
		{"an any-origin policy answers an actual request with * and no Vary", anyPNA, "GET",
			[]string{"Origin", appOrigin}, 0, map[string]string{"Access-Control-Allow-Origin": "*"}, nil},
		{"an any-origin policy grants Private Network Access to a preflight asking for it", anyPNA, "OPTIONS",
			preflight(appOrigin, "PUT", "Access-Control-Request-Private-Network", "true"), 204,
			map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "PUT", "Access-Control-Allow-Private-Network": "true"},
			varyPreflightPNA},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var req corsa.Request
			req.ReadHTTP(newTestRequest(t, tt.method, tt.headers...))
			d := corsa.Decide(tt.policy, &req)
			if got := d.Status(); got != tt.status {
				t.Errorf("Status() = %d, want %d", got, tt.status)
			}
			h := http.Header{}
			d.SetHeaders(h)
			checkCORSHeaders(t, h, tt.want, tt.wantVary)

			yielded := http.Header{}
			for name, value := range d.Headers(req.Origin) {
				yielded.Add(name, value)
			}
			if v := d.Vary(); v != "" {
				yielded.Add("Vary", v)
			}
			if !maps.EqualFunc(h, yielded, slices.Equal) {
				t.Errorf("SetHeaders wrote %q, Headers and Vary yield %q", h, yielded)
			}
		})
	}
	t.Run("OnDecision hears of every CORS request once", func(t *testing.T) {
		var rec recorder
		p := mustPolicy(t, corsa.Config{Origins: []string{appOrigin}, OnDecision: rec.record})
		decide(t, p, "GET", "Origin", appOrigin)
		decide(t, p, "OPTIONS", preflight("https://evil.example", "PUT")...)
		decide(t, p, "GET")
		if len(rec.events) != 2 || rec.events[0].Decision.Reason() != corsa.Allowed || rec.events[1].Decision.Status() != 403 {
			t.Errorf("events %+v, want the allowed GET then the refused preflight", rec.events)
		}
	})
}

// Headers takes the origin as the adapter read it: a decision that echoes
// the origin yields nothing for another one, rather than a grant for it.
func TestDecisionHeadersYieldNothingForAnotherOrigin(t *testing.T) {
	p := mustPolicy(t, corsa.Config{Origins: []string{appOrigin}, Credentials: true})
	d := corsa.Decide(p, &corsa.Request{Method: "GET", Origin: appOrigin})
	if got := headersOf(d, "https://evil.example"); len(got) != 0 {
		t.Errorf("Headers(another origin) = %q, want nothing", got)
	}
	want := [][2]string{{"Access-Control-Allow-Origin", appOrigin}, {"Access-Control-Allow-Credentials", "true"}}
	if got := headersOf(d, appOrigin); !slices.Equal(got, want) {
		t.Errorf("Headers(its origin) = %q, want %q", got, want)
	}
	anyOrigin := corsa.Decide(mustPolicy(t, corsa.Config{Origins: []string{"*"}}), &corsa.Request{Method: "GET", Origin: appOrigin})
	if got := headersOf(anyOrigin, "https://other.example"); !slices.Equal(got, [][2]string{{"Access-Control-Allow-Origin", "*"}}) {
		t.Errorf("a constant * answer yields %q, want it for any origin", got)
	}
	t.Run("the zero Decision yields and writes nothing", func(t *testing.T) {
		var zero corsa.Decision
		h := http.Header{"Access-Control-Allow-Origin": {"*"}, "Vary": {"Accept-Encoding"}}
		zero.SetHeaders(h)
		if got := headersOf(zero, appOrigin); len(got) != 0 || zero.Vary() != "" || zero.Status() != 0 || zero.Preflight() || zero.Reason() != corsa.Allowed {
			t.Errorf("zero Decision: Headers %q, Vary %q, Status %d, Preflight %v, Reason %v", got, zero.Vary(), zero.Status(), zero.Preflight(), zero.Reason())
		}
		if len(h) != 2 || h.Get("Access-Control-Allow-Origin") != "*" || h.Get("Vary") != "Accept-Encoding" {
			t.Errorf("zero Decision's SetHeaders changed the response to %q", h)
		}
	})
}
