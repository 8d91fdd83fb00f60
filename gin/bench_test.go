package corsagin_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa/conformance"
	corsagin "github.com/corsa-go/corsa/gin"
)

// scenario is one request the benchmarks replay, with the status gin
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

// benchEngine serves /resource for every method, so that the bare engine
// runs the same route and handler for each scenario as the one with corsa
// (which answers preflights itself).
func benchEngine(mw ...gin.HandlerFunc) *gin.Engine {
	r := gin.New()
	r.Use(mw...)
	r.Any("/resource", func(c *gin.Context) { c.Status(http.StatusOK) })
	return r
}

// setup is an engine each scenario is measured on.
type setup struct {
	name   string
	engine *gin.Engine
}

func setups(tb testing.TB) []setup {
	mw, err := corsagin.New(conformance.AdapterPolicy())
	if err != nil {
		tb.Fatal(err)
	}
	return []setup{{"bare", benchEngine()}, {"corsa", benchEngine(mw)}}
}

// status is what st answers sc with: the bare engine's handler answers
// everything with 200.
func (st setup) status(sc scenario) int {
	if st.name == "bare" {
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
				st.engine.ServeHTTP(w, sc.req)
				if w.status != st.status(sc) {
					b.Fatalf("status = %d, want %d", w.status, st.status(sc))
				}
				b.ReportAllocs()
				for b.Loop() {
					w.reset()
					st.engine.ServeHTTP(w, sc.req)
				}
			})
		}
	}
}

func TestMiddlewareAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	for _, sc := range scenarios() {
		t.Run(sc.name+" costs at most one allocation more than bare gin", func(t *testing.T) {
			var allocs [2]float64
			for i, st := range setups(t) {
				w := &sink{h: http.Header{}}
				allocs[i] = testing.AllocsPerRun(200, func() {
					w.reset()
					st.engine.ServeHTTP(w, sc.req)
				})
				if w.status != st.status(sc) {
					t.Fatalf("%s: status = %d, want %d", st.name, w.status, st.status(sc))
				}
			}
			if bare, withCorsa := allocs[0], allocs[1]; withCorsa > bare+1 {
				t.Errorf("%v allocations per request with corsa, %v bare", withCorsa, bare)
			}
		})
	}
}
