// Command scoreboard runs corsa's conformance suite against corsa's own
// net/http middleware and against the CORS middlewares of rs/cors,
// go-chi/cors, gin-contrib/cors, echo (v4, v5) and fiber (v2, v3), and
// prints one row per
// library: cases whose browser outcome is as expected, exploitable and
// cache-unsafe responses, forbidden configurations refused, hardening,
// differences from corsa's choices (information, never failures) and
// cases the library cannot express, then every case behind each number.
//
// Other libraries are judged by the browser-outcome checker
// (internal/fetch, the one package conformance exports, which the browser
// tests hold to Chromium), never by corsa's bytes: its verdict on the
// library's response against its verdict on the response the case
// expects.
//
// Usage:
//
//	go run ./benchmarks/cmd/scoreboard [-o FILE] [-readme README.md]
//
// -readme rewrites the table between the scoreboard markers of the README.
// Peer failures are findings to document, not errors: the command exits 0
// whatever the scores. benchmarks/SCOREBOARD.md is its committed output,
// and a test fails when it or the README's table is stale.
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"
	"strings"

	"github.com/corsa-go/corsa/conformance"
)

func main() {
	out := flag.String("o", "", "write the scoreboard to `FILE` instead of standard output")
	readme := flag.String("readme", "", "also replace the table between the scoreboard markers of `FILE` (README.md)")
	flag.Parse()
	// The cases' policies are meant, warnings and all (a max-age above
	// Chromium's cap, an empty list): corsa's start-up log would be noise.
	slog.SetDefault(slog.New(slog.DiscardHandler))

	rows := scoreAll()
	table := render(rows, sections(conformance.Cases()))
	if *readme != "" {
		if err := updateReadme(*readme, rows); err != nil {
			fmt.Fprintln(os.Stderr, "scoreboard:", err)
			os.Exit(1)
		}
	}
	if *out == "" {
		fmt.Print(table)
		return
	}
	if err := os.WriteFile(*out, []byte(table), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "scoreboard:", err)
		os.Exit(1)
	}
}

// scoreAll scores every library of the scoreboard, corsa first.
func scoreAll() []row {
	var rows []row
	for _, lib := range libraries() {
		rows = append(rows, score(lib))
	}
	return rows
}

// score runs the suite against lib and judges each tier on its own terms:
// requests by the browser's verdict, configurations by refusal.
func score(lib library) row {
	report := conformance.Score(lib.Harness)
	r := row{Name: lib.Name, Version: moduleVersion(lib.Module), Note: lib.Note}
	if lib.Transport != "" {
		r.Transport = lib.Transport + " " + moduleVersion(lib.Transport)
	}
	for _, res := range report.Results {
		name := res.Case.Name
		switch res.Outcome {
		case conformance.CannotExpress:
			r.addCannotExpress(strings.TrimPrefix(res.Reason, conformance.ErrCannotExpress.Error()+": "))
			continue
		case conformance.Skipped:
			r.Skipped++
			continue
		}
		if res.Case.Tier == conformance.TierConfig {
			r.Config.Run++
			if res.Outcome == conformance.Passed {
				r.Config.Passed++
			} else {
				r.Failures = append(r.Failures, failure{Case: name, Column: colConfig, Problems: res.Problems})
			}
			continue
		}
		// A corsa-tier case whose request no browser sends is judged
		// as hardening.
		hardening := !res.Case.Request.BrowserSends()
		c, col := &r.Browser, colBrowser
		if hardening {
			c, col = &r.Hardening, colHardening
		}
		c.Run++
		if res.Response == nil { // the harness failed
			r.Failures = append(r.Failures, failure{Case: name, Column: col, Problems: res.Problems})
			continue
		}
		j := judge(res)
		ok := len(j.Differs) == 0
		if hardening {
			ok = !j.Grants
		} else {
			if j.Exploitable {
				r.Exploitable = append(r.Exploitable, name)
			}
			if j.CacheUnsafe {
				r.CacheUnsafe = append(r.CacheUnsafe, name)
				ok = false
				j.Differs = append(j.Differs, "a shared cache may store it and serve it to another origin: no Vary: Origin")
			}
		}
		switch {
		case !ok:
			r.Failures = append(r.Failures, failure{Case: name, Column: col, Problems: j.Differs})
		case res.Outcome == conformance.Failed:
			c.Passed++
			r.Differences = append(r.Differences, failure{Case: name, Problems: res.Problems})
		default:
			c.Passed++
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
