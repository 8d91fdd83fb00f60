package conformance

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"testing"
)

// Run runs every case against h with a fresh server per case, as subtests
// of t grouped by tier ("TestFoo/hardening/..."), and holds every case to
// its exact Want: this is how corsa's own adapters are tested. A case the
// harness cannot run (a quirk, or ErrCannotExpress) is skipped, naming why.
func Run(t *testing.T, h Harness) {
	t.Helper()
	cases := Cases()
	for _, tier := range Tiers {
		t.Run(string(tier), func(t *testing.T) {
			for _, c := range cases {
				if c.Tier != tier {
					continue
				}
				t.Run(c.Name, func(t *testing.T) {
					res := runCase(h, c)
					switch res.Outcome {
					case Skipped:
						t.Skip(res.Reason)
					case CannotExpress:
						t.Skipf("harness cannot express the policy: %s", res.Reason)
					}
					what := c.Request.String()
					if c.Want.Rejected {
						what = fmt.Sprintf("policy %+v", c.Policy)
					}
					for _, p := range res.Problems {
						t.Errorf("%s (%s): %s", c.Spec, what, p)
					}
				})
			}
		})
	}
}

// Outcome is how a case ended against a harness.
type Outcome string

// The outcomes of a case.
const (
	// Passed: the response is exactly the case's Want.
	Passed Outcome = "passed"
	// Failed: the response differs from Want (Result.Problems says how),
	// or the harness failed.
	Failed Outcome = "failed"
	// CannotExpress: the harness returned ErrCannotExpress for the policy.
	CannotExpress Outcome = "cannot express"
	// Skipped: a quirk of the harness's transport rules the case out.
	Skipped Outcome = "skipped"
)

// Result is one case run against a harness, with what was served, so that
// a judge other than the exact Want can score the same response again: a
// browser-outcome judge scores a TierBrowser result from Case.Request,
// Response and Body, and where it passes a result whose Outcome is Failed,
// Problems are differences from corsa's choices, not failures.
type Result struct {
	Case Case
	// Outcome compares the response with Case.Want, byte for byte.
	Outcome Outcome
	// Reason says why the case was skipped or could not be expressed.
	Reason string
	// Problems lists every difference from Case.Want, one line each.
	Problems []string
	// Response is the response served, nil when no request was sent. Its
	// body is already read into Body.
	Response *http.Response
	Body     []byte
}

// Report is Score's result: one Result per case, in the order of Cases.
type Report struct {
	Results []Result
}

// Tally counts outcomes.
type Tally struct {
	Passed, Failed, CannotExpress, Skipped int
}

// Total is the number of cases counted.
func (t Tally) Total() int { return t.Passed + t.Failed + t.CannotExpress + t.Skipped }

// Tally counts the outcomes of the results in the given tiers, or of every
// result when no tier is given.
func (r Report) Tally(tiers ...Tier) Tally {
	var t Tally
	for _, res := range r.Results {
		if len(tiers) > 0 && !slices.Contains(tiers, res.Case.Tier) {
			continue
		}
		switch res.Outcome {
		case Passed:
			t.Passed++
		case Failed:
			t.Failed++
		case CannotExpress:
			t.CannotExpress++
		case Skipped:
			t.Skipped++
		}
	}
	return t
}

// Score runs every case against h without a *testing.T, for libraries
// other than corsa: they are expected to differ from some of corsa's exact
// answers, and the report keeps every response so that each tier can be
// judged on its own terms. Outcomes are by exact bytes; for TierCorsa
// cases a difference is informational, not a failure.
func Score(h Harness) Report {
	cases := Cases()
	r := Report{Results: make([]Result, 0, len(cases))}
	for _, c := range cases {
		r.Results = append(r.Results, runCase(h, c))
	}
	return r
}

// runCase builds a server for c's policy, sends c's request and compares
// the response with c.Want. A panic in the harness fails the case.
func runCase(h Harness, c Case) (res Result) {
	res.Case = c
	fail := func(format string, args ...any) Result {
		res.Outcome, res.Problems = Failed, []string{fmt.Sprintf(format, args...)}
		return res
	}
	defer func() {
		if v := recover(); v != nil {
			res = fail("panicked: %v", v)
		}
	}()
	srv, err := h(c.Policy)
	if errors.Is(err, ErrCannotExpress) {
		res.Outcome, res.Reason = CannotExpress, err.Error()
		return res
	}
	if c.Want.Rejected {
		if err == nil {
			return fail("the policy was accepted, but SPEC.md §5 says it must be refused")
		}
		res.Outcome = Passed
		return res
	}
	if err != nil {
		return fail("harness could not build a server: %v", err)
	}
	if c.Needs != nil {
		if why := c.Needs(srv.Quirks); why != "" {
			res.Outcome, res.Reason = Skipped, why
			return res
		}
	}
	if max := srv.Quirks.MaxHeaderBytes; max > 0 && c.Request.size() > max {
		res.Outcome = Skipped
		res.Reason = fmt.Sprintf("Quirks.MaxHeaderBytes: the request's %d header bytes exceed the transport's %d", c.Request.size(), max)
		return res
	}
	if srv.Do == nil {
		return fail("harness returned a Server without Do")
	}
	resp, err := srv.Do(c.Request.HTTP())
	if err != nil {
		return fail("request failed: %v", err)
	}
	res.Response = resp
	if resp.Body != nil {
		res.Body, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return fail("reading the body: %v", err)
		}
	}
	res.Problems = c.Want.Check(resp, res.Body)
	res.Outcome = Passed
	if len(res.Problems) > 0 {
		res.Outcome = Failed
	}
	return res
}
