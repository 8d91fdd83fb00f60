package corsa_test

import (
	"fmt"
	"testing"

	"github.com/corsa-go/corsa"
)

// hookConfig is benchConfig with some Go-only hooks set, each to
// something that allocates nothing itself, so that any allocation
// measured is corsa's.
type hookConfig struct {
	name                   string
	cfg                    corsa.Config
	onDecision, originFunc bool
}

func hookConfigs() []hookConfig {
	onDecision := benchConfig
	onDecision.OnDecision = func(e corsa.DecisionEvent) { sinkReason = e.Decision.Reason() }
	originFunc := benchConfig
	originFunc.OriginFunc = func(o string) bool { return o == "https://tenant.example" }
	both := originFunc
	both.OnDecision = onDecision.OnDecision
	return []hookConfig{
		{"no hook", benchConfig, false, false},
		{"OnDecision", onDecision, true, false},
		{"OriginFunc", originFunc, false, true},
		{"OriginFunc and OnDecision", both, true, true},
	}
}

var sinkReason corsa.Reason

// A hook is handed copies it may keep (DecisionEvent, Config.OriginFunc):
// OnDecision's cost one allocation holding every string of the event, for
// each request it hears of (every request with Origin), and OriginFunc's
// one, the copy of the origin, for each origin it is asked about (those
// no entry allows). With no hook, nothing is copied and nothing allocated.
func TestHooksCostOneAllocationEachForTheirCopies(t *testing.T) {
	// reported: the request has Origin; asked: no entry allows its origin.
	type hookScenario struct {
		scenario
		reported, asked bool
	}
	var hookScenarios []hookScenario
	for _, sc := range scenarios() {
		hookScenarios = append(hookScenarios, hookScenario{sc, sc.req.Header.Get("Origin") != "", sc.name == "disallowed"})
	}
	hookScenarios = append(hookScenarios, hookScenario{
		scenario{"tenant", newTestRequest(t, "GET", "Origin", "https://tenant.example"), 200}, true, true})
	for _, hc := range hookConfigs() {
		p := mustPolicy(t, hc.cfg)
		h := p.Handler(okHandler)
		for _, sc := range hookScenarios {
			copies := 0
			if hc.onDecision && sc.reported {
				copies++
			}
			if hc.originFunc && sc.asked {
				copies++
			}
			t.Run(fmt.Sprintf("with %s, deciding the %s scenario allocates %s", hc.name, sc.name, times(copies)), func(t *testing.T) {
				allocs := testing.AllocsPerRun(100, func() {
					var req corsa.Request
					req.ReadHTTP(sc.req)
					d := corsa.Decide(p, &req)
					for range d.Headers(req.Origin) {
					}
				})
				if allocs != float64(copies) {
					t.Errorf("%v allocations per decision, want %d", allocs, copies)
				}
			})
			t.Run(fmt.Sprintf("with %s, serving the %s scenario allocates %s", hc.name, sc.name, times(copies+1)), func(t *testing.T) {
				w := newDiscardWriter()
				allocs := testing.AllocsPerRun(100, func() {
					w.reset()
					h.ServeHTTP(w, sc.req)
				})
				if allocs != float64(copies+1) {
					t.Errorf("%v allocations per request, want %d: the hooks' copies and the header values", allocs, copies+1)
				}
			})
		}
		copies := 0
		if hc.onDecision {
			copies++ // the refusal of x-refused is reported
		}
		if hc.originFunc {
			copies++ // tenant.example is no entry's
		}
		t.Run(fmt.Sprintf("with %s, the caller's header lines stay on its stack", hc.name), func(t *testing.T) {
			allocs := testing.AllocsPerRun(100, func() {
				var lines [4]string
				lines[0] = "authorization"
				lines[1] = "x-refused"
				req := corsa.Request{
					Method: "OPTIONS", Origin: "https://tenant.example", RequestMethod: "PUT",
					RequestHeaders: lines[:2],
				}
				_ = corsa.Decide(p, &req)
			})
			if allocs != float64(copies) {
				t.Errorf("%v allocations, want %d: the hooks' copies only", allocs, copies)
			}
		})
	}
}

func TestAllowsOriginAllocatesNothingUnlessItAsksOriginFunc(t *testing.T) {
	p := mustPolicy(t, hookConfigs()[2].cfg)
	for _, tc := range []struct {
		origin string
		allocs float64
	}{
		{"https://example.com", 0},
		{"null", 0},
		{"https://example.com/", 0}, // no origin a browser sends: OriginFunc is not asked
		{"https://tenant.example", 1},
		{"https://evil.example", 1},
	} {
		t.Run(fmt.Sprintf("AllowsOrigin(%s) allocates %s", tc.origin, times(int(tc.allocs))), func(t *testing.T) {
			if allocs := testing.AllocsPerRun(100, func() { _ = p.AllowsOrigin(tc.origin) }); allocs != tc.allocs {
				t.Errorf("%v allocations, want %v", allocs, tc.allocs)
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
				var req corsa.Request
				req.ReadHTTP(sc.req)
				b.ReportAllocs()
				for b.Loop() {
					d := corsa.Decide(p, &req)
					for range d.Headers(req.Origin) {
					}
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
