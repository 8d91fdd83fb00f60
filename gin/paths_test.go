package corsagin_test

// The policies, requests, expectations and check are shared by every
// adapter (conformance/adaptertest/paths.go); this file supplies the
// router with its groups.

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsa "github.com/corsa-go/corsa/core"
	corsagin "github.com/corsa-go/corsa/gin"
)

func pathsOK(c *gin.Context) { c.Status(http.StatusOK) }

// pathsEngine installs mw once, globally, and registers routes only inside
// groups, none with an OPTIONS handler.
func pathsEngine(mw gin.HandlerFunc) *gin.Engine {
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
	adaptertest.RunPaths(t, adaptertest.PathsGroupCases(), serveWith(pathsEngine(corsagin.MustPaths(adaptertest.PathsPolicies()))))
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
	pp := corsa.MustPaths(map[string]corsa.Config{"/api": {Origins: []string{adaptertest.PathsEvil}}})
	serve := serveWith(pathsEngine(corsagin.FromPaths(pp)))
	if err := pp.Reconfigure(adaptertest.PathsPolicies()); err != nil {
		t.Fatal(err)
	}
	adaptertest.RunPaths(t, adaptertest.PathsGroupCases(), serve)
}

func TestNewPathsRefusesInvalidEntries(t *testing.T) {
	bad := map[string]corsagin.Config{"api/": {Origins: []string{adaptertest.PathsApp}}, "/x": {Origins: []string{"*"}, Credentials: true}}
	if _, err := corsagin.NewPaths(bad); !errors.Is(err, corsa.ErrPathPrefix) || !errors.Is(err, corsa.ErrWildcardWithCredentials) {
		t.Errorf("NewPaths error = %v, want both problems", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("MustPaths did not panic")
		}
	}()
	corsagin.MustPaths(bad)
}
