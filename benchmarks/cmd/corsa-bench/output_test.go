package main

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/corsa-go/corsa/benchmarks/frameworks"
	"github.com/corsa-go/corsa/benchmarks/suite"
	"github.com/corsa-go/corsa/conformance/scenario"
)

var sampleResults = []result{
	res("Chi", scenario.Preflight, "bare", frameworks.Bare, 100, 0),
	res("Chi", scenario.Preflight, "corsa", frameworks.Corsa, 250, 1),
	res("Chi", scenario.Preflight, "go-chi-cors", frameworks.Builtin, 500, 3),
	res("Chi", scenario.HostileACRH, "corsa", frameworks.Corsa, 260, 1),
	res("Chi", scenario.HostileACRH, "go-chi-cors", frameworks.Builtin, 2_500_000, 3, suite.NoteAcceptsHostile),
}

func TestMarkdownRowsShowCostOverBareAndRatioToCorsa(t *testing.T) {
	var b bytes.Buffer
	writeMarkdown(&b, machine{goos: "linux", goarch: "amd64", cpu: "Test CPU", cpus: 2, procs: 2, goVersion: "go1.x", date: time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)}, "median of 3 runs of 1s per case", sampleResults)
	out := b.String()
	for _, want := range []string{
		"linux/amd64, Test CPU, 2 CPUs (GOMAXPROCS 2), go1.x, 2025-01-02, median of 3 runs of 1s per case.",
		"## Chi",
		"| preflight | bare | 100 | 0 | 0 |  | 0.40× |  |",
		"| preflight | corsa | 250 | 0 | 1 | +150 ns | 1.00× |  |",
		"| preflight | go-chi-cors | 500 | 0 | 3 | +400 ns | 2.00× |  |",
		"| hostile-acrh | go-chi-cors | 2500000 | 0 | 3 |  | 9615.38× | " + suite.NoteAcceptsHostile + " |",
		"| Chi | preflight: corsa's cost < 1× go-chi-cors | 0.38× | met |  |",
		"| Chi | corsa ≤ 1 alloc/request over bare | 1 (worst: preflight) | met | counted over bare: chi's router",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestTablesShowTheMedianRun(t *testing.T) {
	r := result{runs: []sample{{ns: 300, allocs: 2}, {ns: 100, allocs: 1}, {ns: 200, allocs: 1}}}
	r.summarize()
	if r.ns != 200 || r.allocs != 1 {
		t.Errorf("ns %v, allocs %d; want the median run's 200, 1", r.ns, r.allocs)
	}
	r.runs = r.runs[:2]
	r.summarize()
	if r.ns != 200 {
		t.Errorf("ns %v of two runs, want their mean 200", r.ns)
	}
}

func TestBenchstatOutputIsGoBenchmarkFormat(t *testing.T) {
	var b bytes.Buffer
	writeBenchstat(&b, machine{goos: "linux", goarch: "amd64", cpu: "Test CPU", procs: 2}, sampleResults)
	line := regexp.MustCompile(`^Benchmark[A-Za-z]+/[a-z0-9-]+/[a-z-]+-2\t +\d+\t +[0-9.]+ ns/op\t +\d+ B/op\t +\d+ allocs/op$`)
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if lines[0] != "goos: linux" || lines[3] != "cpu: Test CPU" {
		t.Errorf("header %q", lines[:4])
	}
	for _, l := range lines[4:] {
		if !line.MatchString(l) {
			t.Errorf("not a benchmark line: %q", l)
		}
	}
	if got := len(lines) - 4; got != len(sampleResults) {
		t.Errorf("%d benchmark lines, want %d", got, len(sampleResults))
	}
}

func TestChartIsWellFormedSVGWithABarPerResultAndTargetTicks(t *testing.T) {
	results := append(slices.Clone(sampleResults), res("Chi", scenario.HostileACRH, "bare", frameworks.Bare, 100, 0))
	svg := renderChart(results, "on a <test> machine")
	dec := xml.NewDecoder(strings.NewReader(svg))
	titles := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "title" {
			titles++
		}
	}
	// One title per bar, and one per target tick: corsa against
	// go-chi-cors on the preflight.
	if want := len(results) + 1; titles != want {
		t.Errorf("%d titles, want %d", titles, want)
	}
	for _, want := range []string{
		"Chi/preflight/corsa: 250 ns/op, 2.50× the bare framework, 0 B/op, 1 allocs/op",
		"preflight: corsa&#39;s cost &lt; 1× go-chi-cors: 0.38×, met",
		">25000×, off the scale<", ">1.00×<", ">10.0×<", "on a &lt;test&gt; machine",
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %q", want)
		}
	}
	if strings.Contains(svg, ">100×<") {
		t.Error("the axis stretches to the outlier")
	}
}

func TestBudgetIsSharedByEveryRunOfEveryCase(t *testing.T) {
	if got := planBudget(110*time.Second, 10*time.Second, 10, 10); got != time.Second {
		t.Errorf("per run %v, want 1s", got)
	}
	if got := planBudget(time.Second, 2*time.Second, 1000, 10); got != time.Millisecond {
		t.Errorf("per run %v, want the 1ms minimum", got)
	}
}

