package adaptertest_test

import (
	"io"
	"net"
	"net/http"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	"github.com/corsa-go/corsa/conformance/scenario"
	"github.com/corsa-go/corsa/internal/adapter"
)

// The kit's other checks, run on the reference, corsa's own net/http
// Handler: each expectation they hold an adapter to is the Handler's
// answer too.

// nethttpFrom is an adapter's From for net/http: a Source's own Handler,
// refusing a nil Source when it is built, as every adapter's From does.
func nethttpFrom(src corsa.Source) func(http.Handler) http.Handler {
	adapter.CheckSource("nethttp.From", src)
	return src.Handler
}

// nethttpMust is an adapter's Must for net/http.
func nethttpMust(cfg corsa.Config) func(http.Handler) http.Handler { return corsa.Must(cfg).Handler }

// coreApp is the app adaptertest.AppCases describes, on net/http.
func coreApp(cors func(http.Handler) http.Handler) http.Handler {
	mark := func(status int) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set(conformance.HandlerHeader, conformance.HandlerRan)
			w.WriteHeader(status)
		}
	}
	mux := http.NewServeMux()
	mux.Handle("GET "+adaptertest.AppItems, mark(http.StatusOK))
	mux.Handle("OPTIONS "+adaptertest.AppOptions, mark(http.StatusOK))
	mux.Handle("GET "+adaptertest.AppGroup, mark(http.StatusOK))
	mux.Handle("GET "+adaptertest.AppMissing, mark(http.StatusNotFound))
	mux.Handle("GET "+adaptertest.AppFailing, mark(http.StatusInternalServerError))
	mux.HandleFunc("GET "+adaptertest.AppPanicking, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set(conformance.HandlerHeader, conformance.HandlerRan)
		panic("handler failed")
	})
	return conformance.Recover(cors(mux))
}

func TestAppCasesOnTheCore(t *testing.T) {
	adaptertest.RunAppCases(t, conformance.Recorder(coreApp(corsa.Must(adaptertest.Policy()).Handler)), adaptertest.AppCases())
}

func TestCheckOnDecisionOnTheCore(t *testing.T) {
	adaptertest.CheckOnDecision(t, func(cfg corsa.Config) func(*http.Request) (*http.Response, error) {
		mux := http.NewServeMux()
		mux.HandleFunc("GET /api/items", func(http.ResponseWriter, *http.Request) {})
		return conformance.Recorder(corsa.Must(cfg).Handler(mux))
	})
}

// coreRoutes serves the per-path groups on net/http, where a prefix is a
// pattern.
func coreRoutes(cors func(http.Handler) http.Handler) func(*http.Request) *http.Response {
	ok := func(http.ResponseWriter, *http.Request) {}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/items", ok)
	mux.HandleFunc("/admin/users/{id}", ok)
	mux.HandleFunc("/public", ok)
	mux.HandleFunc("/apix", ok)
	do := conformance.Recorder(cors(mux))
	return func(r *http.Request) *http.Response {
		resp, err := do(r)
		if err != nil {
			panic(err)
		}
		return resp
	}
}

func TestCheckFromPathsFollowsReconfigureOnTheCore(t *testing.T) {
	adaptertest.CheckFromPathsFollowsReconfigure(t, nethttpFrom, coreRoutes)
}

// coreTwice is corsa installed twice on net/http: outer around every
// route, inner around the /api subtree only.
func coreTwice(outer, inner func(http.Handler) http.Handler) func(*http.Request) *http.Response {
	ok := func(http.ResponseWriter, *http.Request) {}
	api := http.NewServeMux()
	api.HandleFunc("GET /api/items", ok)
	api.HandleFunc("PUT /api/items", ok)
	mux := http.NewServeMux()
	mux.Handle("/api/", inner(api))
	mux.HandleFunc("GET /public", ok)
	do := conformance.Recorder(outer(mux))
	return func(r *http.Request) *http.Response {
		resp, err := do(r)
		if err != nil {
			panic(err)
		}
		return resp
	}
}

func TestTwiceCasesOnTheCore(t *testing.T) {
	adaptertest.RunPaths(t, adaptertest.TwiceCases(),
		coreTwice(nethttpMust(adaptertest.TwiceOuter()), nethttpMust(adaptertest.TwiceInner())))
}

func TestNestedCasesOnTheCore(t *testing.T) {
	adaptertest.RunNested(t, nethttpMust, coreTwice)
}

func TestCheckFromRefusesNilOnTheCore(t *testing.T) {
	adaptertest.CheckFromRefusesNil(t, "nethttp.From", nethttpFrom)
}

// The parity cases are net/http's own answers: the Handler, served on a
// second listener, answers each of them as Want.
func TestParityCasesOnTheCore(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: corsa.Must(adaptertest.ParityPolicy()).Handler(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, "ok")
	}))}
	go srv.Serve(ln)
	defer srv.Close()
	adaptertest.RunParity(t, "the Handler", ln.Addr().String(), adaptertest.ParityCases())
}

// corsa's net/http Handler adds at most one allocation per request, so
// a setup with it passes a budget of one over the bare handler.
func TestCheckAllocsAddedOnTheCore(t *testing.T) {
	bare := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	adaptertest.CheckAllocsAdded(t, 1,
		adaptertest.HTTPSetup("bare", false, bare),
		adaptertest.HTTPSetup("corsa", true, corsa.Must(scenario.Policy()).Handler(bare)))
}
