package corsachi_test

import (
	"net/http"
	"testing"

	"github.com/corsa-go/corsa"
	corsachi "github.com/corsa-go/corsa/chi"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

// The policy under test is adaptertest.Policy, whose allowed
// responses carry every header; the conformance package also has the
// exact responses core/doc.go prescribes for it.
const (
	appOrigin   = conformance.AppOrigin
	otherOrigin = conformance.OtherOrigin
)

// newApp is the app adaptertest.AppCases describes: logging and panic
// recovery outside the CORS middleware, then routes, a subrouter and an
// OPTIONS route.
func newApp(cors func(http.Handler) http.Handler) *chi.Mux {
	r := chi.NewRouter()
	r.Use(middleware.RequestLogger(quietLog{}), middleware.Recoverer)
	r.Use(cors)
	r.Get(adaptertest.AppItems, markRan)
	r.Options(adaptertest.AppOptions, markRan)
	r.Get(adaptertest.AppMissing, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set(conformance.HandlerHeader, conformance.HandlerRan)
		http.NotFound(w, r)
	})
	r.Get(adaptertest.AppFailing, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set(conformance.HandlerHeader, conformance.HandlerRan)
		http.Error(w, "database unreachable", http.StatusInternalServerError)
	})
	r.Get(adaptertest.AppPanicking, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set(conformance.HandlerHeader, conformance.HandlerRan)
		panic("boom")
	})
	r.Route("/api", func(r chi.Router) {
		r.Get("/things", markRan)
	})
	return r
}

func TestMiddleware(t *testing.T) {
	do := conformance.Recorder(newApp(corsachi.Must(adaptertest.Policy())))
	adaptertest.RunAppCases(t, do, append(adaptertest.AppCases(),
		adaptertest.AppCase{Name: "chi's 405 for a method without a route keeps the actual headers",
			Req: adaptertest.Actual(http.MethodDelete, appOrigin, adaptertest.AppItems), Want: adaptertest.AllowedActualWith(http.StatusMethodNotAllowed, false)},
	))
}

func TestFromPolicyServesOnePolicyOnTwoApps(t *testing.T) {
	p, err := corsa.New(adaptertest.Policy())
	if err != nil {
		t.Fatal(err)
	}
	public, admin := newApp(corsachi.FromPolicy(p)), chi.NewRouter()
	admin.Use(corsachi.FromPolicy(p))
	admin.Get("/settings", markRan)
	for name, tt := range map[string]struct {
		router http.Handler
		path   string
	}{
		"the first router answers with the policy":  {public, "/items"},
		"the second router answers with the policy": {admin, "/settings"},
	} {
		t.Run(name, func(t *testing.T) {
			req := adaptertest.Actual(http.MethodGet, appOrigin, tt.path)
			adaptertest.Expect(t, conformance.Recorder(tt.router), req, adaptertest.AllowedActual())
		})
	}
}

func TestFromMiddlewareFollowsReconfigure(t *testing.T) {
	adaptertest.CheckFollowsReconfigure(t, corsachi.FromMiddleware,
		func(mw func(http.Handler) http.Handler) func(*http.Request) (*http.Response, error) {
			return conformance.Recorder(newApp(mw))
		})
}

func TestNewRefusesAnInvalidConfig(t *testing.T) {
	adaptertest.CheckRefusesInvalidConfig(t, corsachi.New, corsachi.Must)
}
