// Command corsa-outside is a program outside corsa's go.work workspace, as
// a user's would be: its own module, requiring corsa (through a replace to
// this checkout). It uses Config.OriginFunc, Config.OnDecision and
// Policy.AllowsOrigin, and prints what they do, which
// examples/outside_test.go checks with GOWORK=off.
//
//	cd examples/outside && GOWORK=off go run .
package main

import (
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"sync"

	"github.com/corsa-go/corsa"
)

func main() {
	var tenants sync.Map // origins the application keeps, e.g. from a database
	tenants.Store("https://tenant.example.net", true)

	p, err := corsa.New(corsa.Config{
		Origins:     []string{"https://app.example.com"},
		Credentials: true,
		OriginFunc: func(origin string) bool {
			_, ok := tenants.Load(origin)
			return ok
		},
		OnDecision: func(e corsa.DecisionEvent) {
			kind := "actual"
			if e.Decision.Preflight() {
				kind = "preflight"
			}
			fmt.Printf("OnDecision: %s %s %s from %s: %s\n", kind, e.Request.Method, e.Request.Path, e.Request.Origin, e.Decision.Reason())
		},
	})
	if err != nil {
		log.Fatal(err)
	}

	for _, o := range []string{"https://app.example.com", "https://tenant.example.net", "https://evil.example", "null", ""} {
		fmt.Printf("AllowsOrigin(%q) = %v\n", o, p.AllowsOrigin(o))
	}

	h := p.Handler(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusOK)
	}))
	requests := []struct{ method, origin, acrm, acrh string }{
		{"OPTIONS", "https://tenant.example.net", "POST", "content-type"},
		{"GET", "https://tenant.example.net", "", ""},
		{"GET", "https://evil.example", "", ""},
		{"GET", "", "", ""},
	}
	for _, rq := range requests {
		r := httptest.NewRequest(rq.method, "/api/orders", nil)
		for name, value := range map[string]string{
			"Origin": rq.origin, "Access-Control-Request-Method": rq.acrm, "Access-Control-Request-Headers": rq.acrh,
		} {
			if value != "" {
				r.Header.Set(name, value)
			}
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		fmt.Printf("%s from %q: %d allow-origin=%q credentials=%q allow-headers=%q vary=%q\n", rq.method, rq.origin, w.Code,
			w.Header().Get("Access-Control-Allow-Origin"), w.Header().Get("Access-Control-Allow-Credentials"),
			w.Header().Get("Access-Control-Allow-Headers"), w.Header().Get("Vary"))
	}
}
