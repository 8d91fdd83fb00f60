package corsagin_test

// The policies, requests, expectations and checks are shared by every
// adapter (conformance/adaptertest/paths.go); this file supplies the
// router with its groups.

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsagin "github.com/corsa-go/corsa/gin"
)

func pathsOK(c *gin.Context) { c.Status(http.StatusOK) }

// pathsApp installs mw once, globally, and registers routes only inside
// groups, none with an OPTIONS handler.
func pathsApp(mw gin.HandlerFunc) *gin.Engine {
	r := gin.New()
	r.Use(mw)
	api := r.Group("/api")
	api.GET("/items", pathsOK)
	api.PUT("/items", pathsOK)
	admin := r.Group("/admin")
	admin.DELETE("/users/:id", pathsOK)
	r.GET("/public", pathsOK)
	r.GET("/apix", pathsOK)
	return r
}

// twiceApp installs corsa twice: outer with Engine.Use, inner on the /api
// group.
func twiceApp(outer, inner gin.HandlerFunc) func(*http.Request) *http.Response {
	r := gin.New()
	r.Use(outer)
	api := r.Group("/api", inner)
	api.GET("/items", pathsOK)
	api.PUT("/items", pathsOK)
	r.GET("/public", pathsOK)
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
	adaptertest.RunPaths(t, adaptertest.PathsGroupCases(), serveWith(pathsApp(corsagin.From(pp))))
}

func TestFromPathsFollowsReconfigure(t *testing.T) {
	adaptertest.CheckFromPathsFollowsReconfigure(t, corsagin.From, func(mw gin.HandlerFunc) func(*http.Request) *http.Response {
		return serveWith(pathsApp(mw))
	})
}

// The documented behaviour of corsa installed twice: globally and with
// RouterGroup.Use.
func TestInstalledTwiceTheGroupPolicyDecidesActualRequests(t *testing.T) {
	adaptertest.RunPaths(t, adaptertest.TwiceCases(),
		twiceApp(corsagin.Must(adaptertest.TwiceOuter()), corsagin.Must(adaptertest.TwiceInner())))
}

// Installed twice, the group's middleware leaves nothing of the global
// grant that it would not make itself: not under a global "*" policy, not
// its credentials or exposed headers.
func TestInstalledTwiceTheGroupGrantReplacesTheGlobalOne(t *testing.T) {
	adaptertest.RunNested(t, corsagin.Must, twiceApp)
}
