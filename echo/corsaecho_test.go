package corsaecho_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsaecho "github.com/corsa-go/corsa/echo"
)

// registrations are the two ways doc.go allows to install the middleware,
// and the suffix of their benchmarks' names.
var registrations = []struct {
	name, bench string
	register    func(e *echo.Echo, mw ...echo.MiddlewareFunc)
}{
	{"with e.Use", "", (*echo.Echo).Use},
	{"with e.Pre", "-pre", (*echo.Echo).Pre},
}

// adapter is corsaecho to the kit: an App is an Echo instance with its
// middleware installed with register, echo's recovery outside it.
func adapter(register func(*echo.Echo, ...echo.MiddlewareFunc)) adaptertest.Adapter[echo.MiddlewareFunc] {
	recovery := middleware.RecoverWithConfig(middleware.RecoverConfig{DisablePrintStack: true})
	return adaptertest.Adapter[echo.MiddlewareFunc]{Name: "corsaecho", New: corsaecho.New, Must: corsaecho.Must, From: corsaecho.From}.
		WithHandler(recovery, func(app adaptertest.App[echo.MiddlewareFunc]) http.Handler {
			e := echo.New()
			register(e, app.Use...)
			handle(e, app.Routes)
			for _, g := range app.Groups {
				handle(e.Group(g.Prefix, g.Use...), g.Routes)
			}
			return e
		})
}

// handle registers routes on r, each handler doing what its Route says
// with echo's own calls: errors end as a returned *echo.HTTPError.
func handle(r interface {
	Match([]string, string, echo.HandlerFunc, ...echo.MiddlewareFunc) []*echo.Route
}, routes []adaptertest.Route) {
	fail := func(status int) error {
		if status == http.StatusNotFound {
			return echo.ErrNotFound
		}
		return echo.NewHTTPError(status)
	}
	for _, rt := range routes {
		r.Match(rt.Methods, adaptertest.ColonParams(rt.Path), func(c echo.Context) error {
			h := c.Response().Header()
			return rt.Serve(h.Set, h.Add, fail, func(body string) error { return c.String(http.StatusOK, body) })
		})
	}
}

func TestConformance(t *testing.T) {
	for _, reg := range registrations {
		t.Run(reg.name, func(t *testing.T) { conformance.Run(t, adapter(reg.register).Harness(t)) })
	}
}

func TestMiddleware(t *testing.T) {
	for _, reg := range registrations {
		t.Run("registered "+reg.name, func(t *testing.T) {
			adapter(reg.register).Run(t,
				adaptertest.AppCase{Name: "an OPTIONS request without Access-Control-Request-Method gets echo's own answer elsewhere",
					Req:  adaptertest.Actual(http.MethodOptions, conformance.AppOrigin, adaptertest.AppItems),
					Want: adaptertest.AllowedActualWith(http.StatusNoContent, false)},
				adaptertest.AppCase{Name: "echo's own 405 keeps the actual headers",
					Req:  adaptertest.Actual(http.MethodDelete, conformance.AppOrigin, adaptertest.AppItems),
					Want: adaptertest.AllowedActualWith(http.StatusMethodNotAllowed, false)})
		})
	}
}

// Where doc.go says the middleware may go: on a group, it decorates that
// group alone, answering preflights to every path under it; the error a
// handler returns, an *echo.HTTPError or not, is turned into a response
// after the middleware returns, and keeps its headers.
func TestMiddlewareOnAGroupDecoratesOnlyThatGroup(t *testing.T) {
	const app = conformance.AppOrigin
	e := echo.New()
	handle(e, []adaptertest.Route{adaptertest.Respond(http.MethodGet, "/public", http.StatusOK)})
	api := e.Group("/api", corsaecho.Must(adaptertest.Policy()))
	handle(api, []adaptertest.Route{adaptertest.Respond(http.MethodGet, "/things", http.StatusOK)})
	api.GET("/failing-plainly", func(c echo.Context) error {
		c.Response().Header().Set(conformance.HandlerHeader, conformance.HandlerRan)
		return errors.New("not an HTTPError")
	})
	preflight := func(path string) conformance.Request {
		return adaptertest.Preflight(app, path, http.MethodPut, "content-type")
	}
	adaptertest.RunAppCases(t, conformance.Recorder(e), []adaptertest.AppCase{
		{Name: "a group's middleware decorates that group's responses",
			Req: adaptertest.Actual(http.MethodGet, app, "/api/things"), Want: adaptertest.AllowedActual()},
		{Name: "a group's middleware answers preflights to the group's routes without an OPTIONS handler",
			Req: preflight("/api/things"), Want: adaptertest.AllowedPreflight()},
		{Name: "a group's middleware answers preflights to unknown paths under the group",
			Req: preflight("/api/nowhere"), Want: adaptertest.AllowedPreflight()},
		{Name: "a group's middleware leaves routes outside the group alone",
			Req: adaptertest.Actual(http.MethodGet, app, "/public"), Want: conformance.Want{Status: http.StatusOK, HandlerRan: true}},
		{Name: "a handler returning a plain error keeps the actual headers on the 500",
			Req: adaptertest.Actual(http.MethodGet, app, "/api/failing-plainly"), Want: adaptertest.AllowedActualWith(http.StatusInternalServerError, true)},
	})
}
