package corsafiber3_test

import (
	"net"
	"testing"

	"github.com/corsa-go/corsa/conformance"
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

// benchApps are the same fiber app without and with corsa. The OPTIONS
// route lets the bare app answer preflights with a handler, as an app
// without CORS middleware would, rather than through fiber's costly 405
// error path, which would hide what corsa's preflights cost.
func benchApps() []struct {
	name string
	h    fasthttp.RequestHandler
} {
	build := func(use ...fiber.Handler) fasthttp.RequestHandler {
		app := fiber.New()
		for _, h := range use {
			app.Use(h)
		}
		app.Get(conformance.PathResource, benchHandler)
		app.Put(conformance.PathResource, benchHandler)
		app.Options(conformance.PathResource, benchHandler)
		return app.Handler()
	}
	return []struct {
		name string
		h    fasthttp.RequestHandler
	}{
		{"bare", build()},
		{"corsa", build(corsafiber3.Must(scenario.Policy()))},
	}
}

func benchHandler(c fiber.Ctx) error { return c.SendString("ok") }

func BenchmarkMiddleware(b *testing.B) {
	for _, s := range scenario.All() {
		b.Run(s.Name, func(b *testing.B) {
			for _, app := range benchApps() {
				b.Run(app.name, func(b *testing.B) {
					ctx := requestCtx(s.Request)
					b.ReportAllocs()
					for b.Loop() {
						serveCtx(app.h, ctx)
					}
				})
			}
		})
	}
}

func TestMiddlewareAddsNoAllocation(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	apps := benchApps()
	for _, s := range scenario.All() {
		t.Run("in the "+s.Name+" scenario", func(t *testing.T) {
			var allocs [2]float64
			for i, app := range apps {
				ctx := requestCtx(s.Request)
				allocs[i] = testing.AllocsPerRun(100, func() { serveCtx(app.h, ctx) })
				want := fiber.StatusOK // the bare app's handler answers everything
				if app.name == "corsa" {
					want = s.Status
				}
				if got := ctx.Response.StatusCode(); got != want {
					t.Fatalf("%s: status = %d, want %d", app.name, got, want)
				}
			}
			added := allocs[1] - allocs[0]
			if added > 0 {
				t.Errorf("corsa adds %.0f allocations (bare fiber %.0f, with corsa %.0f), want none",
					added, allocs[0], allocs[1])
			}
		})
	}
}
