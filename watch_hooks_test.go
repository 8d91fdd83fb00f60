package corsa_test

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/corsa-go/corsa"
)

// A policy file cannot hold OriginFunc or OnDecision: Watch sets the ones
// in WatchOptions on every policy it reads, so a reload keeps them.
func TestWatchKeepsTheHooksAcrossReloads(t *testing.T) {
	cm := newConfigMapDir(t, watchPolicies["https://a.example"])
	var decisions atomic.Int32
	events := make(chan error, 4)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var m corsa.Middleware
	go func() {
		done <- m.Watch(ctx, cm.path(), corsa.WatchOptions{
			Interval:   5 * time.Millisecond,
			OnReload:   func(err error) { events <- err },
			OriginFunc: func(o string) bool { return o == tenantOrigin },
			OnDecision: func(corsa.DecisionEvent) { decisions.Add(1) },
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
	h := m.Handler(okHandler)
	for i, policy := range []string{"https://a.example", "https://b.example"} {
		if i > 0 {
			cm.rewrite(watchPolicies[policy])
		}
		next()
		resp := do(t, h, http.MethodGet, "Origin", tenantOrigin)
		if got := resp.Header.Get("Access-Control-Allow-Origin"); got != tenantOrigin {
			t.Errorf("after reading the %s policy: Access-Control-Allow-Origin = %q, want %q (OriginFunc)", policy, got, tenantOrigin)
		}
		if n := decisions.Load(); n != int32(i+1) {
			t.Errorf("after reading the %s policy: OnDecision called %d times, want %d", policy, n, i+1)
		}
	}
}
