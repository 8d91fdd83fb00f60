package corsagin_test

import (
	"io"
	"net/http"
	"os"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsa "github.com/corsa-go/corsa/core"
	corsagin "github.com/corsa-go/corsa/gin"
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	os.Exit(m.Run())
}

// The policy under test is adaptertest.Policy, whose allowed
// responses carry every header; the conformance package also has the
// exact responses core/doc.go prescribes for it.
const (
	appOrigin  = conformance.AppOrigin
	evilOrigin = conformance.EvilOrigin
)

// preflight is the preflight of a cross-origin JSON PUT to path.
func preflight(origin, path string) conformance.Request {
	return adaptertest.Preflight(origin, path, http.MethodPut, "content-type")
}

// handle marks that the handler ran and answers status through gin's own
// calls: written for 2xx, aborted otherwise.
func handle(status int) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header(conformance.HandlerHeader, conformance.HandlerRan)
		if status >= 300 {
			c.AbortWithStatus(status)
			return
		}
		c.Status(status)
	}
}

// newApp installs mw the way doc.go says to, globally before any route,
// with recovery outside it, and registers routes that end in each way a
// gin handler can end.
func newApp(mw gin.HandlerFunc, handleMethodNotAllowed bool) *gin.Engine {
	r := gin.New()
	r.HandleMethodNotAllowed = handleMethodNotAllowed
	r.Use(gin.RecoveryWithWriter(io.Discard), mw)
	r.GET("/items", handle(http.StatusOK))
	r.OPTIONS("/options", handle(http.StatusOK))
	r.GET("/missing", handle(http.StatusNotFound))
	r.GET("/failing", handle(http.StatusInternalServerError))
	r.GET("/panicking", func(c *gin.Context) {
		c.Header(conformance.HandlerHeader, conformance.HandlerRan)
		panic("handler failed")
	})
	r.Group("/api").PUT("/things", handle(http.StatusOK))
	return r
}

func TestMiddleware(t *testing.T) {
	mw, err := corsagin.New(adaptertest.Policy())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		hmna       bool // Engine.HandleMethodNotAllowed
		req        conformance.Request
		status     int
		want       conformance.Want // its headers and Vary
		handlerRan bool
	}{
		{"a preflight to a route without an OPTIONS handler is answered by the policy",
			false, preflight(appOrigin, "/items"), http.StatusNoContent, adaptertest.AllowedPreflight(), false},
		{"a preflight to a route with its own OPTIONS handler is answered by the policy alone",
			false, preflight(appOrigin, "/options"), http.StatusNoContent, adaptertest.AllowedPreflight(), false},
		{"a preflight to a route in a group is answered by the policy",
			false, preflight(appOrigin, "/api/things"), http.StatusNoContent, adaptertest.AllowedPreflight(), false},
		{"a preflight to an unknown path is answered by the policy",
			false, preflight(appOrigin, "/nowhere"), http.StatusNoContent, adaptertest.AllowedPreflight(), false},
		{"a preflight is answered by the policy when the engine handles 405s",
			true, preflight(appOrigin, "/items"), http.StatusNoContent, adaptertest.AllowedPreflight(), false},
		{"a preflight from a refused origin gets 403 and only Vary",
			false, preflight(evilOrigin, "/items"), http.StatusForbidden, adaptertest.RefusedPreflight(), false},
		{"an actual request from an allowed origin gets the actual headers",
			false, adaptertest.Actual(http.MethodGet, appOrigin, "/items"), http.StatusOK, adaptertest.AllowedActual(), true},
		{"an actual request from a refused origin still runs the handler, with only Vary",
			false, adaptertest.Actual(http.MethodGet, evilOrigin, "/items"), http.StatusOK, adaptertest.RefusedActual(), true},
		{"a request without Origin gets only Vary",
			false, adaptertest.Actual(http.MethodGet, "", "/items"), http.StatusOK, adaptertest.RefusedActual(), true},
		{"an OPTIONS request without Access-Control-Request-Method reaches the OPTIONS handler",
			false, adaptertest.Actual(http.MethodOptions, appOrigin, "/options"), http.StatusOK, adaptertest.AllowedActual(), true},
		{"an OPTIONS request without Access-Control-Request-Method gets gin's own 404 elsewhere",
			false, adaptertest.Actual(http.MethodOptions, appOrigin, "/items"), http.StatusNotFound, adaptertest.AllowedActual(), false},
		{"the headers survive a handler aborting with 404",
			false, adaptertest.Actual(http.MethodGet, appOrigin, "/missing"), http.StatusNotFound, adaptertest.AllowedActual(), true},
		{"the headers survive a handler aborting with 500",
			false, adaptertest.Actual(http.MethodGet, appOrigin, "/failing"), http.StatusInternalServerError, adaptertest.AllowedActual(), true},
		{"the headers survive a panic recovered by gin.Recovery",
			false, adaptertest.Actual(http.MethodGet, appOrigin, "/panicking"), http.StatusInternalServerError, adaptertest.AllowedActual(), true},
		{"the headers survive gin's own 404 for an unknown path",
			false, adaptertest.Actual(http.MethodGet, appOrigin, "/nowhere"), http.StatusNotFound, adaptertest.AllowedActual(), false},
		{"the headers survive gin's own 405",
			true, adaptertest.Actual(http.MethodDelete, appOrigin, "/items"), http.StatusMethodNotAllowed, adaptertest.AllowedActual(), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			want.Status, want.HandlerRan = tt.status, tt.handlerRan
			adaptertest.Expect(t, conformance.Recorder(newApp(mw, tt.hmna)), tt.req, want)
		})
	}
}

