// Command scoreboard runs corsa's conformance suite against corsa's own
// net/http middleware and against the CORS middlewares of rs/cors,
// go-chi/cors, gin-contrib/cors, echo and fiber, and prints the result as a
// markdown table: per library, how many cases passed, failed, or asked for a
// policy the library cannot express, then the failed cases by SPEC.md
// section.
//
// Usage:
//
//	go run ./benchmarks/cmd/scoreboard [-o FILE]
//
// Peer failures are findings to document, not errors: the command exits 0
// whatever the scores. benchmarks/SCOREBOARD.md is its committed output.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/corsa-go/corsa/benchmarks/peers"
	"github.com/corsa-go/corsa/conformance"
)

func main() {
	out := flag.String("o", "", "write the table to `FILE` instead of standard output")
	flag.Parse()

	cases := conformance.Cases()
	var rows []row
	for _, lib := range peers.All() {
		rows = append(rows, score(lib))
	}
	table := render(rows, sections(cases))

	if *out == "" {
		fmt.Print(table)
		return
	}
	if err := os.WriteFile(*out, []byte(table), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "scoreboard:", err)
		os.Exit(1)
	}
}

// score runs the suite against lib: every case's outcome by corsa's exact
// bytes, and why policies were beyond it.
func score(lib peers.Library) row {
	report := conformance.Score(lib.Harness)
	r := row{Name: lib.Name, Version: moduleVersion(lib.Module), Tally: report.Tally()}
	for _, res := range report.Results {
		switch res.Outcome {
		case conformance.Failed:
			r.Failures = append(r.Failures, failure{Case: res.Case.Name, Problems: res.Problems})
		case conformance.CannotExpress:
			r.addCannotExpress(strings.TrimPrefix(res.Reason, conformance.ErrCannotExpress.Error()+": "))
		}
	}
	return r
}

// sections maps each case's name to its SPEC.md section.
func sections(cases []conformance.Case) map[string]string {
	m := make(map[string]string, len(cases))
	for _, c := range cases {
		m[c.Name] = c.Spec
	}
	return m
}

// moduleVersion is the version of module this binary was built with, as
// go.mod pins it; "(devel)" for a module of this repository, whether the
// workspace or a replace directive supplies it.
func moduleVersion(module string) string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, d := range info.Deps {
		if d.Path != module {
			continue
		}
		if d.Replace == nil {
			return d.Version
		}
		if d.Replace.Version == "" { // replaced by a directory
			return "(devel)"
		}
		return d.Replace.Version
	}
	return ""
}
