package corsa_test

import (
	"maps"
	"net/http"
	"slices"
	"testing"

	"github.com/corsa-go/corsa"
)

// Policy.SetHeaders is what adapters on net/http frameworks call: the
// headers it writes, and the status it returns, are SPEC.md's.
func TestPolicySetHeaders(t *testing.T) {
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
			r := newTestRequest(t, tt.method, tt.headers...)
			h := http.Header{}
			if got := tt.policy.SetHeaders(h, r); got != tt.status {
				t.Errorf("SetHeaders returned status %d, want %d", got, tt.status)
			}
			checkCORSHeaders(t, h, tt.want, tt.wantVary)

			req := corsa.RequestFromHTTP(r)
			d := tt.policy.Decide(&req)
			fromDecision := http.Header{}
			d.SetHeaders(fromDecision)
			if !maps.EqualFunc(h, fromDecision, slices.Equal) {
				t.Errorf("Policy.SetHeaders wrote %q, Decide and Decision.SetHeaders %q", h, fromDecision)
			}
		})
	}
	t.Run("OnDecision hears of every CORS request once", func(t *testing.T) {
		var rec recorder
		p := mustPolicy(t, corsa.Config{Origins: []string{appOrigin}, OnDecision: rec.record})
		p.SetHeaders(http.Header{}, newTestRequest(t, "GET", "Origin", appOrigin))
		p.SetHeaders(http.Header{}, newTestRequest(t, "OPTIONS", preflight("https://evil.example", "PUT")...))
		p.SetHeaders(http.Header{}, newTestRequest(t, "GET"))
		if len(rec.events) != 2 || rec.events[0].Decision.Reason != corsa.Allowed || rec.events[1].Decision.Status != 403 {
			t.Errorf("events %+v, want the allowed GET then the refused preflight", rec.events)
		}
	})
}

// Policy.RestoreVary is Decision.RestoreVary for whatever Policy.SetHeaders
// let through to the handler.
func TestPolicyRestoreVary(t *testing.T) {
	listed := mustPolicy(t, corsa.Config{Origins: []string{appOrigin}})
	anyOrigin := mustPolicy(t, corsa.Config{Origins: []string{"*"}})
	tests := []struct {
		name    string
		policy  *corsa.Policy
		headers []string
		after   []string // the Vary lines the handler left; nil: none
		want    []string
	}{
		{"Origin comes back after a handler replaced Vary", listed, []string{"Origin", appOrigin},
			[]string{"Accept-Encoding"}, []string{"Accept-Encoding", "Origin"}},
		{"Origin comes back for a refused origin", listed, []string{"Origin", "https://evil.example"},
			nil, []string{"Origin"}},
		{"Origin comes back for a request without Origin", listed, nil,
			[]string{"Accept-Encoding"}, []string{"Accept-Encoding", "Origin"}},
		{"a Vary that still lists Origin is left alone", listed, []string{"Origin", appOrigin},
			[]string{"Accept-Encoding, origin"}, []string{"Accept-Encoding, origin"}},
		{"an any-origin answer, which does not vary, gets no Origin", anyOrigin, []string{"Origin", appOrigin},
			[]string{"Accept-Encoding"}, []string{"Accept-Encoding"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newTestRequest(t, "GET", tt.headers...)
			h := http.Header{}
			if status := tt.policy.SetHeaders(h, r); status != 0 {
				t.Fatalf("test bug: SetHeaders answered with status %d", status)
			}
			delete(h, "Vary")
			if tt.after != nil {
				h["Vary"] = slices.Clone(tt.after)
			}
			tt.policy.RestoreVary(h)
			if got := h["Vary"]; !slices.Equal(got, tt.want) {
				t.Errorf("Vary = %q, want %q", got, tt.want)
			}
		})
	}
}
