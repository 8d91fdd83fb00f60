package adaptertest

// The benchmarks every adapter runs: the scenarios of package scenario
// served by the bare framework and by the framework with corsa,
// benchmarked under the same names everywhere, and the allocation budget
// checked on the same counts.

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance/scenario"
)

// Setup is one app the scenarios are served by.
type Setup struct {
	// Name is the last element of the benchmark's name: "bare", "corsa",
	// or a baseline of the adapter's own ("pass-through").
	Name string
	// CORS is whether corsa answers the scenarios, with each one's
	// scenario.Scenario.Status; otherwise the app's handler answers every
	// request with 200.
	CORS bool
	// Prepare readies sc's request once and returns a function serving it
	// once more, without allocating of its own, and returning the status.
	Prepare func(sc scenario.Scenario) (serve func() int)
}

// HTTPSetup is a Setup for an app that is an http.Handler, served through
// a reused scenario.Sink.
func HTTPSetup(name string, cors bool, h http.Handler) Setup {
	return Setup{Name: name, CORS: cors, Prepare: func(sc scenario.Scenario) func() int {
		req, w := sc.Request.HTTP(), scenario.NewSink()
		return func() int {
			w.Serve(h, req)
			return w.Status
		}
	}}
}

// want is the status s answers sc with.
func (s Setup) want(sc scenario.Scenario) int {
	if s.CORS {
		return sc.Status
	}
	return http.StatusOK
}

// BenchmarkScenarios runs every scenario of scenario.All() on every setup,
// as the sub-benchmark "<scenario>/<setup>", with -benchmem's counts
// reported. A setup answering a scenario with the wrong status fails the
// benchmark before it is timed.
func BenchmarkScenarios(b *testing.B, setups ...Setup) {
	for _, sc := range scenario.All() {
		for _, s := range setups {
			b.Run(sc.Name+"/"+s.Name, func(b *testing.B) {
				serve := s.Prepare(sc)
				if got := serve(); got != s.want(sc) {
					b.Fatalf("status = %d, want %d", got, s.want(sc))
				}
				b.ReportAllocs()
				for b.Loop() {
					serve()
				}
			})
		}
	}
}

// CheckAllocsAdded checks, for every scenario of scenario.All(), that
// serving it on with costs at most budget allocations more than on base,
// and that both answer with the right status. It skips under -race
// (RaceEnabled).
func CheckAllocsAdded(t *testing.T, budget float64, base, with Setup) {
	t.Helper()
	if RaceEnabled {
		t.Skip("the race detector allocates")
	}
	for _, sc := range scenario.All() {
		t.Run("in the "+sc.Name+" scenario "+with.Name+" costs at most "+budgetWords(budget)+" more than "+base.Name, func(t *testing.T) {
			var allocs [2]float64
			for i, s := range [...]Setup{base, with} {
				serve := s.Prepare(sc)
				status := 0
				allocs[i] = testing.AllocsPerRun(200, func() { status = serve() })
				if status != s.want(sc) {
					t.Fatalf("%s: status = %d, want %d", s.Name, status, s.want(sc))
				}
			}
			if allocs[1] > allocs[0]+budget {
				t.Errorf("%v allocations per request with %s, %v with %s: more than %v added",
					allocs[1], with.Name, allocs[0], base.Name, budget)
			}
		})
	}
}

func budgetWords(n float64) string {
	switch n {
	case 0:
		return "no allocation"
	case 1:
		return "one allocation"
	}
	return fmt.Sprintf("%g allocations", n)
}

// ScenarioApp is the app the scenarios are served by: use on the whole
// app, in front of scenario.Path, answered with 200 and a body to GET, PUT
// and OPTIONS, so that the bare app answers a preflight with a handler, as
// an app without CORS middleware does, rather than with a 405.
func ScenarioApp[M any](use ...M) App[M] {
	rt := Respond(http.MethodGet, scenario.Path, http.StatusOK)
	rt.Methods, rt.Body = []string{http.MethodGet, http.MethodPut, http.MethodOptions}, "ok"
	return App[M]{Use: use, Routes: []Route{rt}}
}

// BenchmarkMiddleware runs BenchmarkScenarios on ScenarioApp bare and
// with Must(scenario.Policy()), named "bare" and "corsa", then on extra.
func (a Adapter[M]) BenchmarkMiddleware(b *testing.B, extra ...Setup) {
	BenchmarkScenarios(b, append(a.corsaSetups(), extra...)...)
}

// CheckMiddlewareAllocs is CheckAllocsAdded with budget on ScenarioApp
// bare and with Must(scenario.Policy()).
func (a Adapter[M]) CheckMiddlewareAllocs(t *testing.T, budget float64) {
	s := a.corsaSetups()
	CheckAllocsAdded(t, budget, s[0], s[1])
}

// BenchmarkFromPaths runs BenchmarkScenarios on ScenarioApp serving one
// policy with Must and the same policy under "/" (and two other
// prefixes) with From and a corsa.Paths, named "policy" and "paths": the
// difference is the per-path lookup.
func (a Adapter[M]) BenchmarkFromPaths(b *testing.B) {
	BenchmarkScenarios(b, a.pathsSetups()...)
}

// CheckFromPathsAllocs is CheckAllocsAdded with budget on the setups of
// BenchmarkFromPaths.
func (a Adapter[M]) CheckFromPathsAllocs(t *testing.T, budget float64) {
	s := a.pathsSetups()
	CheckAllocsAdded(t, budget, s[0], s[1])
}

func (a Adapter[M]) corsaSetups() []Setup {
	return []Setup{a.Bench("bare", false, ScenarioApp[M]()), a.Bench("corsa", true, ScenarioApp(a.Must(scenario.Policy())))}
}

func (a Adapter[M]) pathsSetups() []Setup {
	cfg := scenario.Policy()
	pp, err := corsa.NewPaths(map[string]corsa.Config{"/": cfg, "/api": cfg, "/admin": cfg})
	if err != nil {
		panic(err)
	}
	return []Setup{a.Bench("policy", true, ScenarioApp(a.Must(cfg))), a.Bench("paths", true, ScenarioApp(a.From(pp)))}
}
