package adaptertest

// The adapter as the kit's shared checks see it: its constructors, and its
// framework building an app described in framework-neutral terms. Each
// adapter writes that one translation; Run then holds it to every check the
// adapters share.

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
)

// Do serves one request and returns the response: a
// conformance.Server.Do.
type Do = func(*http.Request) (*http.Response, error)

// Adapter is a framework adapter as Run sees it. M is its middleware type,
// what New returns, which is also the framework's own middleware type.
type Adapter[M any] struct {
	// Name is the adapter's package name, which From's panics start with
	// ("corsachi").
	Name string
	// New, Must and From are the adapter's.
	New  func(corsa.Config) (M, error)
	Must func(corsa.Config) M
	From func(corsa.Source) M
	// Serve builds app with the framework's own calls, as the adapter's
	// package documentation tells users to, with the framework's panic
	// recovery outermost, and returns a Do sending it requests until t
	// ends.
	Serve func(t testing.TB, app App[M]) Do
	// Bench builds app as Serve does, without the recovery, for the
	// benchmarks: a Setup named name, serving the scenarios with corsa
	// when cors is set (HTTPSetup, for an app that is an http.Handler).
	Bench func(name string, cors bool, app App[M]) Setup
}

// WithHandler is a with Serve and Bench for a framework whose app is an
// http.Handler, built by build with the framework's own calls: Serve
// installs recover, the framework's panic recovery, outermost and serves
// the app in memory (conformance.Recorder); Bench serves it through
// HTTPSetup.
func (a Adapter[M]) WithHandler(recover M, build func(App[M]) http.Handler) Adapter[M] {
	a.Serve = func(_ testing.TB, app App[M]) Do {
		app.Use = append([]M{recover}, app.Use...)
		return conformance.Recorder(build(app))
	}
	a.Bench = func(name string, cors bool, app App[M]) Setup { return HTTPSetup(name, cors, build(app)) }
	return a
}

// App is an app in framework-neutral terms. Serve builds it the
// framework's way: Use on the whole app in order, then Routes, then each
// of Groups.
type App[M any] struct {
	Use    []M
	Routes []Route
	Groups []Group[M]
}

// Group is routes registered through the framework's own grouping (a
// group, a subrouter) under Prefix, with middleware of the group's own.
type Group[M any] struct {
	Prefix string
	Use    []M
	// Routes' paths are relative to Prefix.
	Routes []Route
}

// Route is one route of an App and what its handler does: first it sets
// each header line of Set, replacing any value, as a handler writing
// headers of its own does; then what the conformance.Route says (mark the
// response, then answer Status, end in it through the framework's error
// path, or panic): a framework's handler for it is one call of Serve. A
// path segment {name} is a parameter (see ColonParams).
type Route struct {
	conformance.Route
	Set [][2]string
}

// Serve does what rt says with a framework's own calls (see
// conformance.Route.Serve): it sets the lines of rt.Set with set first.
func (rt Route) Serve(set, add func(name, value string), fail func(status int) error, write func(body string) error) error {
	for _, h := range rt.Set {
		set(h[0], h[1])
	}
	return rt.Route.Serve(set, add, fail, write)
}

// ServeHTTP is rt's handler on net/http, as conformance.Route's.
func (rt Route) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, h := range rt.Set {
		w.Header().Set(h[0], h[1])
	}
	rt.Route.ServeHTTP(w, r)
}

// Respond is a route whose handler marks the response and answers status
// to method or, with an error status, ends in it the framework's way.
func Respond(method, path string, status int) Route {
	return Route{Route: conformance.Route{Path: path, Methods: []string{method}, Status: status}}
}

// StandardRoutes are conformance.Routes as Routes.
func StandardRoutes() []Route {
	routes := make([]Route, len(conformance.Routes))
	for i, rt := range conformance.Routes {
		routes[i] = Route{Route: rt}
	}
	return routes
}

// ColonParams is path with each {name} segment written :name, as most
// routers but chi and net/http's ServeMux spell a parameter.
func ColonParams(path string) string {
	segments := strings.Split(path, "/")
	for i, s := range segments {
		if name, ok := strings.CutPrefix(s, "{"); ok && strings.HasSuffix(name, "}") {
			segments[i] = ":" + strings.TrimSuffix(name, "}")
		}
	}
	return strings.Join(segments, "/")
}

// Harness is the conformance suite's harness for a: New's middleware on
// the whole app, the suite's standard routes, served by Serve.
func (a Adapter[M]) Harness(t testing.TB) conformance.Harness {
	return func(policy corsa.Config) (conformance.Server, error) {
		mw, err := a.New(policy)
		if err != nil {
			return conformance.Server{}, err
		}
		return conformance.Server{Do: a.Serve(t, App[M]{Use: []M{mw}, Routes: StandardRoutes()})}, nil
	}
}

