package corsagin_test

// The policies, requests, expectations and check are shared by every
// adapter (conformance/adaptertest/paths.go); this file supplies the
// router with its groups.

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"

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

func serveWith(h http.Handler) func(*http.Request) *http.Response {
	return func(r *http.Request) *http.Response {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Result()
	}
}

func TestMustPathsAnswersPreflightsToRoutesInsideGroups(t *testing.T) {
	adaptertest.RunPaths(t, adaptertest.PathsGroupCases(), serveWith(pathsApp(corsagin.MustPaths(adaptertest.PathsPolicies()))))
}

// The documented behaviour of corsa installed twice: globally and with
// RouterGroup.Use.
func TestInstalledTwiceTheGroupPolicyDecidesActualRequests(t *testing.T) {
	r := gin.New()
	r.Use(corsagin.Must(adaptertest.TwiceOuter()))
	api := r.Group("/api", corsagin.Must(adaptertest.TwiceInner()))
	api.GET("/items", pathsOK)
	api.PUT("/items", pathsOK)
	r.GET("/public", pathsOK)
	adaptertest.RunPaths(t, adaptertest.TwiceCases(), serveWith(r))
}

func TestFromPathsFollowsReconfigure(t *testing.T) {
	adaptertest.CheckFromPathsFollowsReconfigure(t, corsagin.FromPaths, func(mw gin.HandlerFunc) func(*http.Request) *http.Response {
		return serveWith(pathsApp(mw))
	})
}

func TestNewPathsRefusesInvalidEntries(t *testing.T) {
	adaptertest.CheckPathsRefuseInvalidEntries(t, corsagin.NewPaths, corsagin.MustPaths)
}
