package conformance_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
)

func TestCasesAreManyAndUniquelyNamed(t *testing.T) {
	cases := conformance.Cases()
	if len(cases) < 150 {
		t.Errorf("%d cases, want at least 150", len(cases))
	}
	seen := map[string]bool{}
	for _, c := range cases {
		// t.Run rewrites spaces; compare names as subtests see them.
		name := strings.ReplaceAll(c.Name, " ", "_")
		if seen[name] {
			t.Errorf("duplicate case name %q", c.Name)
		}
		seen[name] = true
		if !strings.HasPrefix(c.Spec, "§") {
			t.Errorf("%q: Spec %q does not name a SPEC.md section", c.Name, c.Spec)
		}
		if !c.Want.Rejected && (c.Request.Method == "" || !strings.HasPrefix(c.Request.Path, "/")) {
			t.Errorf("%q: incomplete request %v", c.Name, c.Request)
		}
	}
}

func TestCasesCoverEverySection(t *testing.T) {
	count := map[string]int{}
	for _, c := range conformance.Cases() {
		count[c.Spec]++
	}
	for _, s := range []string{"§1", "§2", "§3", "§4", "§5", "§6", "§7"} {
		if count[s] == 0 {
			t.Errorf("no case checks %s", s)
		}
	}
}

// TestCasesAreFresh: Cases hands out new values, so a caller that edits one
// cannot change another's.
func TestCasesAreFresh(t *testing.T) {
	a := conformance.Cases()
	for i := range a {
		if len(a[i].Policy.Origins) > 0 {
			a[i].Policy.Origins[0] = "https://changed.example"
		}
	}
	for _, c := range conformance.Cases() {
		for _, o := range c.Policy.Origins {
			if o == "https://changed.example" {
				t.Fatalf("%q shares its policy between calls", c.Name)
			}
		}
	}
}

// brokenHarness answers every request 200 with a reflected origin and no
// Vary, accepts every policy, and cannot express credentials: a classic bad
// CORS middleware.
func brokenHarness(cfg corsa.Config) (conformance.Server, error) {
	if cfg.Credentials {
		return conformance.Server{}, fmt.Errorf("no credentials: %w", conformance.ErrCannotExpress)
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if o := r.Header.Get("Origin"); o != "" {
			w.Header().Set("Access-Control-Allow-Origin", o)
		}
		w.WriteHeader(http.StatusOK)
	})
	return conformance.Server{Do: conformance.Recorder(h)}, nil
}

func TestScoreCountsABrokenHarness(t *testing.T) {
	cases := conformance.Cases()
	r := conformance.Score(brokenHarness)
	if len(r.Results) != len(cases) {
		t.Fatalf("%d results, want one per case (%d)", len(r.Results), len(cases))
	}
	all := r.Tally()
	var creds int
	for i, c := range cases {
		if c.Policy.Credentials {
			creds++
		}
		if got := r.Results[i].Case.Name; got != c.Name {
			t.Fatalf("result %d is %q, want %q: results must follow Cases", i, got, c.Name)
		}
	}
	if all.CannotExpress != creds {
		t.Errorf("CannotExpress = %d, want %d (every credentialed policy)", all.CannotExpress, creds)
	}
	if all.Failed == 0 || all.Passed >= all.Failed {
		t.Errorf("a broken harness passed %d and failed %d", all.Passed, all.Failed)
	}
	if all.Skipped != 0 {
		t.Errorf("Skipped = %d, want 0", all.Skipped)
	}
	var sum conformance.Tally
	for _, tier := range conformance.Tiers {
		n := r.Tally(tier)
		sum.Passed += n.Passed
		sum.Failed += n.Failed
		sum.CannotExpress += n.CannotExpress
		sum.Skipped += n.Skipped
	}
	if sum != all {
		t.Errorf("the tiers' tallies add up to %+v, want %+v", sum, all)
	}
	for _, res := range r.Results {
		switch res.Outcome {
		case conformance.Failed:
			if len(res.Problems) == 0 {
				t.Errorf("failure %q lists no problem", res.Case.Name)
			}
			if !res.Case.Want.Rejected && res.Response == nil {
				t.Errorf("failure %q keeps no response for a judge to score again", res.Case.Name)
			}
		case conformance.CannotExpress:
			if !strings.Contains(res.Reason, "no credentials") {
				t.Errorf("%q: reason %q does not say why", res.Case.Name, res.Reason)
			}
		}
	}
}

// TestScoreSkipsForQuirksAndSurvivesPanics: a harness declaring that
// repeated header lines are dropped has the cases that need them skipped,
// and a harness that panics fails cases rather than the process.
func TestScoreSkipsForQuirksAndSurvivesPanics(t *testing.T) {
	r := conformance.Score(func(corsa.Config) (conformance.Server, error) {
		return conformance.Server{
			Do:     func(*http.Request) (*http.Response, error) { panic("boom") },
			Quirks: conformance.Quirks{RepeatedHeaderLinesDropped: true, MaxHeaderBytes: 64 << 10},
		}, nil
	})
	all := r.Tally()
	if all.Skipped == 0 {
		t.Error("no case skipped for RepeatedHeaderLinesDropped or MaxHeaderBytes")
	}
	if all.Passed != 0 || all.Failed != all.Total()-all.Skipped {
		t.Errorf("passed %d, failed %d of %d run", all.Passed, all.Failed, all.Total()-all.Skipped)
	}
	for _, res := range r.Results {
		if res.Outcome != conformance.Failed {
			continue
		}
		if p := strings.Join(res.Problems, "\n"); !strings.Contains(p, "panicked: boom") && !strings.Contains(p, "accepted") {
			t.Errorf("%q: unexpected problems %q", res.Case.Name, res.Problems)
		}
	}
}