// Run runs every check the adapters share on a, each a subtest named as a
// sentence: AppCases and extra, the adapter's own cases, on TypicalApp;
// the response to a preflight and to a handler doing its own CORS; New,
// Must and From with each holder; the decision hook; the per-path checks
// and corsa installed twice.
func (a Adapter[M]) Run(t *testing.T, extra ...AppCase) {
	t.Run("on the typical app", func(t *testing.T) {
		RunAppCases(t, a.Serve(t, TypicalApp(a.Must(Policy()))), append(AppCases(), extra...))
	})
	t.Run("what the conformance cases cannot express", a.checkResponseDetails)
	t.Run("New refuses an invalid config", func(t *testing.T) { checkRefusesInvalidConfig(t, a.New, a.Must) })
	t.Run("From refuses nil", func(t *testing.T) { checkFromRefusesNil(t, a.Name+".From", a.From) })
	t.Run("From follows Reconfigure", a.checkFollowsReconfigure)
	t.Run("From serves one policy on two apps", a.checkServesOnePolicyTwice)
	t.Run("OnDecision needs no adapter code", func(t *testing.T) { checkOnDecision(t, a.decisionApp(t)) })
	t.Run("OnDecision reports a request method for preflights only", func(t *testing.T) {
		checkRequestMethodOnlyInPreflights(t, a.decisionApp(t))
	})
	t.Run("an OriginFunc that panics fails closed", func(t *testing.T) { checkOriginFuncPanics(t, a.decisionApp(t)) })
	t.Run("From with Paths answers preflights to routes inside groups", a.checkFromPaths)
	t.Run("From with Paths follows Reconfigure", a.checkFromPathsFollowsReconfigure)
	t.Run("installed twice the group policy decides actual requests", func(t *testing.T) {
		RunPaths(t, TwiceCases(), a.Serve(t, TwiceApp(a.Must(TwiceOuter()), a.Must(TwiceInner()))))
	})
	t.Run("installed twice the group grant replaces the global one", a.checkNested)
}

// decisionApp serves Must(cfg) in front of GET /api/items, for the hook
// checks.
func (a Adapter[M]) decisionApp(t testing.TB) func(corsa.Config) Do {
	return func(cfg corsa.Config) Do {
		return a.Serve(t, App[M]{Use: []M{a.Must(cfg)}, Routes: []Route{Respond(http.MethodGet, "/api/items", http.StatusOK)}})
	}
}

// checkResponseDetails checks, on TypicalApp, what the conformance cases
// cannot: a handler's own Access-Control-Allow-Origin, and the bytes of a
// preflight's answer, at corsa's status and at 200.
func (a Adapter[M]) checkResponseDetails(t *testing.T) {
	t.Run("a handler's own Access-Control-Allow-Origin replaces the middleware's", func(t *testing.T) {
		do := a.Serve(t, TypicalApp(a.Must(Policy())))
		resp, err := do(Actual(http.MethodGet, conformance.AppOrigin, AppOwnCORS).HTTP())
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Values("Access-Control-Allow-Origin"); len(got) != 1 || got[0] != "*" {
			t.Errorf("Access-Control-Allow-Origin %q, want the handler's %q", got, "*")
		}
	})
	status200 := Policy()
	status200.PreflightStatus = http.StatusOK
	want200 := AllowedPreflight()
	want200.Status = http.StatusOK
	for _, tt := range []struct {
		name string
		cfg  corsa.Config
		want conformance.Want
		// lengths are the Content-Length values allowed: none, or 0 where
		// a server may send it.
		lengths []string
	}{
		{"an allowed preflight is 204 with no body, Content-Type or Content-Length", Policy(), AllowedPreflight(), []string{""}},
		{"a preflight answered with status 200 has no body or Content-Type", status200, want200, []string{"", "0"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			do := a.Serve(t, TypicalApp(a.Must(tt.cfg)))
			req := Preflight(conformance.AppOrigin, AppItems, http.MethodPut, "content-type")
			body := Expect(t, do, req, tt.want)
			resp, err := do(req.HTTP())
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			h := resp.Header
			if body != "" || h.Get("Content-Type") != "" || !slices.Contains(tt.lengths, h.Get("Content-Length")) {
				t.Errorf("body %q, Content-Type %q, Content-Length %q: want none", body, h.Get("Content-Type"), h.Get("Content-Length"))
			}
		})
	}
}

// checkServesOnePolicyTwice checks From with one *corsa.Policy on two
// apps: each answers preflights and decorates actual responses with it.
func (a Adapter[M]) checkServesOnePolicyTwice(t *testing.T) {
	p, err := corsa.New(Policy())
	if err != nil {
		t.Fatal(err)
	}
	for _, app := range []string{"the first app", "the second app"} {
		do := a.Serve(t, TypicalApp(a.From(p)))
		t.Run(app+" answers preflights with the shared policy", func(t *testing.T) {
			Expect(t, do, Preflight(conformance.AppOrigin, AppItems, http.MethodPut, "content-type"), AllowedPreflight())
		})
		t.Run(app+" decorates actual responses with the shared policy", func(t *testing.T) {
			Expect(t, do, Actual(http.MethodGet, conformance.AppOrigin, AppItems), AllowedActual())
		})
	}
}
