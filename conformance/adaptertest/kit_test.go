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
)

// The kit's other checks, run on core's net/http middleware, the
// reference: each expectation they hold an adapter to is the core's own
// answer.

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

func TestPathsChecksOnTheCore(t *testing.T) {
	fromPaths := func(pp *corsa.Paths) func(http.Handler) http.Handler { return pp.Handler }
	t.Run("FromPaths follows Reconfigure", func(t *testing.T) {
		adaptertest.CheckFromPathsFollowsReconfigure(t, fromPaths, coreRoutes)
	})
	t.Run("NewPaths refuses invalid entries", func(t *testing.T) {
		adaptertest.CheckPathsRefuseInvalidEntries(t,
			func(m map[string]corsa.Config) (func(http.Handler) http.Handler, error) {
				pp, err := corsa.NewPaths(m)
				if err != nil {
					return nil, err
				}
				return pp.Handler, nil
			},
			func(m map[string]corsa.Config) func(http.Handler) http.Handler { return corsa.MustPaths(m).Handler })
	})
}

// The parity cases are net/http's own answers: the core, served on a
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
	adaptertest.RunParity(t, "the core", ln.Addr().String(), adaptertest.ParityCases())
}

// The core's net/http Handler adds at most one allocation per request, so
// a setup with it passes a budget of one over the bare handler.
func TestCheckAllocsAddedOnTheCore(t *testing.T) {
	bare := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	adaptertest.CheckAllocsAdded(t, 1,
		adaptertest.HTTPSetup("bare", false, bare),
		adaptertest.HTTPSetup("corsa", true, corsa.Must(scenario.Policy()).Handler(bare)))
}
