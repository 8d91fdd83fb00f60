package corsachi_test

import (
	"net/http"
	"strings"
	"testing"

	corsachi "github.com/corsa-go/corsa/chi"
	"github.com/corsa-go/corsa/conformance"
	"github.com/go-chi/chi/v5"
)

// scenario is one request the benchmarks and the allocation test serve
// over and over.
type scenario struct {
	name string
	req  *http.Request
}

// scenarios are the requests every adapter is measured on.
func scenarios() []scenario {
	return []scenario{
		{"preflight", conformance.Preflight(appOrigin, "/items", "PUT", "content-type,x-request-id").HTTP()},
		{"actual", conformance.Actual(http.MethodGet, appOrigin, "/items").HTTP()},
		{"disallowed", conformance.Actual(http.MethodGet, otherOrigin, "/items").HTTP()},
		{"no-origin", conformance.Actual(http.MethodGet, "", "/items").HTTP()},
		// Thousands of names, as in the rs/cors advisory GHSA-mh55-gqvf-xfwm.
		{"hostile-acrh", conformance.Preflight(appOrigin, "/items", "PUT", strings.Repeat("x-h,", 2000)).HTTP()},
	}
}

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
		r.Get("/items", benchHandler)
		r.Put("/items", benchHandler)
		r.Options("/items", benchHandler)
		return r
	}
	return []struct {
		name string
		h    http.Handler
	}{
		{"bare", build()},
		{"corsa", build(corsachi.Must(conformance.AdapterPolicy()))},
	}
}

var ok = []byte("ok")

func benchHandler(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write(ok) }

// sink is a ResponseWriter that can be reused without allocating, unlike
// httptest.ResponseRecorder, so that only the router and the middleware
// are measured.
type sink struct {
	h      http.Header
	status int
}

func newSink() *sink                                  { return &sink{h: http.Header{}} }
func (w *sink) Header() http.Header                   { return w.h }
func (w *sink) Write(p []byte) (int, error)           { return len(p), nil }
func (w *sink) WriteHeader(status int)                { w.status = status }
func (w *sink) reset()                                { clear(w.h); w.status = 0 }
func (w *sink) serve(h http.Handler, r *http.Request) { w.reset(); h.ServeHTTP(w, r) }

func BenchmarkMiddleware(b *testing.B) {
	for _, s := range scenarios() {
		b.Run(s.name, func(b *testing.B) {
			for _, r := range benchRouters() {
				b.Run(r.name, func(b *testing.B) {
					w := newSink()
					b.ReportAllocs()
					for b.Loop() {
						w.serve(r.h, s.req)
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
	for _, s := range scenarios() {
		t.Run("in the "+s.name+" scenario", func(t *testing.T) {
			var allocs [2]float64
			for i, r := range routers {
				w := newSink()
				allocs[i] = testing.AllocsPerRun(100, func() { w.serve(r.h, s.req) })
			}
			if added := allocs[1] - allocs[0]; added > 1 {
				t.Errorf("corsa adds %.0f allocations (bare chi %.0f, with corsa %.0f), want at most 1",
					added, allocs[0], allocs[1])
			}
		})
	}
}
