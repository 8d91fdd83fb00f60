package corsaecho_test

// The policies, requests, expectations and checks are shared by every
// adapter (conformance/adaptertest/paths.go); this file supplies the
// router with its groups.

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/corsa-go/corsa"
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

// twiceApp installs corsa twice: outer with register (e.Use or e.Pre),
// inner on the /api group.
func twiceApp(register func(*echo.Echo, echo.MiddlewareFunc), outer, inner echo.MiddlewareFunc) func(*http.Request) *http.Response {
	e := echo.New()
	register(e, outer)
	api := e.Group("/api", inner)
	api.GET("/items", pathsOK)
	api.PUT("/items", pathsOK)
	e.GET("/public", pathsOK)
	return serveWith(e)
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
	adaptertest.RunPaths(t, adaptertest.PathsGroupCases(), serveWith(pathsApp(corsaecho.From(pp))))
}

func TestFromPathsFollowsReconfigure(t *testing.T) {
	adaptertest.CheckFromPathsFollowsReconfigure(t, corsaecho.From, func(mw echo.MiddlewareFunc) func(*http.Request) *http.Response {
		return serveWith(pathsApp(mw))
	})
}

// The documented behaviour of corsa installed twice: with e.Use or e.Pre,
// and on a Group.
func TestInstalledTwiceTheGroupPolicyDecidesActualRequests(t *testing.T) {
	for _, reg := range registrations {
		t.Run("the outer one registered "+reg.name, func(t *testing.T) {
			adaptertest.RunPaths(t, adaptertest.TwiceCases(),
				twiceApp(reg.register, corsaecho.Must(adaptertest.TwiceOuter()), corsaecho.Must(adaptertest.TwiceInner())))
		})
	}
}

// Installed twice, the group's middleware leaves nothing of the global
// grant that it would not make itself: not under a global "*" policy, not
// its credentials or exposed headers.
func TestInstalledTwiceTheGroupGrantReplacesTheGlobalOne(t *testing.T) {
	for _, reg := range registrations {
		t.Run("the outer one registered "+reg.name, func(t *testing.T) {
			adaptertest.RunNested(t, corsaecho.Must, func(outer, inner echo.MiddlewareFunc) func(*http.Request) *http.Response {
				return twiceApp(reg.register, outer, inner)
			})
		})
	}
}
