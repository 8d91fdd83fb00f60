package corsafiber3_test

import (
	"net"
	"testing"

	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	"github.com/corsa-go/corsa/conformance/scenario"
	corsafiber3 "github.com/corsa-go/corsa/fiber3"
	"github.com/gofiber/fiber/v3"
	"github.com/valyala/fasthttp"
)

// requestCtx returns a fasthttp context holding r, as fiber's server would
// hand it over, ready to be served again and again.
func requestCtx(r conformance.Request) *fasthttp.RequestCtx {
	var req fasthttp.Request
	req.Header.SetMethod(r.Method)
	req.SetRequestURI(r.Path)
	for _, h := range r.Header {
		req.Header.Add(h[0], h[1])
	}
	ctx := new(fasthttp.RequestCtx)
	ctx.Init(&req, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)}, nil)
	return ctx
}

// serveCtx serves ctx's request once more on h.
func serveCtx(h fasthttp.RequestHandler, ctx *fasthttp.RequestCtx) {
	ctx.Response.Reset()
	h(ctx)
}

// fasthttpSetup is adaptertest.HTTPSetup for a fasthttp handler: each
// scenario's request is served again and again from one context.
func fasthttpSetup(name string, cors bool, h fasthttp.RequestHandler) adaptertest.Setup {
	return adaptertest.Setup{Name: name, CORS: cors, Prepare: func(sc scenario.Scenario) func() int {
		ctx := requestCtx(sc.Request)
		return func() int {
			serveCtx(h, ctx)
			return ctx.Response.StatusCode()
		}
	}}
}

// benchApp is the fiber app the scenarios are served by. The OPTIONS route
// lets the bare app answer preflights with a handler, as an app without
// CORS middleware would, rather than through fiber's costly 405 error
// path, which would hide what corsa's preflights cost.
func benchApp(use ...fiber.Handler) fasthttp.RequestHandler {
	app := fiber.New()
	for _, h := range use {
		app.Use(h)
	}
	app.Get(conformance.PathResource, benchHandler)
	app.Put(conformance.PathResource, benchHandler)
	app.Options(conformance.PathResource, benchHandler)
	return app.Handler()
}

func benchHandler(c fiber.Ctx) error { return c.SendString("ok") }

// benchSetups are the same app without and with corsa.
func benchSetups() (bare, withCorsa adaptertest.Setup) {
	return fasthttpSetup("bare", false, benchApp()),
		fasthttpSetup("corsa", true, benchApp(corsafiber3.Must(scenario.Policy())))
}

func BenchmarkMiddleware(b *testing.B) {
	bare, withCorsa := benchSetups()
	adaptertest.BenchmarkScenarios(b, bare, withCorsa)
}

func TestMiddlewareAddsNoAllocation(t *testing.T) {
	bare, withCorsa := benchSetups()
	adaptertest.CheckAllocsAdded(t, 0, bare, withCorsa)
}
