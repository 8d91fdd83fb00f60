package main

import (
	"strings"
	"testing"

	"github.com/corsa-go/corsa/benchmarks/frameworks"
	"github.com/corsa-go/corsa/benchmarks/suite"
	"github.com/corsa-go/corsa/conformance/scenario"
)

// res is a synthetic result for framework fw.
func res(fw, scenario, impl string, kind frameworks.Kind, ns float64, allocs int64, notes ...string) result {
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
		peerKind           frameworks.Kind
		scenario, peerName string
		wantMet            bool
		wantMeasured       string
	}{
		{"exactly 0.75× rs/cors on a preflight", "preflight: corsa's cost ≤ 0.75× rs-cors", 75, 100, frameworks.RSCors, scenario.Preflight, "rs-cors", true, "0.75×"},
		{"0.76× rs/cors on a preflight", "preflight: corsa's cost ≤ 0.75× rs-cors", 76, 100, frameworks.RSCors, scenario.Preflight, "rs-cors", false, "0.76×"},
		{"1.35× rs/cors without Origin", "no-origin: corsa's cost ≤ 1.35× rs-cors", 135, 100, frameworks.RSCors, scenario.NoOrigin, "rs-cors", true, "1.35×"},
		{"as fast as the built-in CORS", "actual: corsa's cost < 1× echo-cors", 100, 100, frameworks.Builtin, scenario.Actual, "echo-cors", false, "1.00×"},
		{"faster than the built-in CORS", "actual: corsa's cost < 1× echo-cors", 99, 100, frameworks.Builtin, scenario.Actual, "echo-cors", true, "0.99×"},
		{"1.5× the floor", "actual: corsa's cost ≤ 1.25× floor", 150, 100, frameworks.Floor, scenario.Actual, "floor", false, "1.50×"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is "+metOrMissed(tt.wantMet), func(t *testing.T) {
			checks := evaluateTargets(groupByFramework([]result{
				res("Echo", tt.scenario, "bare", frameworks.Bare, 0, 0),
				res("Echo", tt.scenario, "corsa", frameworks.Corsa, tt.corsaNs, 0),
				res("Echo", tt.scenario, tt.peerName, tt.peerKind, tt.peerNs, 0),
			}))
			wantCheck(t, findCheck(t, checks, "Echo", tt.target), tt.wantMet, tt.wantMeasured)
		})
	}
}

func TestHostileListIsComparedWithTheShortInvalidList(t *testing.T) {
	checks := evaluateTargets(groupByFramework([]result{
		res("Gin", scenario.HostileACRH, "corsa", frameworks.Corsa, 160, 0),
		res("Gin", scenario.InvalidACRH, "corsa", frameworks.Corsa, 100, 0),
	}))
	c := findCheck(t, checks, "Gin", "corsa hostile-acrh ≤ 1.5× corsa invalid-acrh")
	if c.verdict != missed || c.measured != "1.60×" {
		t.Errorf("%v, measured %s; want missed at 1.60×", c.verdict, c.measured)
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
		{"fasthttp at none over its own", "FastHTTP", "corsa allocates nothing over bare", 0, [2]int64{0, 0}, true, "0 (worst: preflight)"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is "+metOrMissed(tt.wantMet), func(t *testing.T) {
			checks := evaluateTargets(groupByFramework([]result{
				res(tt.fw, scenario.Preflight, "bare", frameworks.Bare, 50, tt.bareAllocs),
				res(tt.fw, scenario.Preflight, "corsa", frameworks.Corsa, 100, tt.corsaAllocs[0]),
				res(tt.fw, scenario.Actual, "bare", frameworks.Bare, 50, tt.bareAllocs),
				res(tt.fw, scenario.Actual, "corsa", frameworks.Corsa, 100, tt.corsaAllocs[1]),
			}))
			wantCheck(t, findCheck(t, checks, tt.fw, tt.target), tt.wantMet, tt.wantMeasured)
		})
	}
}

func metOrMissed(met bool) string {
	if met {
		return "met"
	}
	return "missed"
}

// wantCheck fails unless c is met or missed as wantMet says, measured as
// wantMeasured.
func wantCheck(t *testing.T, c check, wantMet bool, wantMeasured string) {
	t.Helper()
	if (c.verdict == met) != wantMet || c.measured != wantMeasured {
		t.Errorf("%v, measured %s; want met %v, %s", c.verdict, c.measured, wantMet, wantMeasured)
	}
}

func TestTargetsNameThePeersShortcuts(t *testing.T) {
	checks := evaluateTargets(groupByFramework([]result{
		res("Gin", scenario.Preflight, "bare", frameworks.Bare, 0, 0),
		res("Gin", scenario.Preflight, "corsa", frameworks.Corsa, 100, 0),
		res("Gin", scenario.Preflight, "gin-contrib-cors", frameworks.Builtin, 90, 0, suite.NoteMethodUnchecked, suite.NoteHeadersUnchecked),
	}))
	c := findCheck(t, checks, "Gin", "preflight: corsa's cost < 1× gin-contrib-cors")
	want := "gin-contrib-cors " + suite.NoteMethodUnchecked + "; " + suite.NoteHeadersUnchecked
	if c.note != want {
		t.Errorf("note %q, want %q", c.note, want)
	}
}

