package main

import (
	"fmt"
	"io"
	"regexp"
	"runtime"
	"time"

	"github.com/corsa-go/corsa/benchmarks/frameworks"
	"github.com/corsa-go/corsa/benchmarks/suite"
)

// sample is one run of a case.
type sample struct {
	n             int
	ns            float64 // CPU time per operation (see clockName)
	wallNs        float64 // wall-clock time per operation
	bytes, allocs int64   // per operation
}

// result is one case's measurement: its runs, one per round, and their
// medians.
type result struct {
	framework, scenario, impl string
	kind                      frameworks.Kind
	runs                      []sample
	ns                        float64 // median of the runs
	bytes, allocs             int64   // median of the runs
	notes                     []string
}

func (r result) name() string { return r.framework + "/" + r.scenario + "/" + r.impl }

// summarize sets the medians from the runs.
func (r *result) summarize() {
	r.ns = median(r.runs, func(x sample) float64 { return x.ns })
	r.bytes = int64(median(r.runs, func(x sample) float64 { return float64(x.bytes) }))
	r.allocs = int64(median(r.runs, func(x sample) float64 { return float64(x.allocs) }))
}

// paired applies f to the runs of r and other made in the same round, and
// returns the spread of the values: runs of one round are seconds closer
// in time than the medians, so load that comes and goes cancels out. When
// the two were not run in the same rounds it compares the medians.
func (r result) paired(other result, f func(a, b sample) float64) spread {
	if len(r.runs) != len(other.runs) || len(r.runs) == 0 {
		v := f(sample{ns: r.ns}, sample{ns: other.ns})
		return spread{v, v, v}
	}
	vs := make([]float64, len(r.runs))
	for i := range r.runs {
		vs[i] = f(r.runs[i], other.runs[i])
	}
	return spreadOf(vs)
}

// ratio is r's time over other's, round by round.
func (r result) ratio(other result) spread {
	return r.paired(other, func(a, b sample) float64 { return a.ns / b.ns })
}

// over is r's time minus other's, round by round.
func (r result) over(other result) spread {
	return r.paired(other, func(a, b sample) float64 { return a.ns - b.ns })
}

// costRatio is r's cost over bare divided by other's, round by round:
// what the middleware adds, without the framework both pay.
func (r result) costRatio(other, bare result) spread {
	if len(r.runs) != len(other.runs) || len(r.runs) != len(bare.runs) || len(r.runs) == 0 {
		v := (r.ns - bare.ns) / (other.ns - bare.ns)
		return spread{v, v, v}
	}
	vs := make([]float64, len(r.runs))
	for i := range r.runs {
		vs[i] = (r.runs[i].ns - bare.runs[i].ns) / (other.runs[i].ns - bare.runs[i].ns)
	}
	return spreadOf(vs)
}

func selectCases(match *regexp.Regexp) []suite.Case {
	var cs []suite.Case
	for _, c := range suite.Cases() {
		if match == nil || match.MatchString(c.Name()) {
			cs = append(cs, c)
		}
	}
	return cs
}

// plan is how long each run lasts: a CPU time (n is set per case by
// calibration), or a fixed number of iterations.
type plan struct {
	runTime    time.Duration
	iterations int
}

// planBudget spreads budget over rounds runs of every case, after the
// setup already spent.
func planBudget(budget, setup time.Duration, cases, rounds int) time.Duration {
	left := budget - setup
	d := time.Duration(float64(left) / float64(cases*rounds))
	return max(d.Round(100*time.Microsecond), time.Millisecond)
}

// cell is one framework serving one scenario with every implementation:
// the runs whose times are compared with each other.
type cell struct {
	cases   []int // indexes into the results
	servers []*suite.Server
	n       []int // iterations per run
}

// meter runs the measurement and reports progress.
type meter struct {
	progress  io.Writer
	start     time.Time
	lastLine  time.Time
	cpu, wall time.Duration // spent in timed runs, for the CPU share
}

// run times n iterations of s.
func (m *meter) run(s *suite.Server, n int) sample {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	w0, c0 := time.Now(), cpuNow()
	s.Serve(n)
	c1, wall := cpuNow(), time.Since(w0)
	runtime.ReadMemStats(&after)
	cpu := c1 - c0
	m.cpu += cpu
	m.wall += wall
	return sample{
		n: n, ns: float64(cpu.Nanoseconds()) / float64(n), wallNs: float64(wall.Nanoseconds()) / float64(n),
		bytes:  int64(after.TotalAlloc-before.TotalAlloc) / int64(n),
		allocs: int64(after.Mallocs-before.Mallocs) / int64(n),
	}
}

// calibrate finds how many iterations of s last about d of CPU time.
func (m *meter) calibrate(s *suite.Server, d time.Duration) int {
	return calibrate(func(n int) sample { return m.run(s, n) }, d)
}

// minCalibrationRun is the fewest iterations a calibration estimate is
// taken from. A first request can be a thousand times slower than the
// rest (lazy initialisation, page faults, a collection): estimating from
// it alone gave one case a dozen iterations per run, whose time was then
// mostly the measurement's own.
const minCalibrationRun = 100

