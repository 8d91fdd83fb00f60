package main

import (
	"github.com/corsa-go/corsa/conformance/scenario"
	"testing"

	"github.com/corsa-go/corsa/benchmarks/suite"
)

// res is a synthetic result for framework fw.
func res(fw, scenario, impl string, kind suite.Kind, ns float64, allocs int64, notes ...string) result {
	return result{
		framework: fw, scenario: scenario, impl: impl, kind: kind, notes: notes,
		runs: []sample{{n: 1000, ns: ns, allocs: allocs}}, ns: ns, allocs: allocs,
	}
}

func findCheck(t *testing.T, checks []check, framework, target string) check {
	t.Helper()
	for _, c := range checks {
		if c.framework == framework && c.target == target {
			return c
		}
	}
	t.Fatalf("no check %q on %s among %+v", target, framework, checks)
	return check{}
}

func TestRatioTargetsCompareCorsaWithThePeerOnTheSameScenario(t *testing.T) {
	tests := []struct {
		name, target       string
		corsaNs, peerNs    float64
		peerKind           suite.Kind
		scenario, peerName string
		wantMet            bool
		wantMeasured       string
	}{
		{"exactly 0.7× rs/cors on a preflight", "preflight: corsa ≤ 0.7× rs-cors", 70, 100, suite.RSCors, scenario.Preflight, "rs-cors", true, "0.70×"},
		{"0.71× rs/cors on a preflight", "preflight: corsa ≤ 0.7× rs-cors", 71, 100, suite.RSCors, scenario.Preflight, "rs-cors", false, "0.71×"},
		{"1.3× rs/cors without Origin", "no-origin: corsa ≤ 1.3× rs-cors", 130, 100, suite.RSCors, scenario.NoOrigin, "rs-cors", true, "1.30×"},
		{"as fast as the built-in CORS", "actual: corsa < 1.0× echo-cors", 100, 100, suite.Builtin, scenario.Actual, "echo-cors", false, "1.00×"},
		{"faster than the built-in CORS", "actual: corsa < 1.0× echo-cors", 99, 100, suite.Builtin, scenario.Actual, "echo-cors", true, "0.99×"},
		{"2.5× the floor", "actual: corsa ≤ 2.0× floor", 250, 100, suite.Floor, scenario.Actual, "floor", false, "2.50×"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is "+map[bool]string{true: "met", false: "missed"}[tt.wantMet], func(t *testing.T) {
			checks := evaluateTargets(groupByFramework([]result{
				res("Echo", tt.scenario, "corsa", suite.Corsa, tt.corsaNs, 0),
				res("Echo", tt.scenario, tt.peerName, tt.peerKind, tt.peerNs, 0),
			}))
			c := findCheck(t, checks, "Echo", tt.target)
			if c.met != tt.wantMet || c.measured != tt.wantMeasured {
				t.Errorf("met %v, measured %s; want %v, %s", c.met, c.measured, tt.wantMet, tt.wantMeasured)
			}
		})
	}
}

func TestHostileListIsComparedWithTheShortInvalidList(t *testing.T) {
	checks := evaluateTargets(groupByFramework([]result{
		res("Gin", scenario.HostileACRH, "corsa", suite.Corsa, 160, 0),
		res("Gin", scenario.InvalidACRH, "corsa", suite.Corsa, 100, 0),
	}))
	c := findCheck(t, checks, "Gin", "corsa hostile-acrh ≤ 1.5× corsa invalid-acrh")
	if c.met || c.measured != "1.60×" {
		t.Errorf("met %v, measured %s; want missed at 1.60×", c.met, c.measured)
	}
}

func TestAllocationTargetsCountOverTheBareFrameworkWhereTheyShould(t *testing.T) {
	tests := []struct {
		name, fw, target string
		bareAllocs       int64
		corsaAllocs      [2]int64 // preflight, actual
		wantMet          bool
		wantMeasured     string
	}{
		{"net/http at 1 alloc", "NetHTTP", "corsa ≤ 1 alloc/request", 0, [2]int64{1, 1}, true, "1 (worst: preflight)"},
		{"net/http at 2 allocs on actual requests", "NetHTTP", "corsa ≤ 1 alloc/request", 0, [2]int64{1, 2}, false, "2 (worst: actual)"},
		{"gin at 1 over its own", "Gin", "corsa ≤ 1 alloc/request over bare", 3, [2]int64{4, 3}, true, "1 (worst: preflight)"},
		{"chi at 1 over its router's 2", "Chi", "corsa ≤ 1 alloc/request over bare", 2, [2]int64{3, 3}, true, "1 (worst: preflight)"},
		{"fiber at 1 over its own", "Fiber", "corsa allocates nothing over bare", 0, [2]int64{0, 1}, false, "1 (worst: actual)"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is "+map[bool]string{true: "met", false: "missed"}[tt.wantMet], func(t *testing.T) {
			checks := evaluateTargets(groupByFramework([]result{
				res(tt.fw, scenario.Preflight, "bare", suite.Bare, 50, tt.bareAllocs),
				res(tt.fw, scenario.Preflight, "corsa", suite.Corsa, 100, tt.corsaAllocs[0]),
				res(tt.fw, scenario.Actual, "bare", suite.Bare, 50, tt.bareAllocs),
				res(tt.fw, scenario.Actual, "corsa", suite.Corsa, 100, tt.corsaAllocs[1]),
			}))
			c := findCheck(t, checks, tt.fw, tt.target)
			if c.met != tt.wantMet || c.measured != tt.wantMeasured {
				t.Errorf("met %v, measured %s; want %v, %s", c.met, c.measured, tt.wantMet, tt.wantMeasured)
			}
		})
	}
}

func TestTargetsNameThePeersShortcuts(t *testing.T) {
	checks := evaluateTargets(groupByFramework([]result{
		res("Gin", scenario.Preflight, "corsa", suite.Corsa, 100, 0),
		res("Gin", scenario.Preflight, "gin-contrib-cors", suite.Builtin, 90, 0, suite.NoteMethodUnchecked, suite.NoteHeadersUnchecked),
	}))
	c := findCheck(t, checks, "Gin", "preflight: corsa < 1.0× gin-contrib-cors")
	want := "gin-contrib-cors " + suite.NoteMethodUnchecked + "; " + suite.NoteHeadersUnchecked
	if c.note != want {
		t.Errorf("note %q, want %q", c.note, want)
	}
}

func TestTargetsWithoutTheirResultsAreLeftOut(t *testing.T) {
	checks := evaluateTargets(groupByFramework([]result{
		res("Fiber", scenario.Preflight, "corsa", suite.Corsa, 100, 0),
	}))
	if len(checks) != 0 {
		t.Errorf("checks %+v from corsa's result alone", checks)
	}
}
