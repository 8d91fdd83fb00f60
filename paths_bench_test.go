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

// BenchmarkPathsDecide measures Decide through Paths for a request
// without Origin, which costs little but the lookup, for a path under the
// longest prefix, one under only "/", one whose letter case could pick
// another policy, and one no router reads alike.
func BenchmarkPathsDecide(b *testing.B) {
	pp := benchPaths(b)
	for _, path := range []string{"/api/v2/items/42", "/static/js/app.js", "/API/V2/items/42", "/api/public/../../admin"} {
		b.Run(path, func(b *testing.B) {
			req := corsa.Request{Method: "GET", Path: path}
			b.ReportAllocs()
			for b.Loop() {
				_ = corsa.Decide(pp, &req)
			}
		})
	}
}
