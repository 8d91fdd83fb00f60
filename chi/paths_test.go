package corsachi_test

// The policies, requests, expectations and check are shared by every
// adapter (conformance/adaptertest/paths.go); this file supplies the
// router with its groups.

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/go-chi/chi/v5"

	corsachi "github.com/corsa-go/corsa/chi"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsa "github.com/corsa-go/corsa/core"
)

func pathsOK(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) }

// pathsRouter installs mw once, on the root router, and registers routes
// only through Route, Mount and Group, none with an OPTIONS handler.
func pathsRouter(mw func(http.Handler) http.Handler) http.Handler {
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
	adaptertest.RunPaths(t, adaptertest.PathsGroupCases(), serveWith(pathsRouter(corsachi.MustPaths(adaptertest.PathsPolicies()))))
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
	pp := corsa.MustPaths(map[string]corsa.Config{"/api": {Origins: []string{adaptertest.PathsEvil}}})
	serve := serveWith(pathsRouter(corsachi.FromPaths(pp)))
	if err := pp.Reconfigure(adaptertest.PathsPolicies()); err != nil {
		t.Fatal(err)
	}
	adaptertest.RunPaths(t, adaptertest.PathsGroupCases(), serve)
}

func TestNewPathsRefusesInvalidEntries(t *testing.T) {
	bad := map[string]corsachi.Config{"api/": {Origins: []string{adaptertest.PathsApp}}, "/x": {Origins: []string{"*"}, Credentials: true}}
	if _, err := corsachi.NewPaths(bad); !errors.Is(err, corsa.ErrPathPrefix) || !errors.Is(err, corsa.ErrWildcardWithCredentials) {
		t.Errorf("NewPaths error = %v, want both problems", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("MustPaths did not panic")
		}
	}()
	corsachi.MustPaths(bad)
}
