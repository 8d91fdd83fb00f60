package corsa_test

import (
	"expvar"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"

	"github.com/corsa-go/corsa"
)

// OriginFunc as it is meant to be used: an exact lookup in a set that the
// application keeps up to date (here a sync.Map, filled from a tenants
// table), consulted only for origins the static list does not allow.
func ExampleConfig_originFunc() {
	var tenantOrigins sync.Map // origin -> tenant ID
	tenantOrigins.Store("https://acme.example.net", 42)

	p, err := corsa.New(corsa.Config{
		Origins:     []string{"https://app.example.com"},
		Credentials: true,
		OriginFunc: func(origin string) bool {
			// Exact match only: never strings.HasSuffix, Contains or a
			// regexp, which https://acme.example.net.evil.example passes.
			_, ok := tenantOrigins.Load(origin)
			return ok
		},
	})
	if err != nil {
		panic(err)
	}
	for _, o := range []string{"https://acme.example.net", "https://acme.example.net.evil.example"} {
		fmt.Println(o, p.AllowsOrigin(o))
	}
	// Output:
	// https://acme.example.net true
	// https://acme.example.net.evil.example false
}

// Counting decisions per reason with expvar, served at /debug/vars by
// expvar's handler. Publish the map once in main, with
// expvar.Publish("cors_decisions", &decisions).
func ExampleConfig_onDecision() {
	var decisions expvar.Map
	p, err := corsa.New(corsa.Config{
		Origins: []string{"https://app.example.com"},
		OnDecision: func(e corsa.DecisionEvent) {
			// Reason strings are constants: safe to keep as keys.
			decisions.Add(e.Decision.Reason().String(), 1)
		},
	})
	if err != nil {
		panic(err)
	}
	h := p.Handler(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	for _, origin := range []string{"https://app.example.com", "https://evil.example", "https://evil.example", ""} {
		r := httptest.NewRequest("GET", "/orders", nil)
		if origin != "" {
			r.Header.Set("Origin", origin)
		}
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
	fmt.Println(decisions.String())
	// Output:
	// {"allowed": 1, "origin not allowed": 2}
}

func ExampleLogRefusals() {
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey { // a stable output for this example
				return slog.Attr{}
			}
			return a
		},
	}))
	p := corsa.Must(corsa.Config{
		Origins:    []string{"https://app.example.com"},
		OnDecision: corsa.LogRefusals(logger, 0),
	})
	h := p.Handler(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))

	r := httptest.NewRequest("OPTIONS", "/orders", nil)
	r.Header.Set("Origin", "https://app.example.com")
	r.Header.Set("Access-Control-Request-Method", "PUT")
	h.ServeHTTP(httptest.NewRecorder(), r)
	// Output:
	// level=INFO msg="CORS request refused" reason="method not allowed" kind=preflight origin=https://app.example.com method=OPTIONS path=/orders request_method=PUT status=403
}

// A WebSocket endpoint checking the Origin of each upgrade against the
// same policy as its CORS requests; with gorilla/websocket this function
// is the Upgrader's CheckOrigin (see the examples module).
func ExamplePolicy_AllowsOrigin() {
	p := corsa.Must(corsa.Config{Origins: []string{"https://app.example.com", "https://*.example.org"}})
	checkOrigin := func(r *http.Request) bool {
		origin := r.Header.Get("Origin")
		// No Origin: not a browser page, which cannot hijack a session.
		return origin == "" || p.AllowsOrigin(origin)
	}
	for _, o := range []string{"https://app.example.com", "https://chat.example.org", "https://evil.example", "null"} {
		r := httptest.NewRequest("GET", "/ws", nil)
		r.Header.Set("Origin", o)
		fmt.Println(o, checkOrigin(r))
	}
	// Output:
	// https://app.example.com true
	// https://chat.example.org true
	// https://evil.example false
	// null false
}
