package main

import (
	"flag"
	"fmt"
	"io"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/corsa-go/corsa/benchmarks/suite"
)

// sample is one timing of a case.
type sample struct {
	n             int
	ns            float64 // per operation
	bytes, allocs int64   // per operation
}

// result is one case's measurement: its runs, and their medians.
type result struct {
	framework, scenario, impl string
	kind                      suite.Kind
	runs                      []sample
	ns                        float64 // median of the runs
	bytes, allocs             int64   // median of the runs
	notes                     []string
}

func (r result) name() string { return r.framework + "/" + r.scenario + "/" + r.impl }

// summarize sets the medians from the runs.
func (r *result) summarize() {
	r.ns = median(r.runs, func(x sample) float64 { return x.ns })
	r.bytes = int64(median(r.runs, func(x sample) float64 { return float64(x.bytes) }))
	r.allocs = int64(median(r.runs, func(x sample) float64 { return float64(x.allocs) }))
}

// median is the median of f over xs.
func median[T any](xs []T, f func(T) float64) float64 {
	vs := make([]float64, len(xs))
	for i, x := range xs {
		vs[i] = f(x)
	}
	slices.Sort(vs)
	switch {
	case len(vs) == 0:
		return 0
	case len(vs)%2 == 1:
		return vs[len(vs)/2]
	default:
		return (vs[len(vs)/2-1] + vs[len(vs)/2]) / 2
	}
}

// ratio is r's time over other's: the median of the ratios of runs made in
// the same round when both have one per round, since runs of one round
// are seconds closer in time than the medians are; otherwise the ratio of
// the medians.
func (r result) ratio(other result) float64 {
	if len(r.runs) != len(other.runs) || len(r.runs) == 0 {
		return r.ns / other.ns
	}
	rounds := make([]int, len(r.runs))
	for i := range rounds {
		rounds[i] = i
	}
	return median(rounds, func(i int) float64 { return r.runs[i].ns / other.runs[i].ns })
}

// over is r's time minus other's, paired by round as ratio is.
func (r result) over(other result) float64 {
	if len(r.runs) != len(other.runs) || len(r.runs) == 0 {
		return r.ns - other.ns
	}
	rounds := make([]int, len(r.runs))
	for i := range rounds {
		rounds[i] = i
	}
	return median(rounds, func(i int) float64 { return r.runs[i].ns - other.runs[i].ns })
}

func selectCases(match *regexp.Regexp) []suite.Case {
	var cs []suite.Case
	for _, c := range suite.Cases() {
		if match == nil || match.MatchString(c.Name()) {
			cs = append(cs, c)
		}
	}
	return cs
}

// rampFactor is how much longer than its benchtime one benchmark takes,
// measured on this suite: b.Loop's ramp-up, the GC before each run, and
// building the case.
const rampFactor = 1.3

// splitBudget is the benchtime per run that fits runs runs in budget.
func splitBudget(budget time.Duration, runs int) time.Duration {
	d := time.Duration(float64(budget) / rampFactor / float64(runs))
	return max(d.Round(time.Millisecond), time.Millisecond)
}

// measure observes each case once for its notes, then times every case
// count times with testing.Benchmark, benchtime per run. The runs are
// interleaved, a round of every case after another, so that a burst of
// load from elsewhere on the machine slows one run of many cases rather
// than every run of one case; the medians then leave it out.
func measure(cases []suite.Case, count int, benchtime string, progress io.Writer) ([]result, error) {
	testing.Init()
	if err := flag.Set("test.benchtime", benchtime); err != nil {
		return nil, fmt.Errorf("-benchtime %q: %w", benchtime, err)
	}
	results := make([]result, len(cases))
	for i, c := range cases {
		notes, err := c.Notes()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.Name(), err)
		}
		results[i] = result{framework: c.Framework.Name, scenario: c.Scenario.Name, impl: c.Impl.Name, kind: c.Impl.Kind, notes: notes}
	}
	start := time.Now()
	for round := 1; round <= count; round++ {
		for i, c := range cases {
			br := testing.Benchmark(c.Bench)
			if br.N == 0 {
				return nil, fmt.Errorf("%s: the benchmark failed", c.Name())
			}
			x := sample{n: br.N, ns: float64(br.T.Nanoseconds()) / float64(br.N), bytes: br.AllocedBytesPerOp(), allocs: br.AllocsPerOp()}
			results[i].runs = append(results[i].runs, x)
			fmt.Fprintf(progress, "[round %d/%d, %3d/%d, %5.1fs] %-45s %10.1f ns/op %6d B/op %3d allocs/op\n",
				round, count, i+1, len(cases), time.Since(start).Seconds(), c.Name(), x.ns, x.bytes, x.allocs)
		}
	}
	for i := range results {
		results[i].summarize()
	}
	return results, nil
}
