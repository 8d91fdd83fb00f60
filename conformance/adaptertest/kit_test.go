package adaptertest_test

import (
	"io"
	"net/http"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	"github.com/corsa-go/corsa/internal/adapter"
)

// The kit's checks, run on the reference, corsa's own net/http Handler:
// each expectation they hold an adapter to is the Handler's answer too.

// nethttp is corsa's own net/http Handler as an adapter, served on a
// ServeMux, each group's routes on one of its own: the kit's shared
// checks hold every adapter to what it answers.
var nethttp = adaptertest.Adapter[func(http.Handler) http.Handler]{
	Name: "nethttp",
	New: func(cfg corsa.Config) (func(http.Handler) http.Handler, error) {
		p, err := corsa.New(cfg)
		if err != nil {
			return nil, err
		}
		return p.Handler, nil
	},
	Must: func(cfg corsa.Config) func(http.Handler) http.Handler { return corsa.Must(cfg).Handler },
	// From refuses a nil Source when it is built, as every adapter's does.
	From: func(src corsa.Source) func(http.Handler) http.Handler {
		adapter.CheckSource("nethttp.From", src)
		return src.Handler
	},
}.WithHandler(conformance.Recover, func(app adaptertest.App[func(http.Handler) http.Handler]) http.Handler {
	mux := http.NewServeMux()
	handle(mux, "", app.Routes)
	for _, g := range app.Groups {
		group := http.NewServeMux()
		handle(group, g.Prefix, g.Routes)
		mux.Handle(g.Prefix+"/", chain(g.Use, group))
	}
	return chain(app.Use, mux)
})

// handle registers routes, under prefix, on mux.
func handle(mux *http.ServeMux, prefix string, routes []adaptertest.Route) {
	for _, rt := range routes {
		for _, m := range rt.Methods {
			mux.Handle(m+" "+prefix+rt.Path, rt)
		}
	}
}

// chain is h behind every middleware of use, the first outermost.
func chain(use []func(http.Handler) http.Handler, h http.Handler) http.Handler {
	for i := len(use) - 1; i >= 0; i-- {
		h = use[i](h)
	}
	return h
}

func TestSharedChecksOnTheCore(t *testing.T) {
	nethttp.Run(t)
}

func TestHarnessOnTheCore(t *testing.T) {
	conformance.Run(t, nethttp.Harness(t))
}

// The parity cases are net/http's own answers: the Handler, served on a
// second listener, answers each of them as Want.
func TestParityCasesOnTheCore(t *testing.T) {
	srv := &http.Server{Handler: corsa.Must(adaptertest.ParityPolicy()).Handler(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, "ok")
	}))}
	nameKeeping := adaptertest.NameKeepingCases()
	for i := range nameKeeping {
		nameKeeping[i].Other = nil // what a name-keeping server answers instead
	}
	adaptertest.RunParity(t, "the Handler", adaptertest.Listen(t, srv.Serve, srv.Close), append(adaptertest.ParityCases(), nameKeeping...))
}

// corsa's net/http Handler adds at most one allocation per request, so
// a setup with it passes a budget of one over the bare handler, and so
// does a Paths over its policy.
func TestCheckAllocsAddedOnTheCore(t *testing.T) {
	t.Run("the Handler", func(t *testing.T) { nethttp.CheckMiddlewareAllocs(t, 1) })
	t.Run("a Paths", func(t *testing.T) { nethttp.CheckFromPathsAllocs(t, 1) })
}

// net/http's ServeMux compares letter case exactly, as corsa.Paths does.
func TestLetterCaseCasesOnTheCore(t *testing.T) {
	pp, err := corsa.NewPaths(adaptertest.PathsPolicies())
	if err != nil {
		t.Fatal(err)
	}
	adaptertest.RunPaths(t, adaptertest.LetterCaseCases(false), nethttp.Serve(t, adaptertest.GroupedApp(nethttp.From(pp))))
}

// On net/http, corsa's Handler adds Origin to a Vary set before it runs,
// and the grant is the policy's: the Vary check holds.
func TestCheckVaryOnTheCore(t *testing.T) {
	setVary := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Vary", "Accept-Encoding")
			next.ServeHTTP(w, r)
		})
	}
	ok := http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	for _, tt := range []struct {
		name   string
		cfg    corsa.Config
		origin string
		want   []string
	}{
		{"a listed origin gets Vary: Origin after the earlier line", adaptertest.VaryListed(), adaptertest.VaryOrigin, []string{"Accept-Encoding", "Origin"}},
		{"a request without Origin gets Vary: Origin too", adaptertest.VaryListed(), "", []string{"Accept-Encoding", "Origin"}},
		{"an any-origin answer does not vary", adaptertest.VaryAny(), adaptertest.VaryOrigin, []string{"Accept-Encoding"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			adaptertest.CheckVary(t, conformance.Recorder(setVary(corsa.Must(tt.cfg).Handler(ok))), tt.cfg, tt.origin, tt.want)
		})
	}
}