func TestRunMeasuresTheSelectedCases(t *testing.T) {
	chart := filepath.Join(t.TempDir(), "chart.svg")
	var out, errs bytes.Buffer
	err := run([]string{"-run", "^NetHTTP/actual/", "-benchtime", "200x", "-count", "2", "-format", "benchstat", "-chart", chart, "-q"}, &out, &errs)
	if err != nil {
		t.Fatalf("%v\n%s", err, errs.String())
	}
	for _, impl := range []string{"bare", "corsa", "rs-cors", "floor"} {
		name := regexp.MustCompile(`(?m)^BenchmarkNetHTTP/actual/` + impl + `(-\d+)?\t +200\t`)
		if got := len(name.FindAllString(out.String(), -1)); got != 2 {
			t.Errorf("%d runs of 200 iterations for %s, want 2:\n%s", got, impl, out.String())
		}
	}
	if fi, err := os.Stat(chart); err != nil || fi.Size() == 0 {
		t.Errorf("chart not written: %v", err)
	}
}

func TestBadFlagsAreRefused(t *testing.T) {
	for _, args := range [][]string{
		{"-format", "csv"},
		{"-count", "0"},
		{"-run", "("},
		{"-run", "NoSuchFramework"},
		{"-benchtime", "soon", "-run", "NetHTTP/actual/bare"},
	} {
		t.Run(strings.Join(args, " ")+" is an error", func(t *testing.T) {
			if err := run(args, io.Discard, io.Discard); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestRatiosPairRunsOfTheSameRound(t *testing.T) {
	// The machine slowed down from round to round, and a burst of other
	// work hit corsa's third run only. Round by round, corsa takes 2/3 of
	// the peer's time twice; its median (200) over the peer's (160) would
	// say 1.25.
	corsa := result{runs: []sample{{ns: 100}, {ns: 200}, {ns: 300}}}
	peer := result{runs: []sample{{ns: 150}, {ns: 300}, {ns: 160}}}
	corsa.summarize()
	peer.summarize()
	if got := corsa.ratio(peer).med; math.Abs(got-2.0/3) > 1e-9 {
		t.Errorf("ratio %v, want 2/3", got)
	}
	if got := peer.over(corsa).med; got != 50 {
		t.Errorf("over %v, want the median round's 50", got)
	}
}

func TestABusyMachineIsReportedWithWhatItMeans(t *testing.T) {
	tests := []struct {
		name      string
		m         machine
		wantWarns int
	}{
		{"an idle machine", machine{cpus: 2, loadStart: "0.30", loadEnd: "0.90", cpuShare: 0.99}, 0},
		{"a load average of 3 on 2 CPUs", machine{cpus: 2, loadStart: "3.00", cpuShare: 0.99}, 1},
		{"runs that got half a CPU", machine{cpus: 2, loadStart: "0.10", cpuShare: 0.5}, 1},
		{"both", machine{cpus: 2, loadStart: "0.10", loadEnd: "40.2", cpuShare: 0.2}, 2},
		{"a load at the end that is corsa-bench's own", machine{cpus: 2, loadStart: "0.40", loadEnd: "1.39", ownLoad: 1.3, cpuShare: 1}, 0},
		{"a load at the end beyond corsa-bench's own", machine{cpus: 2, loadStart: "0.40", loadEnd: "3.10", ownLoad: 1.3, cpuShare: 1}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name+" gives "+strconv.Itoa(tt.wantWarns)+" warnings", func(t *testing.T) {
			var b bytes.Buffer
			writeMarkdown(&b, tt.m, "test", sampleResults)
			if got := strings.Count(b.String(), "> **Warning:**"); got != tt.wantWarns {
				t.Errorf("%d warnings, want %d:\n%s", got, tt.wantWarns, b.String())
			}
			if tt.wantWarns > 0 && !strings.Contains(b.String(), "other processes") {
				t.Errorf("the warning does not say what it means:\n%s", b.String())
			}
		})
	}
}

func TestEndToEndServesEveryImplementationOverLoopback(t *testing.T) {
	cases := selectCases(regexp.MustCompile(`^(NetHTTP|Fiber)/actual/`))
	lim := e2eLimits{rounds: 2, slice: 20 * time.Millisecond, maxRequests: 50}
	results, err := measureE2E(cases, lim, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range results {
		got = append(got, r.framework+"/"+r.impl)
		if len(r.rps) != 2 || r.rps[0] <= 0 {
			t.Errorf("%s/%s: rounds %v, want 2 positive", r.framework, r.impl, r.rps)
		}
	}
	want := []string{"NetHTTP/bare", "NetHTTP/corsa", "NetHTTP/rs-cors", "Fiber/bare", "Fiber/corsa", "Fiber/fiber-cors"}
	if !slices.Equal(got, want) {
		t.Errorf("implementations %q, want %q (no floor)", got, want)
	}
	var b bytes.Buffer
	writeE2E(&b, lim, results)
	if !strings.Contains(b.String(), "## End to end") || !regexp.MustCompile(`\| NetHTTP \| corsa \| \d+ \| [0-9.]+×`).MatchString(b.String()) {
		t.Errorf("section:\n%s", b.String())
	}
}
