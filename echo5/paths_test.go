package corsaecho5_test

// The policies, requests, expectations and check are shared by every
// adapter (conformance/adaptertest/paths.go); this file supplies the
// router with its groups.

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v5"

	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsa "github.com/corsa-go/corsa/core"
	corsaecho5 "github.com/corsa-go/corsa/echo5"
)

func pathsOK(c *echo.Context) error { return c.NoContent(http.StatusOK) }

// pathsEcho installs mw once, with e.Use, and registers routes only inside
// groups, none with an OPTIONS handler.
func pathsEcho(mw echo.MiddlewareFunc) *echo.Echo {
	e := echo.New()
	e.Use(mw)
	api := e.Group("/api")
	api.GET("/items", pathsOK)
	api.PUT("/items", pathsOK)
	admin := e.Group("/admin")
	admin.DELETE("/users/:id", pathsOK)
	e.GET("/public", pathsOK)
	e.GET("/apix", pathsOK)
	return e
}

func serveWith(h http.Handler) func(*http.Request) *http.Response {
	return func(r *http.Request) *http.Response {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Result()
	}
}

func TestMustPathsAnswersPreflightsToRoutesInsideGroups(t *testing.T) {
	adaptertest.RunPaths(t, adaptertest.PathsGroupCases(), serveWith(pathsEcho(corsaecho5.MustPaths(adaptertest.PathsPolicies()))))
}

// The documented behaviour of corsa installed twice: with e.Use and on a
// Group.
func TestInstalledTwiceTheGroupPolicyDecidesActualRequests(t *testing.T) {
	e := echo.New()
	e.Use(corsaecho5.Must(adaptertest.TwiceOuter()))
	api := e.Group("/api", corsaecho5.Must(adaptertest.TwiceInner()))
	api.GET("/items", pathsOK)
	api.PUT("/items", pathsOK)
	e.GET("/public", pathsOK)
	adaptertest.RunPaths(t, adaptertest.TwiceCases(), serveWith(e))
}

func TestFromPathsFollowsReconfigure(t *testing.T) {
	pp := corsa.MustPaths(map[string]corsa.Config{"/api": {Origins: []string{adaptertest.PathsEvil}}})
	serve := serveWith(pathsEcho(corsaecho5.FromPaths(pp)))
	if err := pp.Reconfigure(adaptertest.PathsPolicies()); err != nil {
		t.Fatal(err)
	}
	adaptertest.RunPaths(t, adaptertest.PathsGroupCases(), serve)
}

func TestNewPathsRefusesInvalidEntries(t *testing.T) {
	bad := map[string]corsaecho5.Config{"api/": {Origins: []string{adaptertest.PathsApp}}, "/x": {Origins: []string{"*"}, Credentials: true}}
	if _, err := corsaecho5.NewPaths(bad); !errors.Is(err, corsa.ErrPathPrefix) || !errors.Is(err, corsa.ErrWildcardWithCredentials) {
		t.Errorf("NewPaths error = %v, want both problems", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("MustPaths did not panic")
		}
	}()
	corsaecho5.MustPaths(bad)
}