func TestNewRefusesAnInvalidConfig(t *testing.T) {
	adaptertest.CheckRefusesInvalidConfig(t, corsagin.New, corsagin.Must)
}

func TestMiddlewareOnAGroupDecoratesOnlyThatGroup(t *testing.T) {
	r := gin.New()
	r.GET("/public", handle(http.StatusOK))
	api := r.Group("/api", corsagin.Must(adaptertest.Policy()))
	api.GET("/things", handle(http.StatusOK))
	do := conformance.Recorder(r)

	t.Run("a group's middleware decorates that group's responses", func(t *testing.T) {
		adaptertest.Expect(t, do, adaptertest.Actual(http.MethodGet, appOrigin, "/api/things"), adaptertest.AllowedActual())
	})
	t.Run("a group's middleware leaves routes outside the group alone", func(t *testing.T) {
		want := conformance.Want{Status: http.StatusOK, HandlerRan: true} // and no Vary
		adaptertest.Expect(t, do, adaptertest.Actual(http.MethodGet, appOrigin, "/public"), want)
	})
	// This is why doc.go asks for Engine.Use: gin routes a preflight to a
	// route without OPTIONS handler to NoRoute, which only runs the
	// engine's middleware.
	t.Run("a group's middleware never sees preflights to routes without an OPTIONS handler", func(t *testing.T) {
		adaptertest.Expect(t, do, preflight(appOrigin, "/api/things"), conformance.Want{Status: http.StatusNotFound})
	})
}

func TestFromMiddlewareFollowsReconfigure(t *testing.T) {
	adaptertest.CheckFollowsReconfigure(t, corsagin.FromMiddleware,
		func(mw gin.HandlerFunc) func(*http.Request) (*http.Response, error) {
			return conformance.Recorder(newApp(mw, false))
		})
}

func TestFromPolicyServesOnePolicyOnTwoApps(t *testing.T) {
	p, err := corsa.New(adaptertest.Policy())
	if err != nil {
		t.Fatal(err)
	}
	engines := map[string]*gin.Engine{
		"the first engine":  newApp(corsagin.FromPolicy(p), false),
		"the second engine": newApp(corsagin.FromPolicy(p), true),
	}
	for name, r := range engines {
		t.Run(name+" answers preflights with the shared policy", func(t *testing.T) {
			adaptertest.Expect(t, conformance.Recorder(r), preflight(appOrigin, "/items"), adaptertest.AllowedPreflight())
		})
		t.Run(name+" decorates actual responses with the shared policy", func(t *testing.T) {
			adaptertest.Expect(t, conformance.Recorder(r), adaptertest.Actual(http.MethodGet, appOrigin, "/items"), adaptertest.AllowedActual())
		})
	}
}
