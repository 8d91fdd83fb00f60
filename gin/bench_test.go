package corsagin_test

import (
	"net/http"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa/conformance/scenario"
	corsagin "github.com/corsa-go/corsa/gin"
)

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
	mw, err := corsagin.New(scenario.Policy())
	if err != nil {
		tb.Fatal(err)
	}
	return []setup{{"bare", benchEngine()}, {"corsa", benchEngine(mw)}}
}

// status is what st answers sc with: the bare engine's handler answers
// everything with 200.
func (st setup) status(sc scenario.Scenario) int {
	if st.name == "bare" {
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
				w.Serve(st.engine, req)
				if w.Status != st.status(sc) {
					b.Fatalf("status = %d, want %d", w.Status, st.status(sc))
				}
				b.ReportAllocs()
				for b.Loop() {
					w.Serve(st.engine, req)
				}
			})
		}
	}
}

func TestMiddlewareAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	for _, sc := range scenario.All() {
		req := sc.Request.HTTP()
		t.Run(sc.Name+" costs at most one allocation more than bare gin", func(t *testing.T) {
			var allocs [2]float64
			for i, st := range setups(t) {
				w := scenario.NewSink()
				allocs[i] = testing.AllocsPerRun(200, func() { w.Serve(st.engine, req) })
				if w.Status != st.status(sc) {
					t.Fatalf("%s: status = %d, want %d", st.name, w.Status, st.status(sc))
				}
			}
			if bare, withCorsa := allocs[0], allocs[1]; withCorsa > bare+1 {
				t.Errorf("%v allocations per request with corsa, %v bare", withCorsa, bare)
			}
		})
	}
}
