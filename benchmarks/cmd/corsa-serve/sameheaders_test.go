package main

import (
	"net/http"
	"reflect"
	"testing"
)

// Issue 17's check: a preflight and an actual request through each adapter
// added for a new major, and through the fasthttp adapter, give the same status and CORS headers as
// -framework nethttp for the same policy (the embedded default). The
// expected values are nethttp's, which TestEveryFrameworkServesTheDefaultPolicy
// pins to core/doc.go.
func TestNewMajorsAnswerLikeNetHTTP(t *testing.T) {
	requests := []struct {
		name, method string
		header       []string
	}{
		{"an allowed preflight", http.MethodOptions, []string{"Origin", "https://example.com",
			"Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type,x-request-id"}},
		{"a refused preflight", http.MethodOptions, []string{"Origin", "https://evil.example",
			"Access-Control-Request-Method", "PUT"}},
		{"an allowed actual request", http.MethodGet, []string{"Origin", "https://example.com"}},
		{"an actual request from a refused origin", http.MethodGet, []string{"Origin", "https://evil.example"}},
	}
	nethttp, _ := start(t, "-framework", "nethttp")
	for _, fw := range []string{"echo5", "fasthttp", "fiber3"} {
		base, _ := start(t, "-framework", fw)
		for _, r := range requests {
			t.Run(fw+" answers "+r.name+" as nethttp does", func(t *testing.T) {
				want := do(t, r.method, nethttp+"/resource", r.header...)
				got := do(t, r.method, base+"/resource", r.header...)
				if got.StatusCode != want.StatusCode {
					t.Errorf("status %d, nethttp %d", got.StatusCode, want.StatusCode)
				}
				if g, w := corsHeaders(got.Header), corsHeaders(want.Header); !reflect.DeepEqual(g, w) {
					t.Errorf("headers\n got %v\nwant %v (nethttp)", g, w)
				}
			})
		}
	}
}
