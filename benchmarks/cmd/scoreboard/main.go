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
	"errors"
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
		rows = append(rows, score(lib, cases))
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

// score runs the suite against lib and, when some policies were beyond it,
// asks its harness again for each case's policy to say which and why.
func score(lib peers.Library, cases []conformance.Case) row {
	r := row{Name: lib.Name, Version: moduleVersion(lib.Module), Report: conformance.Score(lib.Harness)}
	if r.Report.CannotExpress == 0 {
		return r
	}
	for _, c := range cases {
		if _, err := lib.Harness(c.Policy); errors.Is(err, conformance.ErrCannotExpress) {
			r.addCannotExpress(strings.TrimPrefix(err.Error(), conformance.ErrCannotExpress.Error()+": "))
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
