package adaptertest

// The shared half of every adapter's ondecision_test.go: the decision hook
// needs no adapter code (corsa calls Config.OnDecision from Decide, which
// an adapter calls once per request), so every adapter checks the same
// events for the same requests.

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"

	"github.com/corsa-go/corsa"
)

// decisionEvent is what the check compares of a corsa.DecisionEvent.
type decisionEvent struct {
	preflight      bool
	reason         corsa.Reason
	method, path   string
	origin, header string
}

// decisionEvents records events from concurrent requests.
type decisionEvents struct {
	mu  sync.Mutex
	got []decisionEvent
}

// record keeps the event's strings as they are: they are the hook's own,
// whatever the framework does with the request's memory afterwards.
func (e *decisionEvents) record(ev corsa.DecisionEvent) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.got = append(e.got, decisionEvent{ev.Decision.Preflight(), ev.Decision.Reason(),
		ev.Request.Method, ev.Request.Path, ev.Request.Origin, ev.RefusedHeader})
}

// CheckOnDecision checks that an adapter reports each request's decision
// to Config.OnDecision once, with the path it routes on: serve builds the
// adapter's app around Must(cfg), routing GET /api/items to a handler
// answering 200, and returns its conformance.Server.Do. A preflight asking
// for a header the policy does not list, an allowed and a refused actual
// request give one event each; a request without Origin gives none.
func CheckOnDecision(t *testing.T, serve func(cfg corsa.Config) func(*http.Request) (*http.Response, error)) {
	t.Helper()
	const app, evil, path = "https://app.example.com", "https://evil.example", "/api/items"
	var ev decisionEvents
	do := serve(corsa.Config{Origins: []string{app}, Methods: []string{http.MethodPut}, OnDecision: ev.record})

	pre := httptest.NewRequest(http.MethodOptions, path, nil)
	pre.Header.Set("Origin", app)
	pre.Header.Set("Access-Control-Request-Method", http.MethodPut)
	pre.Header.Set("Access-Control-Request-Headers", "content-type,x-trace")
	ok := httptest.NewRequest(http.MethodGet, path, nil)
	ok.Header.Set("Origin", app)
	refused := httptest.NewRequest(http.MethodGet, path, nil)
	refused.Header.Set("Origin", evil)
	none := httptest.NewRequest(http.MethodGet, path, nil)
	for _, r := range []*http.Request{pre, ok, refused, none} {
		resp, err := do(r)
		if err != nil {
			t.Fatalf("%s %s: %v", r.Method, r.URL, err)
		}
		resp.Body.Close()
	}

	want := []decisionEvent{
		{true, corsa.HeadersNotAllowed, http.MethodOptions, path, app, "x-trace"},
		{false, corsa.Allowed, http.MethodGet, path, app, ""},
		{false, corsa.OriginNotAllowed, http.MethodGet, path, evil, ""},
	}
	if !slices.Equal(ev.got, want) {
		t.Errorf("OnDecision saw\n%+v\nwant\n%+v", ev.got, want)
	}
}
