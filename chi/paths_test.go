package corsachi_test

// The policies, requests, expectations and check are shared by every
// adapter (conformance/adaptertest/paths.go); this file supplies the
// router with its groups.

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/go-chi/chi/v5"

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

func serveWith(h http.Handler) func(*http.Request) *http.Response {
	return func(r *http.Request) *http.Response {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Result()
	}
}

func TestMustPathsAnswersPreflightsToRoutesInsideGroups(t *testing.T) {
	adaptertest.RunPaths(t, adaptertest.PathsGroupCases(), serveWith(pathsApp(corsachi.MustPaths(adaptertest.PathsPolicies()))))
}

// The documented behaviour of corsa installed twice: on the root router
// and inside Route.
func TestInstalledTwiceTheGroupPolicyDecidesActualRequests(t *testing.T) {
	r := chi.NewRouter()
	r.Use(corsachi.Must(adaptertest.TwiceOuter()))
	r.Route("/api", func(r chi.Router) {
		r.Use(corsachi.Must(adaptertest.TwiceInner()))
		r.Get("/items", pathsOK)
		r.Put("/items", pathsOK)
	})
	r.Get("/public", pathsOK)
	adaptertest.RunPaths(t, adaptertest.TwiceCases(), serveWith(r))
}

func TestFromPathsFollowsReconfigure(t *testing.T) {
	adaptertest.CheckFromPathsFollowsReconfigure(t, corsachi.FromPaths, func(mw func(http.Handler) http.Handler) func(*http.Request) *http.Response {
		return serveWith(pathsApp(mw))
	})
}

func TestNewPathsRefusesInvalidEntries(t *testing.T) {
	adaptertest.CheckPathsRefuseInvalidEntries(t, corsachi.NewPaths, corsachi.MustPaths)
}
