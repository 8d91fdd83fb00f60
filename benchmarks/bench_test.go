// The benchmarks of package suite, as go test runs them:
//
//	go test -run '^$' -bench . -benchmem ./benchmarks
//
// Names read Benchmark<Framework>/<scenario>/<implementation>, so that
// benchstat can compare runs, or implementations with -col /impl... see
// README.md.
package benchmarks_test

import (
	"testing"

	"github.com/corsa-go/corsa/benchmarks/suite"
	"github.com/corsa-go/corsa/conformance/scenario"
)

func BenchmarkNetHTTP(b *testing.B)  { benchFramework(b, "NetHTTP") }
func BenchmarkChi(b *testing.B)      { benchFramework(b, "Chi") }
func BenchmarkGin(b *testing.B)      { benchFramework(b, "Gin") }
func BenchmarkEcho(b *testing.B)     { benchFramework(b, "Echo") }
func BenchmarkEcho5(b *testing.B)    { benchFramework(b, "Echo5") }
func BenchmarkFastHTTP(b *testing.B) { benchFramework(b, "FastHTTP") }
func BenchmarkFiber(b *testing.B)    { benchFramework(b, "Fiber") }
func BenchmarkFiber3(b *testing.B)   { benchFramework(b, "Fiber3") }

// benchFramework runs every scenario of the named framework with each of
// its implementations, as sub-benchmarks <scenario>/<implementation>.
func benchFramework(b *testing.B, name string) {
	fw, ok := suite.FrameworkNamed(name)
	if !ok {
		b.Fatalf("no framework %q in the suite", name)
	}
	for _, s := range scenario.All() {
		b.Run(s.Name, func(b *testing.B) {
			for _, im := range fw.Impls {
				b.Run(im.Name, suite.Case{Framework: fw, Scenario: s, Impl: im}.Bench)
			}
		})
	}
}
