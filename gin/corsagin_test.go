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

// adapter is corsagin to the kit, on engines whose
// HandleMethodNotAllowed is handleMethodNotAllowed: an App is an engine
// built as doc.go tells gin users to, Engine.Use before the routes, with
// gin's recovery outside the middleware.
func adapter(handleMethodNotAllowed bool) adaptertest.Adapter[gin.HandlerFunc] {
	return adaptertest.Adapter[gin.HandlerFunc]{Name: "corsagin", New: corsagin.New, Must: corsagin.Must, From: corsagin.From}.
		WithHandler(gin.RecoveryWithWriter(io.Discard), func(app adaptertest.App[gin.HandlerFunc]) http.Handler {
			r := gin.New()
			r.HandleMethodNotAllowed = handleMethodNotAllowed
			r.Use(app.Use...)
			handle(r, app.Routes)
			for _, g := range app.Groups {
				handle(r.Group(g.Prefix, g.Use...), g.Routes)
			}
			return r
		})
}

// handle registers routes on r, each handler doing what its Route says
// with gin's own calls: errors end through c.AbortWithStatus.
func handle(r gin.IRoutes, routes []adaptertest.Route) {
	for _, rt := range routes {
		h := func(c *gin.Context) {
			_ = rt.Serve(c.Header, c.Writer.Header().Add,
				func(status int) error { c.AbortWithStatus(status); return nil },
				func(body string) error { c.String(http.StatusOK, body); return nil })
		}
		for _, m := range rt.Methods {
			r.Handle(m, adaptertest.ColonParams(rt.Path), h)
		}
	}
}

func TestConformance(t *testing.T) {
	conformance.Run(t, adapter(false).Harness(t))
}

func TestMiddleware(t *testing.T) {
	adapter(false).Run(t, adaptertest.AppCase{Name: "an OPTIONS request without Access-Control-Request-Method gets gin's own 404 elsewhere",
		Req:  adaptertest.Actual(http.MethodOptions, conformance.AppOrigin, adaptertest.AppItems),
		Want: adaptertest.AllowedActualWith(http.StatusNotFound, false)})
	t.Run("with Engine.HandleMethodNotAllowed", func(t *testing.T) {
		do := adapter(true).Serve(t, adaptertest.TypicalApp(corsagin.Must(adaptertest.Policy())))
		adaptertest.RunAppCases(t, do, []adaptertest.AppCase{
			{Name: "a preflight is answered by the policy",
				Req: adaptertest.Preflight(conformance.AppOrigin, adaptertest.AppItems, http.MethodPut, "content-type"), Want: adaptertest.AllowedPreflight()},
			{Name: "gin's own 405 keeps the actual headers",
				Req:  adaptertest.Actual(http.MethodDelete, conformance.AppOrigin, adaptertest.AppItems),
				Want: adaptertest.AllowedActualWith(http.StatusMethodNotAllowed, false)},
		})
	})
}

// Where doc.go says to register the middleware, and why: gin routes a
// preflight to a route without an OPTIONS handler to NoRoute, which only
// runs the engine's middleware.
func TestMiddlewareOnAGroupDecoratesOnlyThatGroup(t *testing.T) {
	const app = conformance.AppOrigin
	do := adapter(false).Serve(t, adaptertest.App[gin.HandlerFunc]{
		Routes: []adaptertest.Route{adaptertest.Respond(http.MethodGet, "/public", http.StatusOK)},
		Groups: []adaptertest.Group[gin.HandlerFunc]{{Prefix: "/api", Use: []gin.HandlerFunc{corsagin.Must(adaptertest.Policy())},
			Routes: []adaptertest.Route{adaptertest.Respond(http.MethodGet, "/things", http.StatusOK)}}},
	})
	adaptertest.RunAppCases(t, do, []adaptertest.AppCase{
		{Name: "a group's middleware decorates that group's responses",
			Req: adaptertest.Actual(http.MethodGet, app, "/api/things"), Want: adaptertest.AllowedActual()},
		{Name: "a group's middleware leaves routes outside the group alone",
			Req: adaptertest.Actual(http.MethodGet, app, "/public"), Want: conformance.Want{Status: http.StatusOK, HandlerRan: true}},
		{Name: "a group's middleware never sees preflights to routes without an OPTIONS handler",
			Req: adaptertest.Preflight(app, "/api/things", http.MethodPut, "content-type"), Want: conformance.Want{Status: http.StatusNotFound}},
	})
}

// TestWhatCasesCannotExpress covers, on gin, requests to a path gin
// redirects (RedirectTrailingSlash: GET /items/ to /items).
func TestWhatCasesCannotExpress(t *testing.T) {
	const app = conformance.AppOrigin
	items := []adaptertest.Route{adaptertest.Respond(http.MethodGet, adaptertest.AppItems, http.StatusOK)}
	do := adapter(false).Serve(t, adaptertest.App[gin.HandlerFunc]{Use: []gin.HandlerFunc{corsagin.Must(adaptertest.Policy())}, Routes: items})
	adaptertest.RunAppCases(t, do, []adaptertest.AppCase{
		// There is no OPTIONS route to redirect to, so the preflight goes
		// through the middleware like any unknown path.
		{Name: "a preflight to a path gin redirects for its trailing slash is answered by the middleware",
			Req: adaptertest.Preflight(app, "/items/", http.MethodPut, "content-type"), Want: adaptertest.AllowedPreflight()},
		// gin sends the redirect before any middleware runs, so it
		// carries no CORS header and a browser fails the fetch (Fetch
		// checks CORS on redirects too). doc.go says so; this pins it.
		{Name: "gin's own trailing-slash redirect carries no CORS header",
			Req: adaptertest.Actual(http.MethodGet, app, "/items/"), Want: conformance.Want{Status: http.StatusMovedPermanently}},
	})
	// doc.go's way around it: corsa's net/http Handler in front of the
	// engine decides before gin routes.
	t.Run("gin's trailing-slash redirect keeps the actual headers when corsa's Handler wraps the engine", func(t *testing.T) {
		r := gin.New()
		handle(r, items)
		adaptertest.Expect(t, conformance.Recorder(corsa.Must(adaptertest.Policy()).Handler(r)),
			adaptertest.Actual(http.MethodGet, app, "/items/"), adaptertest.AllowedActualWith(http.StatusMovedPermanently, false))
	})
}
