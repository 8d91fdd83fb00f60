package corsaecho5_test

import (
	"net/http"
	"testing"

	"github.com/labstack/echo/v5"

	"github.com/corsa-go/corsa/conformance/scenario"
	corsaecho5 "github.com/corsa-go/corsa/echo5"
)

// passThrough is the cheapest middleware echo can run.
func passThrough(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c *echo.Context) error { return next(c) }
}

// setup is an Echo instance each scenario is measured on.
type setup struct {
	name string
	echo *echo.Echo
	cors bool // whether corsa answers, rather than the handler
}

// benchEcho serves /resource for every method, so that the bare instance
// runs the same route and handler for each scenario as the one with corsa
// (which answers preflights itself).
func benchEcho(register func(*echo.Echo)) *echo.Echo {
	e := echo.New()
	register(e)
	e.Any("/resource", func(c *echo.Context) error { return c.NoContent(http.StatusOK) })
	return e
}

func setups(tb testing.TB) []setup {
	mw, err := corsaecho5.New(scenario.Policy())
	if err != nil {
		tb.Fatal(err)
	}
	return []setup{
		{"bare", benchEcho(func(*echo.Echo) {}), false},
		{"pass-through", benchEcho(func(e *echo.Echo) { e.Use(passThrough) }), false},
		{"corsa", benchEcho(func(e *echo.Echo) { e.Use(mw) }), true},
		{"pass-through-pre", benchEcho(func(e *echo.Echo) { e.Pre(passThrough) }), false},
		{"corsa-pre", benchEcho(func(e *echo.Echo) { e.Pre(mw) }), true},
	}
}

func (st setup) status(sc scenario.Scenario) int {
	if !st.cors {
		return http.StatusOK
	}
	return sc.Status
}

func BenchmarkMiddleware(b *testing.B) {
	for _, sc := range scenario.All() {
		req := sc.Request.HTTP()
		for _, st := range setups(b) {
			b.Run(sc.Name+"/"+st.name, func(b *testing.B) {
				w := scenario.NewSink()
				w.Serve(st.echo, req)
				if w.Status != st.status(sc) {
					b.Fatalf("status = %d, want %d", w.Status, st.status(sc))
				}
				b.ReportAllocs()
				for b.Loop() {
					w.Serve(st.echo, req)
				}
			})
		}
	}
}

// A pass-through middleware registered the same way carries whatever echo
// v5 charges a middleware (measured: nothing, where echo v4 builds a
// closure per middleware per request), leaving corsa's own.
func TestMiddlewareAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	baselines := [][2]string{{"corsa", "pass-through"}, {"corsa-pre", "pass-through-pre"}}
	for _, sc := range scenario.All() {
		req := sc.Request.HTTP()
		allocs := map[string]float64{}
		for _, st := range setups(t) {
			w := scenario.NewSink()
			allocs[st.name] = testing.AllocsPerRun(200, func() { w.Serve(st.echo, req) })
			if w.Status != st.status(sc) {
				t.Fatalf("%s, %s: status = %d, want %d", sc.Name, st.name, w.Status, st.status(sc))
			}
		}
		for _, pair := range baselines {
			name, baseline := pair[0], pair[1]
			t.Run(sc.Name+": "+name+" costs at most one allocation more than "+baseline, func(t *testing.T) {
				if allocs[name] > allocs[baseline]+1 {
					t.Errorf("%v allocations per request with %s, %v with %s (%v bare)",
						allocs[name], name, allocs[baseline], baseline, allocs["bare"])
				}
			})
		}
	}
}
