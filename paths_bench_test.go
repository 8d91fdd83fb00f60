package corsa_test

import (
	"testing"

	"github.com/corsa-go/corsa"
)

// benchPaths has the five prefixes of a mid-sized API; the benchmark
// scenarios' path, /resource, falls under "/".
func benchPaths(b *testing.B) *corsa.Paths {
	pp, err := corsa.NewPaths(map[string]corsa.Config{
		"/":           benchConfig,
		"/api":        benchConfig,
		"/api/v2":     benchConfig,
		"/api/public": {Origins: []string{"*"}},
		"/admin":      benchConfig,
	})
	if err != nil {
		b.Fatal(err)
	}
	return pp
}

// BenchmarkPathsHandler is BenchmarkHandler through Paths: the difference
// is the per-path lookup.
func BenchmarkPathsHandler(b *testing.B) {
	h := benchPaths(b).Handler(okHandler)
	for _, sc := range scenarios() {
		b.Run(sc.name, func(b *testing.B) {
			w := newDiscardWriter()
			b.ReportAllocs()
			for b.Loop() {
				w.reset()
				h.ServeHTTP(w, sc.req)
			}
		})
	}
}

// BenchmarkPathsLookup measures the lookup alone, for a path under the
// longest prefix, one under only "/", and one no router reads alike.
func BenchmarkPathsLookup(b *testing.B) {
	pp := benchPaths(b)
	for _, path := range []string{"/api/v2/items/42", "/static/js/app.js", "/api/public/../../admin"} {
		b.Run(path, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = pp.Policy(path)
			}
		})
	}
}
