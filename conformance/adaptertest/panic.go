package adaptertest

import (
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
)

// checkOriginFuncPanics checks that a Config.OriginFunc that panics fails
// closed on an adapter: serve builds the adapter's app around Must(cfg),
// routing GET /api/items to a handler answering 200, as checkOnDecision's
// does. The origin the func panics on is refused, in a preflight (403, no
// Access-Control-Allow-* header) and in an actual request (the handler
// runs, no grant), the server keeps serving, the next request from a
// listed origin is allowed as usual, and OnDecision reports the panic
// with its own reason and the value.
func checkOriginFuncPanics(t *testing.T, serve func(cfg corsa.Config) Do) {
	t.Helper()
	const app, tenant, path = "https://app.example.com", "https://tenant.example.com", "/api/items"
	var (
		mu     sync.Mutex
		panics []string
	)
	do := serve(corsa.Config{
		Origins:     []string{app},
		Credentials: true,
		Methods:     []string{http.MethodPut},
		OriginFunc:  func(origin string) bool { panic("lookup failed for " + origin) },
		OnDecision: func(e corsa.DecisionEvent) {
			if e.Decision.Reason() == corsa.OriginFuncPanicked {
				mu.Lock()
				defer mu.Unlock()
				panics = append(panics, fmt.Sprint(e.Panic))
			}
		},
	})
	for _, step := range []struct {
		name string
		r    conformance.Request
		w    conformance.Want
	}{
		{"a preflight from the origin the func panics on is refused", Preflight(tenant, path, http.MethodPut), RefusedPreflight()},
		{"an actual request from it reaches the handler without a grant", Actual(http.MethodGet, tenant, path), RefusedActual()},
		{"the server keeps serving a listed origin", Actual(http.MethodGet, app, path), credentialedActual()},
	} {
		t.Run(step.name, func(t *testing.T) { Expect(t, do, step.r, step.w) })
	}
	mu.Lock()
	defer mu.Unlock()
	want := "lookup failed for " + tenant
	if len(panics) != 2 || panics[0] != want || panics[1] != want {
		t.Errorf("OnDecision reported panics %q, want two of %q", panics, want)
	}
}

// credentialedActual is the answer to an allowed actual request under
// checkOriginFuncPanics' policy: the origin and credentials, no more.
func credentialedActual() conformance.Want {
	w := AllowedActual()
	delete(w.Headers, "Access-Control-Expose-Headers")
	return w
}
