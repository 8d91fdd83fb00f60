package corsachi_test

import (
	"net/http"
	"testing"

	corsachi "github.com/corsa-go/corsa/chi"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsa "github.com/corsa-go/corsa/core"
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

// newApp is a typical chi application: logging and panic recovery
// outside the CORS middleware, then routes, a subrouter and an OPTIONS
// route.
func newApp(cors func(http.Handler) http.Handler) *chi.Mux {
	r := chi.NewRouter()
	r.Use(middleware.RequestLogger(quietLog{}), middleware.Recoverer)
	r.Use(cors)
	r.Get("/items", markRan)
	r.Post("/items", markRan)
	r.Options("/opts", markRan)
	r.Get("/panic", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set(conformance.HandlerHeader, conformance.HandlerRan)
		panic("boom")
	})
	r.Route("/api", func(r chi.Router) {
		r.Get("/users", markRan)
	})
	return r
}

func TestMiddleware(t *testing.T) {
	do := conformance.Recorder(newApp(corsachi.Must(adaptertest.Policy())))
	preflight := func(path, method string) conformance.Request {
		return adaptertest.Preflight(appOrigin, path, method, "content-type,x-request-id")
	}
	get := func(origin, path string) conformance.Request {
		return adaptertest.Actual(http.MethodGet, origin, path)
	}
	tests := []struct {
		name       string
		req        conformance.Request
		status     int
		handlerRan bool
		emptyBody  bool
		want       conformance.Want // its headers and Vary
	}{
		{
			name:   "a preflight to a route without an OPTIONS handler is answered by the policy",
			req:    preflight("/items", "PUT"),
			status: http.StatusNoContent, emptyBody: true, want: adaptertest.AllowedPreflight(),
		},
		{
			name:   "a preflight to an unknown path is answered by the policy",
			req:    preflight("/nowhere", "DELETE"),
			status: http.StatusNoContent, emptyBody: true, want: adaptertest.AllowedPreflight(),
		},
		{
			name:   "a preflight to a subrouter's route is answered by the policy",
			req:    preflight("/api/users", "PUT"),
			status: http.StatusNoContent, emptyBody: true, want: adaptertest.AllowedPreflight(),
		},
		{
			name:   "a preflight for a method the policy does not list is refused with 403",
			req:    preflight("/items", "PATCH"),
			status: http.StatusForbidden, emptyBody: true, want: adaptertest.RefusedPreflight(),
		},
		{
			name:   "an allowed GET runs the handler with the actual headers",
			req:    get(appOrigin, "/items"),
			status: http.StatusOK, handlerRan: true, want: adaptertest.AllowedActual(),
		},
		{
			name:   "an OPTIONS request without Access-Control-Request-Method runs the OPTIONS handler",
			req:    adaptertest.Actual(http.MethodOptions, appOrigin, "/opts"),
			status: http.StatusOK, handlerRan: true, want: adaptertest.AllowedActual(),
		},
		{
			name:   "a subrouter's route gets the actual headers",
			req:    get(appOrigin, "/api/users"),
			status: http.StatusOK, handlerRan: true, want: adaptertest.AllowedActual(),
		},
		{
			name:   "chi's 404 for an unknown path keeps the actual headers",
			req:    get(appOrigin, "/nowhere"),
			status: http.StatusNotFound, want: adaptertest.AllowedActual(),
		},
		{
			name:   "chi's 405 for a method without a route keeps the actual headers",
			req:    adaptertest.Actual(http.MethodDelete, appOrigin, "/items"),
			status: http.StatusMethodNotAllowed, want: adaptertest.AllowedActual(),
		},
		{
			name:   "a panic recovered by middleware.Recoverer keeps the actual headers",
			req:    get(appOrigin, "/panic"),
			status: http.StatusInternalServerError, handlerRan: true, want: adaptertest.AllowedActual(),
		},
		{
			name:   "a request from an origin the policy does not list runs the handler with only Vary",
			req:    get(otherOrigin, "/items"),
			status: http.StatusOK, handlerRan: true, want: adaptertest.RefusedActual(),
		},
		{
			name:   "a request without Origin runs the handler with only Vary",
			req:    get("", "/items"),
			status: http.StatusOK, handlerRan: true, want: adaptertest.RefusedActual(),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			want.Status, want.HandlerRan = tt.status, tt.handlerRan
			if body := adaptertest.Expect(t, do, tt.req, want); tt.emptyBody && body != "" {
				t.Errorf("body = %q, want none", body)
			}
		})
	}
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
