// Command corsa-bench runs the benchmark suite in-process and reports how
// corsa compares with the bare frameworks, their usual CORS middleware,
// rs/cors and a hand-written floor:
//
//	go run ./benchmarks/cmd/corsa-bench -chart chart.svg > RESULTS.md
//
// It prints a markdown table per framework (ns/op, B/op, allocs/op, cost
// over the bare framework, ratio to corsa, and the work a peer was seen
// skipping) and a "targets" section saying which of corsa's performance
// targets were met on this machine. With -format benchstat it prints Go's
// benchmark text format instead, one line per run, for benchstat.
//
// Each case runs -count times (5 by default), in interleaved rounds, and
// the tables show the medians. All runs share -budget (90 s by default);
// -benchtime sets the time per run instead, in go test's syntax (500ms,
// 1000x).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"time"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "corsa-bench:", err)
		os.Exit(2)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("corsa-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	budget := fs.Duration("budget", 90*time.Second, "total time to spend benchmarking, shared by every run of every case (ignored with -benchtime)")
	benchtime := fs.String("benchtime", "", "time or iterations per run, as go test's -benchtime (e.g. 500ms, 10000x)")
	count := fs.Int("count", 5, "runs per case, interleaved; tables show the median, -format benchstat every run")
	format := fs.String("format", "markdown", "output format: markdown or benchstat")
	chart := fs.String("chart", "", "write an SVG bar chart of ns/op to this file")
	filter := fs.String("run", "", "run only the cases whose name (Framework/scenario/impl) matches this regular expression")
	quiet := fs.Bool("q", false, "do not print progress on standard error")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *count < 1 {
		return fmt.Errorf("-count %d: want at least 1", *count)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *format != "markdown" && *format != "benchstat" {
		return fmt.Errorf("-format %q: want markdown or benchstat", *format)
	}
	var match *regexp.Regexp
	if *filter != "" {
		var err error
		if match, err = regexp.Compile(*filter); err != nil {
			return fmt.Errorf("-run: %w", err)
		}
	}
	cases := selectCases(match)
	if len(cases) == 0 {
		return fmt.Errorf("-run %q matches no case", *filter)
	}
	perCase := *benchtime
	if perCase == "" {
		perCase = splitBudget(*budget, len(cases)**count).String()
	}
	progress := stderr
	if *quiet {
		progress = io.Discard
	}
	m := describeMachine()
	results, err := measure(cases, *count, perCase, progress)
	if err != nil {
		return err
	}
	if *format == "benchstat" {
		writeBenchstat(stdout, m, results)
	} else {
		writeMarkdown(stdout, m, fmt.Sprintf("median of %d runs of %s per case", *count, perCase), results)
	}
	if *chart != "" {
		if err := os.WriteFile(*chart, []byte(renderChart(results, fmt.Sprintf("corsa-bench on %s, median of %d runs of %s per case", m, *count, perCase))), 0o644); err != nil {
			return err
		}
	}
	return nil
}
