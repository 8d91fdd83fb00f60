package corsafiber3_test

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"testing"

	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	"github.com/corsa-go/corsa/conformance/scenario"
	corsafiber3 "github.com/corsa-go/corsa/fiber3"
	"github.com/gofiber/fiber/v3"
	fiberrecover "github.com/gofiber/fiber/v3/middleware/recover"
	"github.com/valyala/fasthttp"
)

// adapter is corsafiber3 to the kit, on apps built with cfg and served
// over transport: an App is an app with its middleware installed with
// App.Use and App.Group, fiber's recover middleware outside it.
func adapter(cfg fiber.Config, transport func(*fiber.App) adaptertest.Do) adaptertest.Adapter[fiber.Handler] {
	build := func(app adaptertest.App[fiber.Handler]) *fiber.App {
		a := fiber.New(cfg)
		for _, mw := range app.Use {
			a.Use(mw)
		}
		handle(a, app.Routes)
		for _, g := range app.Groups {
			use := make([]any, len(g.Use))
			for i, mw := range g.Use {
				use[i] = mw
			}
			handle(a.Group(g.Prefix, use...), g.Routes)
		}
		return a
	}
	return adaptertest.Adapter[fiber.Handler]{
		Name: "corsafiber3", New: corsafiber3.New, Must: corsafiber3.Must, From: corsafiber3.From,
		Serve: func(_ testing.TB, app adaptertest.App[fiber.Handler]) adaptertest.Do {
			app.Use = append([]fiber.Handler{fiberrecover.New()}, app.Use...)
			return transport(build(app))
		},
		Bench: func(name string, cors bool, app adaptertest.App[fiber.Handler]) adaptertest.Setup {
			return fasthttpSetup(name, cors, build(app).Handler())
		},
	}
}

// handle registers routes on r, each handler doing what its Route says
// with fiber's calls: errors end as a returned *fiber.Error.
func handle(r fiber.Router, routes []adaptertest.Route) {
	for _, rt := range routes {
		h := func(c fiber.Ctx) error {
			return rt.Serve(c.Set, c.Response().Header.Add, func(status int) error { return fiber.NewError(status) }, c.SendString)
		}
		r.Add(rt.Methods, adaptertest.ColonParams(rt.Path), h)
	}
}

// test serves each request on app over fiber's in-memory connection, as a
// client would.
func test(app *fiber.App) adaptertest.Do {
	return func(r *http.Request) (*http.Response, error) { return app.Test(r, fiber.TestConfig{}) }
}

// inMemory hands each request to app's fasthttp handler without parsing
// bytes, as the net/http harness hands it to a ServeHTTP: fasthttp v1.69's
// parser refuses control bytes in header values before any handler runs
// (parity_test.go covers that path), and the suite's hardening cases are
// about what the policy does with such values once they arrive.
func inMemory(app *fiber.App) adaptertest.Do {
	h := app.Handler()
	return func(r *http.Request) (*http.Response, error) {
		var ctx fasthttp.RequestCtx
		ctx.Request.Header.SetMethod(r.Method)
		ctx.Request.SetRequestURI(r.URL.RequestURI())
		ctx.Request.Header.SetHost(r.Host)
		for name, values := range r.Header {
			for _, v := range values {
				ctx.Request.Header.Add(name, v)
			}
		}
		if r.Body != nil {
			body, err := io.ReadAll(r.Body)
			if err != nil {
				return nil, err
			}
			ctx.Request.SetBody(body)
		}
		h(&ctx)
		res := &http.Response{
			StatusCode: ctx.Response.StatusCode(),
			Header:     http.Header{},
			Body:       io.NopCloser(bytes.NewReader(bytes.Clone(ctx.Response.Body()))),
			Request:    r,
		}
		for k, v := range ctx.Response.Header.All() {
			res.Header.Add(string(k), string(v))
		}
		return res, nil
	}
}

// bench is the adapter whose Bench serves the scenarios from one
// fasthttp context, reused (fasthttpSetup).
var bench = adapter(fiber.Config{}, inMemory)

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
