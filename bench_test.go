package corsa_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// BenchmarkHandler measures the net/http middleware per scenario, on a
// reused request and writer so that only the middleware is counted.
func BenchmarkHandler(b *testing.B) {
	p, err := corsa.New(benchConfig)
	if err != nil {
		b.Fatal(err)
	}
	h := p.Handler(okHandler)
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

// BenchmarkDecide measures the decision alone, without net/http header
// writes.
func BenchmarkDecide(b *testing.B) {
	p, err := corsa.New(benchConfig)
	if err != nil {
		b.Fatal(err)
	}
	for _, sc := range scenarios() {
		b.Run(sc.name, func(b *testing.B) {
			var req corsa.Request
			req.ReadHTTP(sc.req)
			b.ReportAllocs()
			for b.Loop() {
				d := corsa.Decide(p, &req)
				for range d.Headers(req.Origin) {
				}
			}
		})
	}
}

// BenchmarkDecideOriginLength compares a refused 1 MB Origin with a short
// refused one under a policy of 100 subdomain patterns: the long one is
// refused by length before any matching (SPEC.md §6b), so it must cost no
// more than the short one, which is matched against every pattern.
func BenchmarkDecideOriginLength(b *testing.B) {
	var origins []string
	for i := range 100 {
		origins = append(origins, fmt.Sprintf("https://*.tenant%02d.example.com", i))
	}
	p, err := corsa.New(corsa.Config{Origins: origins})
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct{ name, origin string }{
		{"short refused origin", "https://app.tenant99.example.org"},
		{"1 MB origin", "https://" + strings.Repeat("a.", 1<<19) + "tenant99.example.com"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			req := corsa.Request{Method: "GET", Origin: bc.origin}
			b.ReportAllocs()
			for b.Loop() {
				if d := corsa.Decide(p, &req); d.Reason() == corsa.Allowed {
					b.Fatal("allowed")
				}
			}
		})
	}
}
