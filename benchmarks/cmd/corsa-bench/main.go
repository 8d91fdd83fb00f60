// Command corsa-bench runs the benchmark suite in-process and reports how
// corsa compares with the bare frameworks, their usual CORS middleware,
// rs/cors and a hand-written floor:
//
//	go run ./benchmarks/cmd/corsa-bench -e2e -chart benchmarks/chart.svg > benchmarks/RESULTS.md
//
// It prints a markdown table per framework (ns/op, B/op, allocs/op, cost
// over the bare framework, ratio to corsa, and the work a peer was seen
// skipping) and a "targets" section saying which of corsa's performance
// targets were met, missed, or could not be told apart from their limit
// on this machine. With -format benchstat it prints Go's benchmark text
// format instead, one line per run, for benchstat. It writes an SVG chart
// too (corsa-bench.svg by default; -chart "" skips it).
//
// Each case runs -count rounds (15 by default). A round runs every
// framework × scenario "cell" once, the cell's implementations back to
// back in an order that rotates between rounds, and ratios are taken
// round by round: load that comes and goes hits both sides of a ratio.
// Runs are timed in process CPU time where the system reports it, which
// does not count the time spent waiting for a CPU. All runs share
// -budget (70 s by default); -benchtime sets the CPU time per run instead
// (500ms), or its iterations (1000x). A busy machine is reported at the
// start, on standard error, and in the report. With -e2e it also serves
// an allowed actual GET over real HTTP on 127.0.0.1 with each
// implementation and reports the throughput as a ratio to the bare
// framework's, in interleaved rounds too.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "corsa-bench:", err)
		os.Exit(2)
	}
}

// defaultChart is where the chart goes unless -chart says otherwise.
const defaultChart = "corsa-bench.svg"

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("corsa-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	budget := fs.Duration("budget", 70*time.Second, "total time for the whole run, setup included, shared by every run of every case (ignored with -benchtime)")
	benchtime := fs.String("benchtime", "", "CPU time or iterations per run, as go test's -benchtime (e.g. 20ms, 10000x)")
	count := fs.Int("count", 15, "rounds: runs per case, interleaved; tables show the median, -format benchstat every run")
	format := fs.String("format", "markdown", "output format: markdown or benchstat")
	chart := fs.String("chart", defaultChart, `write the SVG chart to this file; "" for none`)
	filter := fs.String("run", "", "run only the cases whose name (Framework/scenario/impl) matches this regular expression")
	e2e := fs.Bool("e2e", false, "also measure loopback HTTP throughput on 127.0.0.1 (bare, corsa, the framework's CORS, rs/cors; about 40 s more)")
	quiet := fs.Bool("q", false, "do not print progress on standard error (warnings still are)")
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
	fixed, err := parseBenchtime(*benchtime)
	if err != nil {
		return err
	}
	if *budget <= 0 && *benchtime == "" {
		return fmt.Errorf("-budget %v: want a positive duration", *budget)
	}
	var match *regexp.Regexp
	if *filter != "" {
		if match, err = regexp.Compile(*filter); err != nil {
			return fmt.Errorf("-run: %w", err)
		}
	}
	cases := selectCases(match)
	if len(cases) == 0 {
		return fmt.Errorf("-run %q matches no case", *filter)
	}
	progress := stderr
	if *quiet {
		progress = io.Discard
	}
	m := describeMachine()
	if w := loadWarning(m.loadStart, 0, m.cpus, "now"); w != "" {
		fmt.Fprintln(stderr, "corsa-bench: warning:", w)
	}
	results, info, err := measure(cases, *count, *budget, fixed, progress)
	if err != nil {
		return err
	}
	var e2eResults []e2eResult
	if *e2e {
		if e2eResults, err = measureE2E(cases, defaultE2E, progress); err != nil {
			return err
		}
	}
	m.loadEnd, m.cpuShare = loadAverage(), info.cpuShare
	if wall := time.Since(m.date); wall > 0 {
		m.ownLoad = float64(cpuNow()) / float64(wall)
	}
	for _, w := range m.warnings() {
		fmt.Fprintln(stderr, "corsa-bench: warning:", w)
	}
	perRun := fmt.Sprintf("%v of %s", info.runTime, clockName)
	if fixed.iterations > 0 {
		perRun = fmt.Sprintf("%d iterations", fixed.iterations)
	}
	method := fmt.Sprintf("%d interleaved rounds of %s per case, medians with interquartile ranges, %v in all", *count, perRun, info.elapsed.Round(time.Second))
	if *format == "benchstat" {
		writeBenchstat(stdout, m, results)
	} else {
		writeMarkdown(stdout, m, method, results)
		writeE2E(stdout, defaultE2E, e2eResults)
	}
	if *chart != "" {
		if err := os.WriteFile(*chart, []byte(renderChart(results, fmt.Sprintf("corsa-bench on %s; %s", m, method))), 0o644); err != nil {
			return err
		}
		if abs, err := filepath.Abs(*chart); err == nil {
			fmt.Fprintln(progress, "corsa-bench: chart written to", abs)
		}
	}
	fmt.Fprintf(progress, "corsa-bench: done in %v\n", info.elapsed.Round(100*time.Millisecond))
	return nil
}

// parseBenchtime reads -benchtime: a duration or a count of iterations
// ("1000x"); the zero plan for "".
func parseBenchtime(s string) (plan, error) {
	switch {
	case s == "":
		return plan{}, nil
	case strings.HasSuffix(s, "x"):
		n, err := strconv.Atoi(strings.TrimSuffix(s, "x"))
		if err != nil || n < 1 {
			return plan{}, fmt.Errorf("-benchtime %q: want a duration or a positive count such as 1000x", s)
		}
		return plan{iterations: n}, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return plan{}, fmt.Errorf("-benchtime %q: want a duration or a positive count such as 1000x", s)
	}
	return plan{runTime: d}, nil
}
