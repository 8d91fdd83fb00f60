package browser

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"text/tabwriter"
	"time"
)

// matrix tallies the adapter × scenario outcomes of every run in this
// process (go test -count=N runs the test N times in one process), for
// TestMain to print once at the end.
type matrix struct {
	mu      sync.Mutex
	cells   map[[2]string]*tally // by scenario label, adapter name
	runs    []time.Duration
	browser string
	skipped string
}

// tally is one cell: its outcomes over the runs, and what the last run
// saw.
type tally struct {
	passed, failed int
	// skipped: the server cannot express the scenario's policy.
	skipped bool
	// did and differs are the session's, from the last run.
	did, differs []string
}

// record counts the outcome of session s, which ran scenario for server.
func (m *matrix) record(server, scenario string, s *session) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cells == nil {
		m.cells = make(map[[2]string]*tally)
	}
	c := m.cells[[2]string{scenario, server}]
	if c == nil {
		c = new(tally)
		m.cells[[2]string{scenario, server}] = c
	}
	switch {
	case s.t.Skipped():
		c.skipped = true
	case s.t.Failed():
		c.failed++
	default:
		c.passed++
	}
	c.did, c.differs = s.did, s.differs
}

// cell returns a copy of a cell, and whether it ran.
func (m *matrix) cell(server, scenario string) (tally, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := m.cells[[2]string{scenario, server}]
	if c == nil {
		return tally{}, false
	}
	return *c, true
}

// status is a cell's one word: "pass", "FAIL" (the test failed),
// "differs" (a peer did not do what corsa does) or "n/a" (the server
// cannot express the policy).
func (c tally) status() string {
	switch {
	case c.failed > 0:
		return "FAIL"
	case c.skipped:
		return "n/a"
	case len(c.differs) > 0:
		return "differs"
	}
	return "pass"
}

// finishRun notes that a run with browser took d.
func (m *matrix) finishRun(browser string, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.browser = browser
	m.runs = append(m.runs, d)
}

// skip notes why the test did not run.
func (m *matrix) skip(reason string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.skipped = reason
}

// write prints the matrix: one row per scenario, one column per server,
// the cell's status (with the failures' count over several runs), "-"
// where the scenario did not run.
func (m *matrix) write(w io.Writer, adapters, scenarios []string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.cells) == 0 {
		if m.skipped != "" {
			_, err := fmt.Fprintf(w, "browser conformance: skipped: %s\n", m.skipped)
			return err
		}
		return nil
	}
	var total time.Duration
	for _, d := range m.runs {
		total += d
	}
	fmt.Fprintf(w, "browser conformance in %s, %d run(s), %s in all:\n", m.browser, len(m.runs), total.Round(time.Millisecond))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "\t%s\n", strings.Join(adapters, "\t"))
	passed, cells := 0, 0
	for _, s := range scenarios {
		row := []string{s}
		for _, a := range adapters {
			c := m.cells[[2]string{s, a}]
			switch {
			case c == nil:
				row = append(row, "-")
			case c.failed > 0 && len(m.runs) > 1:
				row = append(row, fmt.Sprintf("FAIL %d/%d", c.failed, c.failed+c.passed))
			default:
				row = append(row, c.status())
			}
			if c != nil {
				cells++
				if c.failed == 0 {
					passed++
				}
			}
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d of %d cells passed in every run (a peer's \"differs\" and \"n/a\" are not failures)\n", passed, cells)
	return err
}
