package adaptertest

// The decision hook needs no adapter code (corsa calls Config.OnDecision
// from Decide, which an adapter calls once per request), so every adapter
// checks the same events for the same requests.

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
)

// decisionEvent is what the check compares of a corsa.DecisionEvent.
type decisionEvent struct {
	preflight      bool
	reason         corsa.Reason
	method, path   string
	origin, header string
	requestMethod  string
	privateNetwork string
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
		ev.Request.Method, ev.Request.Path, ev.Request.Origin, ev.RefusedHeader, ev.Request.RequestMethod, ev.Request.PrivateNetwork})
}

// take returns the events recorded since the last call.
func (e *decisionEvents) take() []decisionEvent {
	e.mu.Lock()
	defer e.mu.Unlock()
	got := e.got
	e.got = nil
	return got
}

// checkOnDecision checks that an adapter reports each request's decision
// to Config.OnDecision once, with the path it routes on: serve builds the
// adapter's app around Must(cfg), routing GET /api/items to a handler
// answering 200. A preflight asking for a header the policy does not list,
// an allowed and a refused actual request give one event each; a request
// without Origin gives none.
func checkOnDecision(t *testing.T, serve func(cfg corsa.Config) Do) {
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
		{true, corsa.HeadersNotAllowed, http.MethodOptions, path, app, "x-trace", http.MethodPut, ""},
		{false, corsa.Allowed, http.MethodGet, path, app, "", "", ""},
		{false, corsa.OriginNotAllowed, http.MethodGet, path, evil, "", "", ""},
	}
	if got := ev.take(); !slices.Equal(got, want) {
		t.Errorf("OnDecision saw\n%+v\nwant\n%+v", got, want)
	}
}

// checkRequestMethodOnlyInPreflights checks that Access-Control-Request-Method
// and Access-Control-Request-Private-Network, a preflight's headers, are
// not read on any other request, as net/http's Request.ReadHTTP reads
// them: OnDecision reports them for a preflight only. serve is as
// checkOnDecision's.
func checkRequestMethodOnlyInPreflights(t *testing.T, serve func(cfg corsa.Config) Do) {
	var ev decisionEvents
	do := serve(corsa.Config{Origins: []string{conformance.AppOrigin}, Methods: []string{http.MethodPut}, OnDecision: ev.record})
	for _, tt := range []struct {
		name, method, want string
		preflight          bool
		noRequestMethod    bool // the request carries no Access-Control-Request-Method
	}{
		{"a GET carrying Access-Control-Request-Method reports none", http.MethodGet, "", false, false},
		{"a POST carrying Access-Control-Request-Method reports none", http.MethodPost, "", false, false},
		{"a preflight reports its requested method", http.MethodOptions, http.MethodPut, true, false},
		{"an OPTIONS asking for private network access without a requested method reports neither",
			http.MethodOptions, "", false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(tt.method, "/api/items", nil)
			r.Header.Set("Origin", conformance.AppOrigin)
			if !tt.noRequestMethod {
				r.Header.Set("Access-Control-Request-Method", http.MethodPut)
			}
			r.Header.Set("Access-Control-Request-Private-Network", "true")
			resp, err := do(r)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			got := ev.take()
			if len(got) != 1 {
				t.Fatalf("%d events, want 1", len(got))
			}
			if e := got[0]; e.method != tt.method || e.preflight != tt.preflight || e.requestMethod != tt.want || (e.privateNetwork != "") != tt.preflight {
				t.Errorf("event %+v; want RequestMethod %q, PrivateNetwork only on a preflight, a preflight: %t", e, tt.want, tt.preflight)
			}
		})
	}
}
