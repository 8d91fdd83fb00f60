package corsaecho5_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsaecho5 "github.com/corsa-go/corsa/echo5"
)

// The policy under test is adaptertest.Policy, whose allowed responses
// carry every header; adaptertest also has the exact responses SPEC.md
// prescribes for it.
const appOrigin = conformance.AppOrigin

// preflight is the preflight of a cross-origin JSON PUT to path.
func preflight(origin, path string) conformance.Request {
	return adaptertest.Preflight(origin, path, http.MethodPut, "content-type")
}

// handle marks that the handler ran, then returns err or answers 200.
func handle(err error) echo.HandlerFunc {
	return func(c *echo.Context) error {
		c.Response().Header().Set(conformance.HandlerHeader, conformance.HandlerRan)
		if err != nil {
			return err
		}
		return c.NoContent(http.StatusOK)
	}
}

// registrations are the two ways doc.go allows to install the middleware,
// each with echo's recovery outside it.
var registrations = []struct {
	name     string
	register func(e *echo.Echo, mw echo.MiddlewareFunc)
}{
	{"with e.Use", func(e *echo.Echo, mw echo.MiddlewareFunc) {
		e.Use(middleware.RecoverWithConfig(quietRecover), mw)
	}},
	{"with e.Pre", func(e *echo.Echo, mw echo.MiddlewareFunc) {
		e.Pre(middleware.RecoverWithConfig(quietRecover), mw)
	}},
}

var quietRecover = middleware.RecoverConfig{DisablePrintStack: true}

// newApp is the app adaptertest.AppCases describes: mw registered with
// register, and routes that end in each way an echo handler can end.
func newApp(register func(*echo.Echo, echo.MiddlewareFunc), mw echo.MiddlewareFunc) *echo.Echo {
	e := echo.New()
	register(e, mw)
	e.GET(adaptertest.AppItems, handle(nil))
	e.OPTIONS(adaptertest.AppOptions, handle(nil))
	e.GET(adaptertest.AppMissing, handle(echo.ErrNotFound))
	e.GET(adaptertest.AppFailing, handle(echo.NewHTTPError(http.StatusInternalServerError, "failing")))
	e.GET("/failing-plainly", handle(errors.New("not an HTTPError")))
	e.GET(adaptertest.AppPanicking, func(c *echo.Context) error {
		c.Response().Header().Set(conformance.HandlerHeader, conformance.HandlerRan)
		panic("handler failed")
	})
	e.Group("/api").GET("/things", handle(nil))
	return e
}

func TestMiddleware(t *testing.T) {
	mw := corsaecho5.Must(adaptertest.Policy())
	cases := append(adaptertest.AppCases(),
		adaptertest.AppCase{Name: "an OPTIONS request without Access-Control-Request-Method gets echo's own answer elsewhere",
			Req:  adaptertest.Actual(http.MethodOptions, appOrigin, adaptertest.AppItems),
			Want: adaptertest.AllowedActualWith(http.StatusNoContent, false)},
		adaptertest.AppCase{Name: "a handler returning a plain error keeps the actual headers on the 500",
			Req:  adaptertest.Actual(http.MethodGet, appOrigin, "/failing-plainly"),
			Want: adaptertest.AllowedActualWith(http.StatusInternalServerError, true)},
		adaptertest.AppCase{Name: "echo's own 405 keeps the actual headers",
			Req:  adaptertest.Actual(http.MethodDelete, appOrigin, adaptertest.AppItems),
			Want: adaptertest.AllowedActualWith(http.StatusMethodNotAllowed, false)},
	)
	for _, reg := range registrations {
		t.Run("registered "+reg.name, func(t *testing.T) {
			adaptertest.RunAppCases(t, conformance.Recorder(newApp(reg.register, mw)), cases)
		})
	}
}

func TestNewRefusesAnInvalidConfig(t *testing.T) {
	adaptertest.CheckRefusesInvalidConfig(t, corsaecho5.New, corsaecho5.Must)
}

func TestMiddlewareOnAGroupDecoratesOnlyThatGroup(t *testing.T) {
	e := echo.New()
	e.GET("/public", handle(nil))
	api := e.Group("/api", corsaecho5.Must(adaptertest.Policy()))
	api.GET("/things", handle(nil))

	tests := []struct {
		name string
		req  conformance.Request
		want conformance.Want
	}{
		{"a group's middleware decorates that group's responses",
			adaptertest.Actual(http.MethodGet, appOrigin, "/api/things"), adaptertest.AllowedActual()},
		{"a group's middleware answers preflights to the group's routes without an OPTIONS handler",
			preflight(appOrigin, "/api/things"), adaptertest.AllowedPreflight()},
		{"a group's middleware answers preflights to unknown paths under the group",
			preflight(appOrigin, "/api/nowhere"), adaptertest.AllowedPreflight()},
		{"a group's middleware leaves routes outside the group alone",
			adaptertest.Actual(http.MethodGet, appOrigin, "/public"), conformance.Want{Status: http.StatusOK, HandlerRan: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			adaptertest.Expect(t, conformance.Recorder(e), tt.req, tt.want)
		})
	}
}

func TestFromFollowsReconfigure(t *testing.T) {
	for _, reg := range registrations {
		t.Run("registered "+reg.name, func(t *testing.T) {
			adaptertest.CheckFollowsReconfigure(t, corsaecho5.From,
				func(mw echo.MiddlewareFunc) func(*http.Request) (*http.Response, error) {
					return conformance.Recorder(newApp(reg.register, mw))
				})
		})
	}
}

func TestFromServesOnePolicyOnTwoInstances(t *testing.T) {
	p, err := corsa.New(adaptertest.Policy())
	if err != nil {
		t.Fatal(err)
	}
	for _, reg := range registrations {
		do := conformance.Recorder(newApp(reg.register, corsaecho5.From(p)))
		t.Run("an instance "+reg.name+" answers preflights with the shared policy", func(t *testing.T) {
			adaptertest.Expect(t, do, preflight(appOrigin, adaptertest.AppItems), adaptertest.AllowedPreflight())
		})
		t.Run("an instance "+reg.name+" decorates actual responses with the shared policy", func(t *testing.T) {
			adaptertest.Expect(t, do, adaptertest.Actual(http.MethodGet, appOrigin, adaptertest.AppItems), adaptertest.AllowedActual())
		})
	}
}

func TestFromRefusesNil(t *testing.T) {
	adaptertest.CheckFromRefusesNil(t, "corsaecho5.From", corsaecho5.From)
}
