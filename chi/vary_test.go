package corsachi_test

import (
	"net/http"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	corsachi "github.com/corsa-go/corsa/chi"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
)

// What happens to "Vary: Origin" (SPEC.md §3) when code that runs after
// corsa sets Vary instead of adding to it (w.Header().Set): net/http gives
// a middleware no way to know whether the headers are sent without
// wrapping the ResponseWriter, so corsa does not restore it, and the
// package documentation says where to register such middleware.
func TestVaryWhenDownstreamCodeSetsIt(t *testing.T) {
	setVary := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Vary", "Accept-Encoding")
			next.ServeHTTP(w, r)
		})
	}
	type mw = func(http.Handler) http.Handler
	for _, tt := range []struct {
		name          string
		before, after []mw
		want          []string
	}{
		{"middleware after corsa that sets Vary wipes Origin", nil, []mw{setVary}, []string{"Accept-Encoding"}},
		{"middleware before corsa that sets Vary keeps Origin", []mw{setVary}, nil, []string{"Accept-Encoding", "Origin"}},
		{"chi's Compress middleware after corsa adds to Vary and keeps Origin",
			nil, []mw{middleware.Compress(5)}, []string{"Origin", "Accept-Encoding"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := chi.NewRouter()
			r.Use(tt.before...)
			r.Use(corsachi.Must(adaptertest.VaryListed()))
			r.Use(tt.after...)
			r.Get("/items", func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "text/plain") // a type Compress compresses
				w.Write([]byte("ok"))
			})
			adaptertest.CheckVary(t, conformance.Recorder(r), adaptertest.VaryListed(), adaptertest.VaryOrigin, tt.want)
		})
	}
}
