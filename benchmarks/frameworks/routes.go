package frameworks

import (
	"net/http"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/scenario"
)

// Routes are what an app serves, each framework registering them with its
// own calls: Bench, Standard or Handlers.
type Routes struct {
	list []Route
	// ran, for Bench, is set by the handler.
	ran *bool
	// The handlers of every route of Handlers.
	http http.Handler
	fast fasthttp.RequestHandler
}

// Route is a path and the methods served on it.
type Route struct {
	Path string
	// Methods are the methods served; nil serves every method.
	Methods []string
	// standard is a conformance route's own description, for Standard.
	standard *conformance.Route
}

// Bench is the benchmarks' one route, scenario.Path for every method: its
// handler sets *ran and answers 200 with no body, so that the response
// costs the same under every middleware.
func Bench(ran *bool) Routes {
	return Routes{list: []Route{{Path: scenario.Path}}, ran: ran}
}

// Standard are the conformance suite's standard routes (conformance.Routes),
// each handler written with the framework's own calls: it marks the
// response with conformance.HandlerHeader, then answers 200 itself, ends
// in 404 or 500 through the framework's own error path, or panics, as its
// conformance.Route says. The handler's Vary is added, never set, so that
// it sits next to what a CORS middleware wrote.
func Standard() Routes {
	list := make([]Route, len(conformance.Routes))
	for i := range conformance.Routes {
		rt := &conformance.Routes[i]
		list[i] = Route{Path: rt.Path, Methods: rt.Methods, standard: rt}
	}
	return Routes{list: list}
}

// Handlers serves every route of list with h on a framework built on
// net/http and with f on one built on fasthttp.
func Handlers(list []Route, h http.Handler, f fasthttp.RequestHandler) Routes {
	return Routes{list: list, http: h, fast: f}
}

// each calls register once for each method of each route, with "" for a
// route that serves every method.
func (rs Routes) each(register func(method string, rt Route)) {
	for _, rt := range rs.list {
		if rt.Methods == nil {
			register("", rt)
		}
		for _, m := range rt.Methods {
			register(m, rt)
		}
	}
}

// fastHandler is a route's handler on fasthttp, for fasthttp and fiber
// alike. It returns the status for the framework's error path to answer,
// or 0 when it answered itself.
func (rs Routes) fastHandler(rt Route) func(*fasthttp.RequestCtx) (errorStatus int) {
	switch {
	case rt.standard != nil:
		return func(ctx *fasthttp.RequestCtx) (errorStatus int) {
			h := &ctx.Response.Header
			_ = rt.standard.Serve(h.Set, h.Add, func(status int) error {
				errorStatus = status
				return nil
			}, func(body string) error {
				ctx.SetBodyString(body)
				return nil
			})
			return errorStatus
		}
	case rs.ran != nil:
		return func(ctx *fasthttp.RequestCtx) int {
			*rs.ran = true
			ctx.SetStatusCode(http.StatusOK)
			return 0
		}
	}
	return func(ctx *fasthttp.RequestCtx) int {
		rs.fast(ctx)
		return 0
	}
}
