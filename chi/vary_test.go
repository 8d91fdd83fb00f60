package corsachi_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/corsa-go/corsa"
	corsachi "github.com/corsa-go/corsa/chi"
)

// What happens to "Vary: Origin" (SPEC.md §3) when code that runs after
// corsa sets Vary instead of adding to it (w.Header().Set): net/http gives
// a middleware no way to know whether the headers are sent without
// wrapping the ResponseWriter, so corsa does not restore it, and the
// package documentation says where to register such middleware.
func TestVaryWhenDownstreamCodeSetsIt(t *testing.T) {
	const origin = "https://app.example"
	setVary := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Vary", "Accept-Encoding")
			next.ServeHTTP(w, r)
		})
	}
	ok := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain") // a type Compress compresses
		w.Write([]byte("ok"))
	})
	tests := []struct {
		name          string
		before, after []func(http.Handler) http.Handler
		want          []string
	}{
		{"middleware after corsa that sets Vary wipes Origin",
			nil, []func(http.Handler) http.Handler{setVary}, []string{"Accept-Encoding"}},
		{"middleware before corsa that sets Vary keeps Origin",
			[]func(http.Handler) http.Handler{setVary}, nil, []string{"Accept-Encoding", "Origin"}},
		{"chi's Compress middleware after corsa adds to Vary and keeps Origin",
			nil, []func(http.Handler) http.Handler{middleware.Compress(5)}, []string{"Origin", "Accept-Encoding"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := chi.NewRouter()
			r.Use(tt.before...)
			r.Use(corsachi.Must(corsa.Config{Origins: []string{origin}}))
			r.Use(tt.after...)
			r.Get("/items", ok)
			req := httptest.NewRequest(http.MethodGet, "/items", nil)
			req.Header.Set("Origin", origin)
			req.Header.Set("Accept-Encoding", "gzip")
			rec := httptest.NewRecorder()
			r.ServeHTTP(rec, req)
			if got := rec.Result().Header.Values("Vary"); !slices.Equal(got, tt.want) {
				t.Errorf("Vary lines %q, want %q", got, tt.want)
			}
			if got := rec.Result().Header.Get("Access-Control-Allow-Origin"); got != origin {
				t.Errorf("Access-Control-Allow-Origin %q, want %q", got, origin)
			}
		})
	}
}
