package suite_test

import (
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/corsa-go/corsa/benchmarks/frameworks"
	"github.com/corsa-go/corsa/benchmarks/suite"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/scenario"
)

// The headers SPEC.md and core/doc.go promise for the suite's policy.
const (
	allowMethods = "GET, POST, PUT, DELETE"
	allowHeaders = "Content-Type, Authorization, X-Request-Id, X-H01, X-H02, X-H03, X-H04, X-H05, X-H06, " +
		"X-H07, X-H08, X-H09, X-H10, X-H11, X-H12, X-H13, X-H14, X-H15, X-H16, X-H17"
	preflightVary = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"
)

var (
	allowedPreflight = http.Header{
		"Access-Control-Allow-Origin":      {conformance.AppOrigin},
		"Access-Control-Allow-Credentials": {"true"},
		"Access-Control-Allow-Methods":     {allowMethods},
		"Access-Control-Allow-Headers":     {allowHeaders},
		"Access-Control-Max-Age":           {"600"},
		"Vary":                             {preflightVary},
	}
	refusedPreflight = http.Header{"Vary": {preflightVary}}
	allowedActual    = http.Header{
		"Access-Control-Allow-Origin":      {conformance.AppOrigin},
		"Access-Control-Allow-Credentials": {"true"},
		"Access-Control-Expose-Headers":    {"X-Total-Count"},
		"Vary":                             {"Origin"},
	}
	varyOrigin = http.Header{"Vary": {"Origin"}}
)

// corsHeaders keeps the Access-Control-* and Vary headers of h, the ones a
// CORS middleware writes.
func corsHeaders(h http.Header) http.Header {
	out := http.Header{}
	for name, vs := range h {
		if name == "Vary" || strings.HasPrefix(name, "Access-Control-") {
			out[name] = vs
		}
	}
	return out
}

func TestCorsaAnswersEveryScenarioAsDocumented(t *testing.T) {
	want := map[string]struct {
		status     int
		handlerRan bool
		header     http.Header
	}{
		scenario.Preflight:   {204, false, allowedPreflight},
		scenario.Actual:      {200, true, allowedActual},
		scenario.Disallowed:  {200, true, varyOrigin},
		scenario.NoOrigin:    {200, true, varyOrigin},
		scenario.Preflight20: {204, false, allowedPreflight},
		scenario.HostileACRH: {403, false, refusedPreflight},
		scenario.InvalidACRH: {403, false, refusedPreflight},
	}
	for _, c := range casesOf(frameworks.Corsa) {
		t.Run(c.Name()+" answers as core/doc.go says", func(t *testing.T) {
			w, ok := want[c.Scenario.Name]
			if !ok {
				t.Fatalf("no expectation for scenario %q", c.Scenario.Name)
			}
			r := observe(t, c)
			if r.Status != w.status || r.HandlerRan != w.handlerRan {
				t.Errorf("status %d, handler ran %v; want %d, %v", r.Status, r.HandlerRan, w.status, w.handlerRan)
			}
			if got := corsHeaders(r.Header); !reflect.DeepEqual(got, w.header) {
				t.Errorf("CORS headers\n got %v\nwant %v", got, w.header)
			}
		})
	}
}

// Every implementation must grant the allowed requests, or the comparison
// would time a refusal against a full answer.
func TestEveryImplementationAllowsTheAllowedRequests(t *testing.T) {
	for _, kind := range []frameworks.Kind{frameworks.Corsa, frameworks.Builtin, frameworks.RSCors, frameworks.Floor} {
		for _, c := range casesOf(kind) {
			switch c.Scenario.Name {
			case scenario.Preflight, scenario.Preflight20, scenario.Actual:
			default:
				continue
			}
			t.Run(c.Name()+" allows the origin", func(t *testing.T) {
				r := observe(t, c)
				if got := r.Header.Get("Access-Control-Allow-Origin"); got != conformance.AppOrigin {
					t.Errorf("Access-Control-Allow-Origin %q, want %q", got, conformance.AppOrigin)
				}
				preflight := c.Scenario.IsPreflight()
				if r.HandlerRan == preflight {
					t.Errorf("handler ran: %v, want %v", r.HandlerRan, !preflight)
				}
				if r.Status < 200 || r.Status > 299 {
					t.Errorf("status %d, want 2xx", r.Status)
				}
			})
		}
	}
}

func TestBareFrameworksRunTheHandlerWithoutCORSHeaders(t *testing.T) {
	for _, c := range casesOf(frameworks.Bare) {
		t.Run(c.Name()+" runs the handler only", func(t *testing.T) {
			r := observe(t, c)
			if !r.HandlerRan || r.Status != 200 {
				t.Errorf("status %d, handler ran %v; want 200 from the handler", r.Status, r.HandlerRan)
			}
			if h := corsHeaders(r.Header); len(h) > 0 {
				t.Errorf("CORS headers %v on a framework without CORS", h)
			}
		})
	}
}

