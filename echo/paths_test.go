package corsaecho_test

// The policies, requests, expectations and check are shared by every
// adapter (conformance/adaptertest/paths.go); this file supplies the
// router with its groups.

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsaecho "github.com/corsa-go/corsa/echo"
)

func pathsOK(c echo.Context) error { return c.NoContent(http.StatusOK) }

// pathsApp installs mw once, with e.Use, and registers routes only inside
// groups, none with an OPTIONS handler.
func pathsApp(mw echo.MiddlewareFunc) *echo.Echo {
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
	adaptertest.RunPaths(t, adaptertest.PathsGroupCases(), serveWith(pathsApp(corsaecho.MustPaths(adaptertest.PathsPolicies()))))
}

// The documented behaviour of corsa installed twice: with e.Use and on a
// Group.
func TestInstalledTwiceTheGroupPolicyDecidesActualRequests(t *testing.T) {
	e := echo.New()
	e.Use(corsaecho.Must(adaptertest.TwiceOuter()))
	api := e.Group("/api", corsaecho.Must(adaptertest.TwiceInner()))
	api.GET("/items", pathsOK)
	api.PUT("/items", pathsOK)
	e.GET("/public", pathsOK)
	adaptertest.RunPaths(t, adaptertest.TwiceCases(), serveWith(e))
}

func TestFromPathsFollowsReconfigure(t *testing.T) {
	adaptertest.CheckFromPathsFollowsReconfigure(t, corsaecho.FromPaths, func(mw echo.MiddlewareFunc) func(*http.Request) *http.Response {
		return serveWith(pathsApp(mw))
	})
}

func TestNewPathsRefusesInvalidEntries(t *testing.T) {
	adaptertest.CheckPathsRefuseInvalidEntries(t, corsaecho.NewPaths, corsaecho.MustPaths)
}
