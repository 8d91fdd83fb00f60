package corsachi_test

import (
	"net/http"
	"testing"

	corsachi "github.com/corsa-go/corsa/chi"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/scenario"
	"github.com/go-chi/chi/v5"
)

// benchRouters are the same chi router without and with corsa. The
// OPTIONS route lets the bare router answer preflights with a handler, as
// a router without CORS middleware would, rather than with chi's 405.
func benchRouters() []struct {
	name string
	h    http.Handler
} {
	build := func(use ...func(http.Handler) http.Handler) http.Handler {
		r := chi.NewRouter()
		r.Use(use...)
		r.Get(conformance.PathResource, benchHandler)
		r.Put(conformance.PathResource, benchHandler)
		r.Options(conformance.PathResource, benchHandler)
		return r
	}
	return []struct {
		name string
		h    http.Handler
	}{
		{"bare", build()},
		{"corsa", build(corsachi.Must(scenario.Policy()))},
	}
}

var ok = []byte("ok")

func benchHandler(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write(ok) }

func BenchmarkMiddleware(b *testing.B) {
	for _, s := range scenario.All() {
		req := s.Request.HTTP()
		b.Run(s.Name, func(b *testing.B) {
			for _, r := range benchRouters() {
				b.Run(r.name, func(b *testing.B) {
					w := scenario.NewSink()
					b.ReportAllocs()
					for b.Loop() {
						w.Serve(r.h, req)
					}
				})
			}
		})
	}
}

func TestMiddlewareAddsAtMostOneAllocation(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	routers := benchRouters()
	for _, s := range scenario.All() {
		req := s.Request.HTTP()
		t.Run("in the "+s.Name+" scenario", func(t *testing.T) {
			var allocs [2]float64
			for i, r := range routers {
				w := scenario.NewSink()
				allocs[i] = testing.AllocsPerRun(100, func() { w.Serve(r.h, req) })
				want := http.StatusOK // the bare router's handler answers everything
				if r.name == "corsa" {
					want = s.Status
				}
				if w.Status != want {
					t.Fatalf("%s: status = %d, want %d", r.name, w.Status, want)
				}
			}
			if added := allocs[1] - allocs[0]; added > 1 {
				t.Errorf("corsa adds %.0f allocations (bare chi %.0f, with corsa %.0f), want at most 1",
					added, allocs[0], allocs[1])
			}
		})
	}
}
