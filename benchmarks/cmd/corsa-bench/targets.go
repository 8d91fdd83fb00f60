package main

import (
	"fmt"
	"github.com/corsa-go/corsa/conformance/scenario"
	"strings"

	"github.com/corsa-go/corsa/benchmarks/suite"
)

// check is one target evaluated on one framework.
type check struct {
	framework, target, measured, note string
	met                               bool
}

func countMet(checks []check) int {
	n := 0
	for _, c := range checks {
		if c.met {
			n++
		}
	}
	return n
}

// allocTarget is corsa's allocation budget on a framework: at most limit
// allocations per request, counted over the bare framework's when
// overBare, with a note on what the framework itself allocates.
type allocTarget struct {
	limit    int64
	overBare bool
	note     string
}

var allocTargets = map[string]allocTarget{
	"NetHTTP": {limit: 1},
	"Chi": {limit: 1, overBare: true,
		note: "counted over bare: chi's router itself allocates 2 per request (the request copy of r.WithContext and its context)"},
	"Gin": {limit: 1, overBare: true},
	"Echo": {limit: 1, overBare: true,
		note: "echo wraps every e.Use middleware around the handler on each request, one closure allocation per middleware (the floor pays it too)"},
	"Fiber": {limit: 0, overBare: true},
}

// ratioTarget bounds corsa's time on a scenario divided by another
// implementation's time on a scenario (by default the same one).
type ratioTarget struct {
	scenario    string
	against     suite.Kind
	vsScenario  string // when not scenario: corsa against itself
	limit       float64
	strict      bool // below limit rather than at most
	description string
}

var ratioTargets = []ratioTarget{
	{scenario: scenario.Preflight, against: suite.RSCors, limit: 0.7},
	{scenario: scenario.Preflight20, against: suite.RSCors, limit: 0.7},
	{scenario: scenario.Disallowed, against: suite.RSCors, limit: 0.7},
	{scenario: scenario.HostileACRH, against: suite.RSCors, limit: 0.7},
	{scenario: scenario.Actual, against: suite.RSCors, limit: 1},
	{scenario: scenario.NoOrigin, against: suite.RSCors, limit: 1.3},
	{scenario: scenario.Preflight, against: suite.Builtin, limit: 1, strict: true},
	{scenario: scenario.Actual, against: suite.Builtin, limit: 1, strict: true},
	{scenario: scenario.Preflight20, against: suite.Builtin, limit: 1, strict: true},
	{scenario: scenario.Actual, against: suite.Floor, limit: 2},
	{scenario: scenario.HostileACRH, against: suite.Corsa, vsScenario: scenario.InvalidACRH, limit: 1.5,
		description: "corsa hostile-acrh ≤ 1.5× corsa invalid-acrh"},
}

// evaluateTargets checks every target whose results are present.
func evaluateTargets(fws []frameworkResults) []check {
	var checks []check
	for _, fw := range fws {
		if c, ok := checkAllocs(fw); ok {
			checks = append(checks, c)
		}
		for _, t := range ratioTargets {
			if c, ok := t.check(fw); ok {
				checks = append(checks, c)
			}
		}
	}
	return checks
}

func checkAllocs(fw frameworkResults) (check, bool) {
	t, ok := allocTargets[fw.name]
	if !ok {
		return check{}, false
	}
	worst, worstScenario, seen := int64(-1), "", false
	for _, r := range fw.results {
		if r.kind != suite.Corsa {
			continue
		}
		n := r.allocs
		if t.overBare {
			bare, ok := fw.find(r.scenario, suite.Bare)
			if !ok {
				continue
			}
			n -= bare.allocs
		}
		seen = true
		if n > worst {
			worst, worstScenario = n, r.scenario
		}
	}
	if !seen {
		return check{}, false
	}
	target := fmt.Sprintf("corsa ≤ %d alloc/request", t.limit)
	switch {
	case t.overBare && t.limit == 0:
		target = "corsa allocates nothing over bare"
	case t.overBare:
		target = fmt.Sprintf("corsa ≤ %d alloc/request over bare", t.limit)
	}
	return check{
		framework: fw.name, target: target, met: worst <= t.limit, note: t.note,
		measured: fmt.Sprintf("%d (worst: %s)", worst, worstScenario),
	}, true
}

func (t ratioTarget) check(fw frameworkResults) (check, bool) {
	corsa, ok := fw.find(t.scenario, suite.Corsa)
	if !ok {
		return check{}, false
	}
	vsScenario := t.scenario
	if t.vsScenario != "" {
		vsScenario = t.vsScenario
	}
	other, ok := fw.find(vsScenario, t.against)
	if !ok || other.ns == 0 {
		return check{}, false
	}
	ratio := corsa.ratio(other)
	met := ratio <= t.limit
	op := "≤"
	if t.strict {
		met, op = ratio < t.limit, "<"
	}
	desc := t.description
	if desc == "" {
		desc = fmt.Sprintf("%s: corsa %s %.1f× %s", t.scenario, op, t.limit, other.impl)
	}
	var note string
	if len(other.notes) > 0 && other.kind != suite.Corsa {
		note = other.impl + " " + strings.Join(other.notes, "; ")
	}
	return check{framework: fw.name, target: desc, measured: fmt.Sprintf("%.2f×", ratio), met: met, note: note}, true
}
