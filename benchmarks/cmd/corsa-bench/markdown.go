package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/corsa-go/corsa/benchmarks/frameworks"
)

// writeMarkdown prints the report: the machine, any warning that it was
// busy, one table per framework, then the targets.
func writeMarkdown(w io.Writer, m machine, method string, results []result) {
	fmt.Fprintf(w, "# corsa benchmarks\n\nMeasured by `corsa-bench` on %s, %s.\n", m, method)
	fmt.Fprintln(w, "Times are per request through the whole framework stack; see README.md for what each column means.")
	for _, warning := range m.warnings() {
		fmt.Fprintf(w, "\n> **Warning:** %s\n", warning)
	}
	byFw := groupByFramework(results)
	for _, fw := range byFw {
		fmt.Fprintf(w, "\n## %s\n\n", fw.name)
		fmt.Fprintln(w, "| scenario | implementation | ns/op | B/op | allocs/op | over bare | × corsa (IQR) | skips |")
		fmt.Fprintln(w, "|---|---|--:|--:|--:|--:|--:|---|")
		for _, r := range fw.results {
			bare, hasBare := fw.find(r.scenario, frameworks.Bare)
			corsa, hasCorsa := fw.find(r.scenario, frameworks.Corsa)
			over, ratio := "", ""
			if hasBare && r.kind != frameworks.Bare {
				over = fmt.Sprintf("%+.0f ns", r.over(bare).med)
			}
			if hasCorsa && corsa.ns > 0 {
				ratio = r.ratio(corsa).ratioText()
			}
			fmt.Fprintf(w, "| %s | %s | %s | %d | %d | %s | %s | %s |\n",
				r.scenario, r.impl, trimNs(r.ns), r.bytes, r.allocs, over, ratio, strings.Join(r.notes, "; "))
		}
	}
	checks := evaluateTargets(byFw)
	if len(checks) == 0 {
		return
	}
	n := countVerdicts(checks)
	fmt.Fprintf(w, "\n## Targets\n\n%d of %d met, %d missed, %d inconclusive, %d floor-bound on this machine.\n", n[met], len(checks), n[missed], n[inconclusive], n[floorBound])
	fmt.Fprintln(w, "A ratio reads median (interquartile range) over the rounds; a target is inconclusive when its range straddles the limit, so that another run could land on either side.")
	fmt.Fprintf(w, "A target against rs/cors is floor-bound when the floor (one per-response array, SPEC.md §3b) misses it too over its whole range: no middleware that keeps §3b can meet it, so the note compares corsa with the floor instead, within %g×.\n", floorLimit)
	fmt.Fprintln(w, "\"cost\" is what a middleware adds to the bare framework, round by round.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| framework | target | measured | result | note |")
	fmt.Fprintln(w, "|---|---|--:|---|---|")
	for _, c := range checks {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", c.framework, c.target, c.measured, c.verdict, c.note)
	}
}

func trimNs(ns float64) string {
	if ns >= 100 {
		return fmt.Sprintf("%.0f", ns)
	}
	return fmt.Sprintf("%.1f", ns)
}

// frameworkResults are one framework's results, in suite order.
type frameworkResults struct {
	name    string
	results []result
}

func groupByFramework(results []result) []frameworkResults {
	var out []frameworkResults
	for _, r := range results {
		if len(out) == 0 || out[len(out)-1].name != r.framework {
			out = append(out, frameworkResults{name: r.framework})
		}
		out[len(out)-1].results = append(out[len(out)-1].results, r)
	}
	return out
}

// find returns the result of the implementation of the given kind on the
// scenario; each framework has at most one implementation of each kind.
func (f frameworkResults) find(scenario string, kind frameworks.Kind) (result, bool) {
	for _, r := range f.results {
		if r.scenario == scenario && r.kind == kind {
			return r, true
		}
	}
	return result{}, false
}
