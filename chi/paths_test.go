package corsachi_test

// The policies, requests, expectations and checks are shared by every
// adapter (conformance/adaptertest/paths.go); this file supplies the
// router with its groups.

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/go-chi/chi/v5"

	"github.com/corsa-go/corsa"
	corsachi "github.com/corsa-go/corsa/chi"
	"github.com/corsa-go/corsa/conformance/adaptertest"
)

func pathsOK(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) }

// pathsApp installs mw once, on the root router, and registers routes
// only through Route, Mount and Group, none with an OPTIONS handler.
func pathsApp(mw func(http.Handler) http.Handler) http.Handler {
	r := chi.NewRouter()
	r.Use(mw)
	r.Route("/api", func(r chi.Router) {
		r.Get("/items", pathsOK)
		r.Put("/items", pathsOK)
	})
	admin := chi.NewRouter()
	admin.Delete("/users/{id}", pathsOK)
	r.Mount("/admin", admin)
	r.Group(func(r chi.Router) {
		r.Get("/public", pathsOK)
		r.Get("/apix", pathsOK)
	})
	return r
}

// twiceApp installs corsa twice: outer on the root router, inner inside
// Route.
func twiceApp(outer, inner func(http.Handler) http.Handler) func(*http.Request) *http.Response {
	r := chi.NewRouter()
	r.Use(outer)
	r.Route("/api", func(r chi.Router) {
		r.Use(inner)
		r.Get("/items", pathsOK)
		r.Put("/items", pathsOK)
	})
	r.Get("/public", pathsOK)
	return serveWith(r)
}

func serveWith(h http.Handler) func(*http.Request) *http.Response {
	return func(r *http.Request) *http.Response {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Result()
	}
}

func TestFromPathsAnswersPreflightsToRoutesInsideGroups(t *testing.T) {
	pp, err := corsa.NewPaths(adaptertest.PathsPolicies())
	if err != nil {
		t.Fatal(err)
	}
	adaptertest.RunPaths(t, adaptertest.PathsGroupCases(), serveWith(pathsApp(corsachi.From(pp))))
}

func TestFromPathsFollowsReconfigure(t *testing.T) {
	adaptertest.CheckFromPathsFollowsReconfigure(t, corsachi.From, func(mw func(http.Handler) http.Handler) func(*http.Request) *http.Response {
		return serveWith(pathsApp(mw))
	})
}

// The documented behaviour of corsa installed twice: on the root router
// and inside Route.
func TestInstalledTwiceTheGroupPolicyDecidesActualRequests(t *testing.T) {
	adaptertest.RunPaths(t, adaptertest.TwiceCases(),
		twiceApp(corsachi.Must(adaptertest.TwiceOuter()), corsachi.Must(adaptertest.TwiceInner())))
}

// Installed twice, the inner middleware leaves nothing of the outer grant
// that it would not make itself: not under an outer "*" policy, not its
// credentials or exposed headers.
func TestInstalledTwiceTheGroupGrantReplacesTheGlobalOne(t *testing.T) {
	adaptertest.RunNested(t, corsachi.Must, twiceApp)
}
