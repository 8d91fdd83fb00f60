package corsa_test

import (
	"testing"

	"github.com/corsa-go/corsa"
)

// hookConfigs are benchConfig with each Go-only hook set to something that
// allocates nothing itself, so that any allocation measured is corsa's.
func hookConfigs() []struct {
	name string
	cfg  corsa.Config
} {
	onDecision := benchConfig
	onDecision.OnDecision = func(e corsa.DecisionEvent) { sinkReason = e.Decision.Reason }
	originFunc := benchConfig
	originFunc.OriginFunc = func(o string) bool { return o == "https://tenant.example" }
	both := originFunc
	both.OnDecision = onDecision.OnDecision
	return []struct {
		name string
		cfg  corsa.Config
	}{
		{"no hook", benchConfig},
		{"OnDecision", onDecision},
		{"OriginFunc", originFunc},
		{"OriginFunc and OnDecision", both},
	}
}

var sinkReason corsa.Reason

func TestHooksAddNoAllocation(t *testing.T) {
	for _, hc := range hookConfigs() {
		p := mustPolicy(t, hc.cfg)
		h := p.Handler(okHandler)
		for _, sc := range append(scenarios(), scenario{"tenant", newTestRequest(t, "GET", "Origin", "https://tenant.example"), 200}) {
			t.Run("with "+hc.name+", deciding the "+sc.name+" scenario allocates nothing", func(t *testing.T) {
				allocs := testing.AllocsPerRun(100, func() {
					req := corsa.RequestFromHTTP(sc.req)
					d := p.Decide(&req)
					_ = d.Headers()
				})
				if allocs != 0 {
					t.Errorf("%v allocations per decision, want 0", allocs)
				}
			})
			t.Run("with "+hc.name+", serving the "+sc.name+" scenario allocates at most once", func(t *testing.T) {
				w := newDiscardWriter()
				allocs := testing.AllocsPerRun(100, func() {
					w.reset()
					h.ServeHTTP(w, sc.req)
				})
				if allocs > 1 {
					t.Errorf("%v allocations per request, want at most 1", allocs)
				}
			})
		}
		t.Run("with "+hc.name+", the caller's header lines stay on its stack", func(t *testing.T) {
			allocs := testing.AllocsPerRun(100, func() {
				var lines [4]string
				lines[0] = "authorization"
				lines[1] = "x-refused"
				req := corsa.Request{
					Method: "OPTIONS", Origin: "https://tenant.example", RequestMethod: "PUT",
					RequestHeaders: lines[:2],
				}
				_ = p.Decide(&req)
			})
			if allocs != 0 {
				t.Errorf("%v allocations, want 0", allocs)
			}
		})
	}
}

func TestAllowsOriginAllocatesNothing(t *testing.T) {
	p := mustPolicy(t, hookConfigs()[2].cfg)
	for _, o := range []string{"https://example.com", "https://tenant.example", "https://evil.example", "null"} {
		t.Run("AllowsOrigin("+o+") allocates nothing", func(t *testing.T) {
			if allocs := testing.AllocsPerRun(100, func() { _ = p.AllowsOrigin(o) }); allocs != 0 {
				t.Errorf("%v allocations, want 0", allocs)
			}
		})
	}
}

// BenchmarkDecideHooks compares Decide with each hook set against no hook,
// in one process: "no hook" is the baseline for the ratios.
func BenchmarkDecideHooks(b *testing.B) {
	for _, hc := range hookConfigs() {
		p := mustPolicy(b, hc.cfg)
		for _, sc := range scenarios() {
			b.Run(hc.name+"/"+sc.name, func(b *testing.B) {
				req := corsa.RequestFromHTTP(sc.req)
				b.ReportAllocs()
				for b.Loop() {
					d := p.Decide(&req)
					_ = d.Headers()
				}
			})
		}
	}
}

// BenchmarkHandlerHooks is BenchmarkDecideHooks through the net/http
// middleware.
func BenchmarkHandlerHooks(b *testing.B) {
	for _, hc := range hookConfigs() {
		h := mustPolicy(b, hc.cfg).Handler(okHandler)
		for _, sc := range scenarios() {
			b.Run(hc.name+"/"+sc.name, func(b *testing.B) {
				w := newDiscardWriter()
				b.ReportAllocs()
				for b.Loop() {
					w.reset()
					h.ServeHTTP(w, sc.req)
				}
			})
		}
	}
}
