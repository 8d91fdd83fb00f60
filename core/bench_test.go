package corsa_test

import (
	"testing"

	corsa "github.com/corsa-go/corsa/core"
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
			req := corsa.RequestFromHTTP(sc.req)
			b.ReportAllocs()
			for b.Loop() {
				d := p.Decide(&req)
				_ = d.Headers()
			}
		})
	}
}