func TestTargetsWithoutTheirResultsAreLeftOut(t *testing.T) {
	checks := evaluateTargets(groupByFramework([]result{
		res("Fiber", scenario.Preflight, "corsa", frameworks.Corsa, 100, 0),
	}))
	if len(checks) != 0 {
		t.Errorf("checks %+v from corsa's result alone", checks)
	}
}

// runs is a synthetic result with one run per round.
func runs(fw, scenario, impl string, kind frameworks.Kind, ns ...float64) result {
	r := result{framework: fw, scenario: scenario, impl: impl, kind: kind}
	for _, x := range ns {
		r.runs = append(r.runs, sample{n: 1000, ns: x})
	}
	r.summarize()
	return r
}

func TestATargetWhoseSpreadStraddlesItsLimitIsInconclusive(t *testing.T) {
	tests := []struct {
		name    string
		corsa   []float64 // rs/cors takes 100 ns every round, bare 0
		want    verdict
		measure string
	}{
		{"every round within 0.75", []float64{60, 65, 70, 72, 74}, met, "0.70× (0.65–0.72)"},
		{"the middle rounds on both sides of 0.75", []float64{60, 70, 74, 78, 90}, inconclusive, "0.74× (0.70–0.78)"},
		{"the middle rounds beyond 0.75", []float64{70, 80, 85, 90, 99}, missed, "0.85× (0.80–0.90)"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is "+tt.want.String(), func(t *testing.T) {
			checks := evaluateTargets(groupByFramework([]result{
				runs("Chi", scenario.Preflight, "bare", frameworks.Bare, 0, 0, 0, 0, 0),
				runs("Chi", scenario.Preflight, "corsa", frameworks.Corsa, tt.corsa...),
				runs("Chi", scenario.Preflight, "rs-cors", frameworks.RSCors, 100, 100, 100, 100, 100),
			}))
			c := findCheck(t, checks, "Chi", "preflight: corsa's cost ≤ 0.75× rs-cors")
			if c.verdict != tt.want || c.measured != tt.measure {
				t.Errorf("%v, measured %s; want %v, %s", c.verdict, c.measured, tt.want, tt.measure)
			}
		})
	}
}

func TestAMissedTargetIsFloorBoundOnlyWhenTheFloorMissesItToo(t *testing.T) {
	// Costs over bare (50 ns): corsa 80, rs-cors 50, so corsa's cost is
	// 1.60× rs-cors's, beyond 1.35.
	tests := []struct {
		name    string
		floor   float64 // ns/op; its cost over bare is floor-50
		verdict verdict
		note    string
	}{
		{"a floor at 1.50× rs/cors cannot meet 1.35× either", 125, floorBound,
			"unreachable under §3b: the floor itself is 1.50× rs-cors; against the floor, corsa is 1.07× (≤ 1.25×: met)"},
		{"a floor at 1.00× rs/cors shows the target is reachable", 100, missed,
			"the §3b floor is 1.00× rs-cors: reachable"},
		{"corsa at 2.67× a floor of 0.60× rs/cors is missed, not floor-bound", 80, missed,
			"the §3b floor is 0.60× rs-cors: reachable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checks := evaluateTargets(groupByFramework([]result{
				res("NetHTTP", scenario.NoOrigin, "bare", frameworks.Bare, 50, 0),
				res("NetHTTP", scenario.NoOrigin, "corsa", frameworks.Corsa, 130, 1),
				res("NetHTTP", scenario.NoOrigin, "rs-cors", frameworks.RSCors, 100, 0),
				res("NetHTTP", scenario.NoOrigin, "floor", frameworks.Floor, tt.floor, 1),
			}))
			c := findCheck(t, checks, "NetHTTP", "no-origin: corsa's cost ≤ 1.35× rs-cors")
			if c.verdict != tt.verdict || c.measured != "1.60×" || !strings.HasSuffix(c.note, tt.note) {
				t.Errorf("%v, %s, note %q; want %v, 1.60×, note ending %q", c.verdict, c.measured, c.note, tt.verdict, tt.note)
			}
		})
	}
}

func TestCorsaRowsMustNotContradictTheWorkTheyDo(t *testing.T) {
	checks := evaluateTargets(groupByFramework([]result{
		res("Gin", scenario.Actual, "corsa", frameworks.Corsa, 200, 1),
		res("Gin", scenario.Disallowed, "corsa", frameworks.Corsa, 150, 1),
		res("Gin", scenario.NoOrigin, "corsa", frameworks.Corsa, 226, 1),
	}))
	if c := findCheck(t, checks, "Gin", "corsa no-origin ≤ 1.05× corsa disallowed-origin"); c.verdict != missed {
		t.Errorf("no-origin at 226 ns over disallowed at 150: %v, want missed", c.verdict)
	}
	if c := findCheck(t, checks, "Gin", "corsa disallowed-origin ≤ 1.05× corsa actual"); c.verdict != met {
		t.Errorf("disallowed at 150 ns under actual at 200: %v, want met", c.verdict)
	}
}
