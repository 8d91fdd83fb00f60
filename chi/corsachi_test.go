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

// The policy under test is adaptertest.Policy, whose allowed responses
// carry every header; adaptertest also has the exact responses SPEC.md
// prescribes for it.
const appOrigin = conformance.AppOrigin

// preflight is the preflight of a cross-origin JSON PUT to path.
func preflight(origin, path string) conformance.Request {
	return adaptertest.Preflight(origin, path, http.MethodPut, "content-type")
}

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

func TestFromServesOnePolicyOnTwoRouters(t *testing.T) {
	p, err := corsa.New(adaptertest.Policy())
	if err != nil {
		t.Fatal(err)
	}
	public, admin := newApp(corsachi.From(p)), chi.NewRouter()
	admin.Use(corsachi.From(p))
	admin.Get("/settings", markRan)
	for _, tt := range []struct {
		name   string
		router http.Handler
		path   string
	}{
		{"the first router answers with the policy", public, adaptertest.AppItems},
		{"the second router answers with the policy", admin, "/settings"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req := adaptertest.Actual(http.MethodGet, appOrigin, tt.path)
			adaptertest.Expect(t, conformance.Recorder(tt.router), req, adaptertest.AllowedActual())
		})
	}
}

func TestFromFollowsReconfigure(t *testing.T) {
	adaptertest.CheckFollowsReconfigure(t, corsachi.From,
		func(mw func(http.Handler) http.Handler) func(*http.Request) (*http.Response, error) {
			return conformance.Recorder(newApp(mw))
		})
}

func TestFromRefusesNil(t *testing.T) {
	adaptertest.CheckFromRefusesNil(t, "corsachi.From", corsachi.From)
}

func TestNewRefusesAnInvalidConfig(t *testing.T) {
	adaptertest.CheckRefusesInvalidConfig(t, corsachi.New, corsachi.Must)
}

// Where doc.go says to register the middleware, and where not: a
// subrouter's Use runs before the subrouter routes, Group and With wrap
// only the handlers of their routes.
func TestMiddlewareOnPartsOfTheRouter(t *testing.T) {
	r := chi.NewRouter()
	r.Route("/sub", func(r chi.Router) {
		r.Use(corsachi.Must(adaptertest.Policy()))
		r.Get("/things", markRan)
	})
	r.Group(func(r chi.Router) {
		r.Use(corsachi.Must(adaptertest.Policy()))
		r.Get("/grouped", markRan)
	})
	r.With(corsachi.Must(adaptertest.Policy())).Get("/with", markRan)
	r.Get("/public", markRan)
	do := conformance.Recorder(r)

	tests := []struct {
		name string
		req  conformance.Request
		want conformance.Want
	}{
		{"a subrouter's middleware answers preflights to its routes without an OPTIONS handler",
			preflight(appOrigin, "/sub/things"), adaptertest.AllowedPreflight()},
		{"a subrouter's middleware answers preflights to unknown paths under its mount point",
			preflight(appOrigin, "/sub/nowhere"), adaptertest.AllowedPreflight()},
		{"a subrouter's middleware decorates its responses",
			adaptertest.Actual(http.MethodGet, appOrigin, "/sub/things"), adaptertest.AllowedActual()},
		{"a Group's middleware decorates its routes' responses",
			adaptertest.Actual(http.MethodGet, appOrigin, "/grouped"), adaptertest.AllowedActual()},
		{"a Group's middleware never sees a preflight: chi answers it with 405",
			preflight(appOrigin, "/grouped"), conformance.Want{Status: http.StatusMethodNotAllowed}},
		{"a With middleware never sees a preflight: chi answers it with 405",
			preflight(appOrigin, "/with"), conformance.Want{Status: http.StatusMethodNotAllowed}},
		{"routes outside them are left alone",
			adaptertest.Actual(http.MethodGet, appOrigin, "/public"), conformance.Want{Status: http.StatusOK, HandlerRan: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			adaptertest.Expect(t, do, tt.req, tt.want)
		})
	}
}
