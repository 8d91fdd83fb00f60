package corsaecho_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/corsa-go/corsa/conformance"
	corsaecho "github.com/corsa-go/corsa/echo"
)

// scenario is one request the benchmarks replay, with the status echo
// answers it with when corsa is installed.
type scenario struct {
	name   string
	req    *http.Request
	status int
}

func scenarios() []scenario {
	// Far longer than any list the policy allows: corsa must refuse it in
	// bounded time, without allocating (SPEC.md §4).
	hostile := conformance.Preflight(app, "/resource", http.MethodPut, strings.Repeat("a,", 32<<10))
	return []scenario{
		{"preflight", preflight(app, "/resource").HTTP(), http.StatusNoContent},
		{"actual", conformance.Actual(http.MethodGet, app, "/resource").HTTP(), http.StatusOK},
		{"disallowed", conformance.Actual(http.MethodGet, evil, "/resource").HTTP(), http.StatusOK},
		{"no-origin", conformance.Actual(http.MethodGet, "", "/resource").HTTP(), http.StatusOK},
		{"hostile-acrh", hostile.HTTP(), http.StatusForbidden},
	}
}

// passThrough is the cheapest middleware echo can run.
func passThrough(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error { return next(c) }
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
	e.Any("/resource", func(c echo.Context) error { return c.NoContent(http.StatusOK) })
	return e
}

func setups(tb testing.TB) []setup {
	mw, err := corsaecho.New(conformance.AdapterPolicy())
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

func (st setup) status(sc scenario) int {
	if !st.cors {
		return http.StatusOK
	}
	return sc.status
}

// sink is a ResponseWriter that keeps only its status and a header map that
// reset clears in place, unlike httptest.ResponseRecorder, whose snapshots
// would bill the writer's allocations to whoever sets more headers.
type sink struct {
	h      http.Header
	status int
}

func (s *sink) Header() http.Header { return s.h }

func (s *sink) Write(p []byte) (int, error) {
	s.WriteHeader(http.StatusOK)
	return len(p), nil
}

func (s *sink) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
}

func (s *sink) reset() {
	clear(s.h)
	s.status = 0
}

func BenchmarkMiddleware(b *testing.B) {
	for _, sc := range scenarios() {
		for _, st := range setups(b) {
			b.Run(sc.name+"/"+st.name, func(b *testing.B) {
				w := &sink{h: http.Header{}}
				st.echo.ServeHTTP(w, sc.req)
				if w.status != st.status(sc) {
					b.Fatalf("status = %d, want %d", w.status, st.status(sc))
				}
				b.ReportAllocs()
				for b.Loop() {
					w.reset()
					st.echo.ServeHTTP(w, sc.req)
				}
			})
		}
	}
}

// Echo builds every middleware's handler anew for each request
// (applyMiddleware), which costs one closure per middleware, and e.Pre one
// more for the routing step; a pass-through middleware registered the same
// way carries that cost, leaving corsa's own.
func TestMiddlewareAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	baselines := [][2]string{{"corsa", "pass-through"}, {"corsa-pre", "pass-through-pre"}}
	for _, sc := range scenarios() {
		allocs := map[string]float64{}
		for _, st := range setups(t) {
			w := &sink{h: http.Header{}}
			allocs[st.name] = testing.AllocsPerRun(200, func() {
				w.reset()
				st.echo.ServeHTTP(w, sc.req)
			})
			if w.status != st.status(sc) {
				t.Fatalf("%s, %s: status = %d, want %d", sc.name, st.name, w.status, st.status(sc))
			}
		}
		for _, pair := range baselines {
			name, baseline := pair[0], pair[1]
			t.Run(sc.name+": "+name+" costs at most one allocation more than "+baseline, func(t *testing.T) {
				if allocs[name] > allocs[baseline]+1 {
					t.Errorf("%v allocations per request with %s, %v with %s (%v bare)",
						allocs[name], name, allocs[baseline], baseline, allocs["bare"])
				}
			})
		}
	}
}
