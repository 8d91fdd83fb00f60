package corsachi_test

import (
	"net/http"
	"testing"
	"time"

	corsachi "github.com/corsa-go/corsa/chi"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

// adapter is corsachi to the kit: an App is a router built as doc.go
// tells chi users to, each group a subrouter (Route), with chi's
// Recoverer outside the middleware.
var adapter = adaptertest.Adapter[func(http.Handler) http.Handler]{
	Name: "corsachi", New: corsachi.New, Must: corsachi.Must, From: corsachi.From,
}.WithHandler(recoverer, func(app adaptertest.App[func(http.Handler) http.Handler]) http.Handler {
	r := chi.NewRouter()
	r.Use(app.Use...)
	handle(r, app.Routes)
	for _, g := range app.Groups {
		r.Route(g.Prefix, func(r chi.Router) {
			r.Use(g.Use...)
			handle(r, g.Routes)
		})
	}
	return r
})

// recoverer is chi's Recoverer behind a logger that prints nothing, so
// that recovered panics do not print stacks in test output.
func recoverer(next http.Handler) http.Handler {
	return middleware.RequestLogger(quietLog{})(middleware.Recoverer(next))
}

// handle registers routes on r: an adaptertest.Route is an http.Handler.
func handle(r chi.Router, routes []adaptertest.Route) {
	for _, rt := range routes {
		for _, m := range rt.Methods {
			r.Method(m, rt.Path, rt)
		}
	}
}

// quietLog is a chi LogFormatter that logs nothing, so that panics
// recovered by middleware.Recoverer do not print stacks in test output.
type quietLog struct{}

func (quietLog) NewLogEntry(*http.Request) middleware.LogEntry   { return quietLog{} }
func (quietLog) Write(int, int, http.Header, time.Duration, any) {}
func (quietLog) Panic(any, []byte)                               {}

// http.Header keeps repeated request header lines apart, so the harness
// has no quirk.
func TestConformance(t *testing.T) {
	conformance.Run(t, adapter.Harness(t))
}

func TestMiddleware(t *testing.T) {
	adapter.Run(t, adaptertest.AppCase{Name: "chi's 405 for a method without a route keeps the actual headers",
		Req:  adaptertest.Actual(http.MethodDelete, conformance.AppOrigin, adaptertest.AppItems),
		Want: adaptertest.AllowedActualWith(http.StatusMethodNotAllowed, false)})
}

// Where doc.go says to register the middleware, and where not: a
// subrouter's Use runs before the subrouter routes, Group and With wrap
// only the handlers of their routes.
func TestMiddlewareOnPartsOfTheRouter(t *testing.T) {
	const app = conformance.AppOrigin
	markRan := adaptertest.Respond(http.MethodGet, "", http.StatusOK) // marks the response, answers 200
	r := chi.NewRouter()
	r.Route("/sub", func(r chi.Router) {
		r.Use(corsachi.Must(adaptertest.Policy()))
		r.Get("/things", markRan.ServeHTTP)
	})
	r.Group(func(r chi.Router) {
		r.Use(corsachi.Must(adaptertest.Policy()))
		r.Get("/grouped", markRan.ServeHTTP)
	})
	r.With(corsachi.Must(adaptertest.Policy())).Get("/with", markRan.ServeHTTP)
	r.Get("/public", markRan.ServeHTTP)
	preflight := func(path string) conformance.Request {
		return adaptertest.Preflight(app, path, http.MethodPut, "content-type")
	}
	adaptertest.RunAppCases(t, conformance.Recorder(r), []adaptertest.AppCase{
		{Name: "a subrouter's middleware answers preflights to its routes without an OPTIONS handler",
			Req: preflight("/sub/things"), Want: adaptertest.AllowedPreflight()},
		{Name: "a subrouter's middleware answers preflights to unknown paths under its mount point",
			Req: preflight("/sub/nowhere"), Want: adaptertest.AllowedPreflight()},
		{Name: "a subrouter's middleware decorates its responses",
			Req: adaptertest.Actual(http.MethodGet, app, "/sub/things"), Want: adaptertest.AllowedActual()},
		{Name: "a Group's middleware decorates its routes' responses",
			Req: adaptertest.Actual(http.MethodGet, app, "/grouped"), Want: adaptertest.AllowedActual()},
		{Name: "a Group's middleware never sees a preflight: chi answers it with 405",
			Req: preflight("/grouped"), Want: conformance.Want{Status: http.StatusMethodNotAllowed}},
		{Name: "a With middleware never sees a preflight: chi answers it with 405",
			Req: preflight("/with"), Want: conformance.Want{Status: http.StatusMethodNotAllowed}},
		{Name: "routes outside them are left alone",
			Req: adaptertest.Actual(http.MethodGet, app, "/public"), Want: conformance.Want{Status: http.StatusOK, HandlerRan: true}},
	})
}

// TestWhatCasesCannotExpress covers, on chi, a path RedirectSlashes,
// registered after corsa, redirects.
func TestWhatCasesCannotExpress(t *testing.T) {
	const app = conformance.AppOrigin
	do := adapter.Serve(t, adaptertest.App[func(http.Handler) http.Handler]{
		Use:    []func(http.Handler) http.Handler{corsachi.Must(adaptertest.Policy()), middleware.RedirectSlashes},
		Routes: []adaptertest.Route{adaptertest.Respond(http.MethodGet, adaptertest.AppItems, http.StatusOK)},
	})
	adaptertest.RunAppCases(t, do, []adaptertest.AppCase{
		{Name: "a preflight to a path RedirectSlashes redirects is answered by the middleware installed before it",
			Req: adaptertest.Preflight(app, "/items/", http.MethodPut, "content-type"), Want: adaptertest.AllowedPreflight()},
		{Name: "RedirectSlashes's redirect keeps the actual-request headers",
			Req: adaptertest.Actual(http.MethodGet, app, "/items/"), Want: adaptertest.AllowedActualWith(http.StatusMovedPermanently, false)},
	})
}
