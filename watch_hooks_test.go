package corsa_test

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/corsa-go/corsa"
)

// A policy file cannot hold OriginFunc or OnDecision: Watch keeps the ones
// the Middleware serves with on every policy it reads, the first read
// included, even when the file says exactly what the Middleware was built
// with.
func TestWatchKeepsTheMiddlewaresHooksAcrossReloads(t *testing.T) {
	const otherTenant = "https://other-tenant.example.net"
	cm := newConfigMapDir(t, watchPolicies["https://a.example"])
	var decisions atomic.Int32
	onDecision := func(corsa.DecisionEvent) { decisions.Add(1) }
	// The file's policy, plus the hooks.
	m, err := corsa.NewMiddleware(corsa.Config{
		Origins: []string{"https://a.example"}, Methods: []string{"PUT"}, MaxAge: corsa.Seconds(10),
		OriginFunc: func(o string) bool { return o == tenantOrigin },
		OnDecision: onDecision,
	})
	if err != nil {
		t.Fatal(err)
	}
	h := m.Handler(okHandler)
	events := make(chan error, 4)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- m.Watch(ctx, cm.path(), corsa.WatchOptions{
			Interval: 5 * time.Millisecond,
			OnReload: func(err error) { events <- err },
		})
	}()
	defer func() { cancel(); <-done }()
	next := func() {
		t.Helper()
		select {
		case err := <-events:
			if err != nil {
				t.Fatalf("reload refused: %v", err)
			}
		case <-time.After(eventTimeout):
			t.Fatalf("no report within %v", eventTimeout)
		}
	}
	// allows reports whether origin gets a grant, and checks that
	// OnDecision heard of the request.
	allows := func(origin string) bool {
		t.Helper()
		before := decisions.Load()
		resp := do(t, h, http.MethodGet, "Origin", origin)
		if decisions.Load() != before+1 {
			t.Errorf("OnDecision was not called for a request from %s", origin)
		}
		return resp.Header.Get("Access-Control-Allow-Origin") == origin
	}

	steps := []struct {
		name    string
		change  func()
		allowed []string
		refused []string
	}{
		{"the first read of a file saying what the Middleware was built with keeps its hooks", func() {},
			[]string{"https://a.example", tenantOrigin}, []string{"https://b.example", otherTenant}},
		{"a changed file keeps them", func() { cm.rewrite(watchPolicies["https://b.example"]) },
			[]string{"https://b.example", tenantOrigin}, []string{"https://a.example", otherTenant}},
		{"after Reconfigure with other hooks, the next read keeps those", func() {
			if err := m.Reconfigure(corsa.Config{
				Origins:    []string{"https://a.example"},
				OriginFunc: func(o string) bool { return o == otherTenant },
				OnDecision: onDecision,
			}); err != nil {
				t.Fatal(err)
			}
			cm.rewrite(watchPolicies["https://c.example"])
		}, []string{"https://c.example", otherTenant}, []string{"https://a.example", tenantOrigin}},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			step.change()
			next()
			for _, o := range step.allowed {
				if !allows(o) {
					t.Errorf("%s is refused, want it allowed", o)
				}
			}
			for _, o := range step.refused {
				if allows(o) {
					t.Errorf("%s is allowed, want it refused", o)
				}
			}
		})
	}
}
