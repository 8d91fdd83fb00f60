package corsagin_test

import (
	"io"
	"net/http"
	"os"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsagin "github.com/corsa-go/corsa/gin"
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	os.Exit(m.Run())
}

// The policy under test is adaptertest.Policy, whose allowed responses
// carry every header; adaptertest also has the exact responses SPEC.md
// prescribes for it.
const appOrigin = conformance.AppOrigin

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

// newApp is the app adaptertest.AppCases describes: mw installed the way
// doc.go says to, globally before any route, with recovery outside it, and
// routes that end in each way a gin handler can end.
func newApp(mw gin.HandlerFunc, handleMethodNotAllowed bool) *gin.Engine {
	r := gin.New()
	r.HandleMethodNotAllowed = handleMethodNotAllowed
	r.Use(gin.RecoveryWithWriter(io.Discard), mw)
	r.GET(adaptertest.AppItems, handle(http.StatusOK))
	r.OPTIONS(adaptertest.AppOptions, handle(http.StatusOK))
	r.GET(adaptertest.AppMissing, handle(http.StatusNotFound))
	r.GET(adaptertest.AppFailing, handle(http.StatusInternalServerError))
	r.GET(adaptertest.AppPanicking, func(c *gin.Context) {
		c.Header(conformance.HandlerHeader, conformance.HandlerRan)
		panic("handler failed")
	})
	r.Group("/api").GET("/things", handle(http.StatusOK))
	return r
}

func TestMiddleware(t *testing.T) {
	mw := corsagin.Must(adaptertest.Policy())
	adaptertest.RunAppCases(t, conformance.Recorder(newApp(mw, false)), append(adaptertest.AppCases(),
		adaptertest.AppCase{Name: "an OPTIONS request without Access-Control-Request-Method gets gin's own 404 elsewhere",
			Req:  adaptertest.Actual(http.MethodOptions, appOrigin, adaptertest.AppItems),
			Want: adaptertest.AllowedActualWith(http.StatusNotFound, false)},
	))
	t.Run("with Engine.HandleMethodNotAllowed", func(t *testing.T) {
		adaptertest.RunAppCases(t, conformance.Recorder(newApp(mw, true)), []adaptertest.AppCase{
			{Name: "a preflight is answered by the policy",
				Req: preflight(appOrigin, adaptertest.AppItems), Want: adaptertest.AllowedPreflight()},
			{Name: "gin's own 405 keeps the actual headers",
				Req:  adaptertest.Actual(http.MethodDelete, appOrigin, adaptertest.AppItems),
				Want: adaptertest.AllowedActualWith(http.StatusMethodNotAllowed, false)},
		})
	})
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

func TestFromFollowsReconfigure(t *testing.T) {
	adaptertest.CheckFollowsReconfigure(t, corsagin.From,
		func(mw gin.HandlerFunc) func(*http.Request) (*http.Response, error) {
			return conformance.Recorder(newApp(mw, false))
		})
}

func TestFromServesOnePolicyOnTwoEngines(t *testing.T) {
	p, err := corsa.New(adaptertest.Policy())
	if err != nil {
		t.Fatal(err)
	}
	engines := []struct {
		name string
		r    *gin.Engine
	}{
		{"the first engine", newApp(corsagin.From(p), false)},
		{"the second engine", newApp(corsagin.From(p), true)},
	}
	for _, e := range engines {
		t.Run(e.name+" answers preflights with the shared policy", func(t *testing.T) {
			adaptertest.Expect(t, conformance.Recorder(e.r), preflight(appOrigin, adaptertest.AppItems), adaptertest.AllowedPreflight())
		})
		t.Run(e.name+" decorates actual responses with the shared policy", func(t *testing.T) {
			adaptertest.Expect(t, conformance.Recorder(e.r), adaptertest.Actual(http.MethodGet, appOrigin, adaptertest.AppItems), adaptertest.AllowedActual())
		})
	}
}

func TestFromRefusesNil(t *testing.T) {
	adaptertest.CheckFromRefusesNil(t, "corsagin.From", corsagin.From)
}
