package main

import (
	"fmt"
	"io"
)

// writeBenchstat prints every run in Go's benchmark text format, as go
// test -bench -benchmem -count does, so that benchstat can compare a
// corsa-bench run with another one or with go test's.
func writeBenchstat(w io.Writer, m machine, results []result) {
	fmt.Fprintf(w, "goos: %s\ngoarch: %s\npkg: github.com/corsa-go/corsa/benchmarks\ncpu: %s\n", m.goos, m.goarch, m.cpu)
	for _, r := range results {
		name := "Benchmark" + r.name()
		if m.procs != 1 {
			name = fmt.Sprintf("%s-%d", name, m.procs)
		}
		for _, x := range r.runs {
			fmt.Fprintf(w, "%s\t%8d\t%s ns/op\t%8d B/op\t%8d allocs/op\n", name, x.n, formatNs(x.ns), x.bytes, x.allocs)
		}
	}
}

// formatNs prints ns/op with go test's precision: more decimals for
// smaller numbers.
func formatNs(ns float64) string {
	switch {
	case ns >= 999.95:
		return fmt.Sprintf("%10.0f", ns)
	case ns >= 99.995:
		return fmt.Sprintf("%12.1f", ns)
	case ns >= 9.9995:
		return fmt.Sprintf("%13.2f", ns)
	default:
		return fmt.Sprintf("%14.3f", ns)
	}
}