func TestCorsaSkipsNoWork(t *testing.T) {
	for _, c := range casesOf(frameworks.Corsa) {
		t.Run(c.Name()+" has no shortcut notes", func(t *testing.T) {
			notes, err := c.Notes()
			if err != nil {
				t.Fatal(err)
			}
			if len(notes) > 0 {
				t.Errorf("notes %q", notes)
			}
		})
	}
}

func TestNotesNameWhatPeersSkip(t *testing.T) {
	tests := []struct {
		name string
		want []string
	}{
		{"Gin/no-origin/gin-contrib-cors", []string{suite.NoteNoVary}},
		{"Gin/disallowed-origin/gin-contrib-cors", []string{suite.NoteBlocks, suite.NoteNoVary}},
		{"Gin/preflight/gin-contrib-cors", []string{suite.NoteMethodUnchecked, suite.NoteHeadersUnchecked, suite.NoteSharesSlices}},
		{"Gin/actual/gin-contrib-cors", []string{suite.NoteSharesSlices}},
		{"Echo/preflight-20-headers/echo-cors", []string{suite.NoteMethodUnchecked, suite.NoteHeadersUnchecked}},
		{"Fiber/preflight/fiber-cors", []string{suite.NoteMethodUnchecked, suite.NoteHeadersUnchecked}},
		{"Fiber/disallowed-origin/fiber-cors", []string{suite.NoteLeaksHeaders}},
		{"Fiber3/preflight/fiber-cors", []string{suite.NoteMethodUnchecked, suite.NoteHeadersUnchecked}},
		{"Fiber3/disallowed-origin/fiber-cors", []string{suite.NoteLeaksHeaders}},
		{"Fiber3/invalid-acrh/fiber-cors", []string{suite.NoteAcceptsInvalid}},
		{"Echo5/preflight/echo-cors", []string{suite.NoteMethodUnchecked, suite.NoteHeadersUnchecked}},
		{"Echo5/disallowed-origin/echo-cors", nil},
		{"Echo5/hostile-acrh/echo-cors", []string{suite.NoteAcceptsHostile}},
		{"Echo5/actual/rs-cors", []string{suite.NoteSharesSlices}},
		{"Echo/hostile-acrh/echo-cors", []string{suite.NoteAcceptsHostile}},
		{"Chi/hostile-acrh/go-chi-cors", []string{suite.NoteAcceptsHostile}},
		{"Chi/invalid-acrh/go-chi-cors", nil},
		{"NetHTTP/preflight/rs-cors", []string{suite.NoteSharesSlices}},
		{"NetHTTP/no-origin/rs-cors", []string{suite.NoteSharesSlices}},
		{"Echo/actual/echo-cors", nil},
		{"NetHTTP/actual/floor", []string{suite.NoteFixedPolicy}},
		{"Gin/preflight/floor", []string{suite.NoteFixedPolicy}},
		{"Fiber/preflight-20-headers/floor", []string{suite.NoteFixedPolicy}},
		{"Fiber/hostile-acrh/floor", []string{suite.NoteFixedPolicy}},
		{"FastHTTP/preflight/floor", []string{suite.NoteFixedPolicy}},
		{"FastHTTP/hostile-acrh/corsa", nil},
		{"NetHTTP/invalid-acrh/floor", []string{suite.NoteFixedPolicy}},
		{"NetHTTP/actual/bare", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is noted as skipping "+strings.Join(tt.want, ", "), func(t *testing.T) {
			c := caseNamed(t, tt.name)
			got, err := c.Notes()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("notes %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTwentyHeaderPreflightListsTwentyAllowedNamesAsABrowserWould(t *testing.T) {
	c := caseNamed(t, "NetHTTP/preflight-20-headers/corsa")
	acrh, _ := c.Scenario.Header("Access-Control-Request-Headers")
	names := strings.Split(acrh, ",")
	if len(names) != 20 {
		t.Errorf("%d names, want 20", len(names))
	}
	if !slices.IsSorted(names) || acrh != strings.ToLower(acrh) {
		t.Errorf("%q is not lower-case and sorted", acrh)
	}
	for _, n := range names {
		if !slices.ContainsFunc(scenario.RequestHeaders, func(a string) bool { return strings.EqualFold(a, n) }) {
			t.Errorf("%q is not allowed by the policy", n)
		}
	}
}

func TestHostileListIsOneMebibyte(t *testing.T) {
	c := caseNamed(t, "NetHTTP/hostile-acrh/corsa")
	if acrh, _ := c.Scenario.Header("Access-Control-Request-Headers"); len(acrh) != 1<<20 {
		t.Errorf("length %d, want %d", len(acrh), 1<<20)
	}
}

// The benchmark names, Framework/scenario/impl, are what benchstat
// compares across versions: they must not change.
func TestEveryFrameworkRunsItsImplementationsUnderTheirNames(t *testing.T) {
	want := map[string][]string{
		"NetHTTP":  {"bare", "corsa", "rs-cors", "floor"},
		"Chi":      {"bare", "corsa", "go-chi-cors", "rs-cors", "floor"},
		"Gin":      {"bare", "corsa", "gin-contrib-cors", "rs-cors", "floor"},
		"Echo":     {"bare", "corsa", "echo-cors", "rs-cors", "floor"},
		"Echo5":    {"bare", "corsa", "echo-cors", "rs-cors", "floor"},
		"FastHTTP": {"bare", "corsa", "floor"},
		"Fiber":    {"bare", "corsa", "fiber-cors", "floor"},
		"Fiber3":   {"bare", "corsa", "fiber-cors", "floor"},
	}
	var order []string
	for _, fw := range suite.Frameworks() {
		order = append(order, fw.Name)
		var got []string
		for _, im := range fw.Impls {
			got = append(got, im.Name)
		}
		t.Run(fw.Name+" runs "+strings.Join(want[fw.Name], ", "), func(t *testing.T) {
			if !slices.Equal(got, want[fw.Name]) {
				t.Errorf("implementations %q, want %q", got, want[fw.Name])
			}
		})
	}
	if w := []string{"NetHTTP", "Chi", "Gin", "Echo", "Echo5", "FastHTTP", "Fiber", "Fiber3"}; !slices.Equal(order, w) {
		t.Errorf("frameworks %q, want %q", order, w)
	}
}

func TestCaseNamesAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range suite.Cases() {
		if seen[c.Name()] {
			t.Errorf("two cases named %s", c.Name())
		}
		seen[c.Name()] = true
	}
}

func casesOf(kind frameworks.Kind) []suite.Case {
	var cs []suite.Case
	for _, c := range suite.Cases() {
		if c.Impl.Kind == kind {
			cs = append(cs, c)
		}
	}
	return cs
}

func caseNamed(t *testing.T, name string) suite.Case {
	t.Helper()
	for _, c := range suite.Cases() {
		if c.Name() == name {
			return c
		}
	}
	t.Fatalf("no case %s", name)
	return suite.Case{}
}

func observe(t *testing.T, c suite.Case) suite.Response {
	t.Helper()
	r, err := c.Observe()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The sharing probe edits rs/cors's package-level slices; it must undo the
// edit, or every later case in the process would send the edited values.
func TestProbingForSharedSlicesLeavesThePeerAsItWas(t *testing.T) {
	c := caseNamed(t, "NetHTTP/actual/rs-cors")
	if _, err := c.Notes(); err != nil {
		t.Fatal(err)
	}
	r := observe(t, c)
	want := http.Header{
		"Access-Control-Allow-Origin":      {conformance.AppOrigin},
		"Access-Control-Allow-Credentials": {"true"},
		"Access-Control-Expose-Headers":    {"X-Total-Count"},
		"Vary":                             {"Origin"},
	}
	if got := corsHeaders(r.Header); !reflect.DeepEqual(got, want) {
		t.Errorf("after probing\n got %v\nwant %v", got, want)
	}
}

// The floor is only a floor if it writes what corsa writes: the same
// status, the same headers, the handler run or not, on every framework.
func TestTheFloorAnswersAsCorsaDoesOnTheScenariosItIsComparedOn(t *testing.T) {
	for _, floor := range casesOf(frameworks.Floor) {
		switch floor.Scenario.Name {
		case scenario.Preflight, scenario.Preflight20, scenario.Actual, scenario.Disallowed, scenario.NoOrigin:
		default:
			continue
		}
		corsa := floor
		for _, im := range floor.Framework.Impls {
			if im.Kind == frameworks.Corsa {
				corsa.Impl = im
			}
		}
		t.Run(floor.Name()+" answers as corsa", func(t *testing.T) {
			got, want := observe(t, floor), observe(t, corsa)
			if got.Status != want.Status || got.HandlerRan != want.HandlerRan {
				t.Errorf("status %d, handler ran %v; corsa: %d, %v", got.Status, got.HandlerRan, want.Status, want.HandlerRan)
			}
			if g, w := corsHeaders(got.Header), corsHeaders(want.Header); !reflect.DeepEqual(g, w) {
				t.Errorf("CORS headers\n got %v\nwant %v", g, w)
			}
		})
	}
}