// calibrate finds how many iterations last about d, by run, which times
// n iterations: it grows n until a run of at least minCalibrationRun
// iterations lasts a millisecond (which also warms the case up), and
// estimates from that run.
func calibrate(run func(n int) sample, d time.Duration) int {
	n := 1
	for {
		x := run(n)
		spent := time.Duration(x.ns * float64(n))
		if spent >= time.Millisecond && n >= minCalibrationRun || n >= 1<<30 {
			return max(1, int(float64(d)/max(x.ns, 1)))
		}
		if spent <= 0 || n < minCalibrationRun {
			n *= minCalibrationRun
		} else {
			n = min(n*100, int(float64(time.Millisecond)/x.ns*1.2)+1)
		}
		n = max(n, minCalibrationRun)
	}
}

// measure observes every case once for its notes, builds its server and
// calibrates it, then runs rounds rounds. A round runs every cell once,
// and a cell runs its implementations back to back, in an order that
// rotates from round to round, so that the runs compared with each other
// are close in time and none is always first. Ratios are then taken
// round by round (see paired).
// runInfo is what a measurement says about itself.
type runInfo struct {
	runTime  time.Duration // per run, when planned by time
	elapsed  time.Duration
	cpuShare float64
}

func measure(cases []suite.Case, rounds int, budget time.Duration, fixed plan, progress io.Writer) ([]result, runInfo, error) {
	m := &meter{progress: progress, start: time.Now()}
	results := make([]result, len(cases))
	var cells []*cell
	for i, c := range cases {
		notes, err := c.Notes()
		if err != nil {
			return nil, runInfo{}, fmt.Errorf("%s: %w", c.Name(), err)
		}
		results[i] = result{framework: c.Framework.Name, scenario: c.Scenario.Name, impl: c.Impl.Name, kind: c.Impl.Kind, notes: notes}
		s, err := c.NewServer()
		if err != nil {
			return nil, runInfo{}, fmt.Errorf("%s: %w", c.Name(), err)
		}
		if i == 0 || results[i-1].framework != results[i].framework || results[i-1].scenario != results[i].scenario {
			cells = append(cells, &cell{})
		}
		cl := cells[len(cells)-1]
		cl.cases = append(cl.cases, i)
		cl.servers = append(cl.servers, s)
	}
	runTime := fixed.runTime
	if fixed.iterations == 0 && runTime == 0 {
		// Calibration costs about 2 ms per case; count it in the setup.
		setup := time.Since(m.start) + time.Duration(len(cases))*2*time.Millisecond
		runTime = planBudget(budget, setup, len(cases), rounds)
	}
	fmt.Fprintf(progress, "corsa-bench: %d cases in %d cells, %d rounds", len(cases), len(cells), rounds)
	if fixed.iterations > 0 {
		fmt.Fprintf(progress, " of %d iterations per run\n", fixed.iterations)
	} else {
		fmt.Fprintf(progress, " of %v %s per run, about %v in all\n", runTime, clockName, (time.Duration(len(cases)*rounds) * runTime).Round(time.Second))
	}
	for _, cl := range cells {
		for _, s := range cl.servers {
			n := fixed.iterations
			if n == 0 {
				n = m.calibrate(s, runTime)
			}
			cl.n = append(cl.n, n)
		}
	}
	timed := time.Now()
	for round := range rounds {
		for ci, cl := range cells {
			runtime.GC() // every cell starts from the same heap
			k := len(cl.cases)
			for j := range k {
				i := (j + round) % k
				results[cl.cases[i]].runs = append(results[cl.cases[i]].runs, m.run(cl.servers[i], cl.n[i]))
			}
			m.report(round, rounds, ci, len(cells), timed, results[cl.cases[0]])
		}
	}
	for i := range results {
		results[i].summarize()
	}
	return results, runInfo{runTime: runTime, elapsed: time.Since(m.start), cpuShare: m.cpuShare()}, nil
}

// report prints a progress line every few seconds and at the end of each
// round: the round, the time elapsed and an estimate of the time left.
func (m *meter) report(round, rounds, ci, cells int, timed time.Time, r result) {
	now := time.Now()
	last := ci == cells-1
	if !last && now.Sub(m.lastLine) < 3*time.Second {
		return
	}
	m.lastLine = now
	done := float64(round*cells + ci + 1)
	left := time.Duration(float64(now.Sub(timed)) / done * (float64(rounds*cells) - done))
	fmt.Fprintf(m.progress, "[round %d/%d, %5.1fs elapsed, ~%3.0fs left] %s/%s\n",
		round+1, rounds, now.Sub(m.start).Seconds(), left.Seconds(), r.framework, r.scenario)
}

// cpuShare is the CPU time the timed runs got over the wall-clock time
// they took: about 1 on an idle machine, lower when other processes held
// the CPU.
func (m *meter) cpuShare() float64 {
	if m.wall <= 0 {
		return 1
	}
	return float64(m.cpu) / float64(m.wall)
}
