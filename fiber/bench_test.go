package corsafiber_test

import (
	"net"
	"strings"
	"testing"

	"github.com/corsa-go/corsa/conformance"
	corsa "github.com/corsa-go/corsa/core"
	corsafiber "github.com/corsa-go/corsa/fiber"
	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// scenario is one request the benchmarks and the allocation test serve
// over and over.
type scenario struct {
	name         string
	method, path string
	lines        []string // header name, value, name, value...
}

// scenarios are the requests every adapter is measured on.
var scenarios = []scenario{
	{"preflight", fiber.MethodOptions, "/items", []string{
		corsa.HeaderOrigin, appOrigin,
		corsa.HeaderRequestMethod, "PUT",
		corsa.HeaderRequestHeaders, "content-type,x-request-id"}},
	{"actual", fiber.MethodGet, "/items", []string{corsa.HeaderOrigin, appOrigin}},
	{"disallowed", fiber.MethodGet, "/items", []string{corsa.HeaderOrigin, otherOrigin}},
	{"no-origin", fiber.MethodGet, "/items", nil},
	// Thousands of names, as in the rs/cors advisory GHSA-mh55-gqvf-xfwm.
	{"hostile-acrh", fiber.MethodOptions, "/items", []string{
		corsa.HeaderOrigin, appOrigin,
		corsa.HeaderRequestMethod, "PUT",
		corsa.HeaderRequestHeaders, strings.Repeat("x-h,", 2000)}},
}

// requestCtx returns a fasthttp context holding s's request, as fiber's
// server would hand it over, ready to be served again and again.
func (s scenario) requestCtx() *fasthttp.RequestCtx {
	var req fasthttp.Request
	req.Header.SetMethod(s.method)
	req.SetRequestURI(s.path)
	for i := 0; i < len(s.lines); i += 2 {
		req.Header.Add(s.lines[i], s.lines[i+1])
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
		app.Get("/items", benchHandler)
		app.Put("/items", benchHandler)
		app.Options("/items", benchHandler)
		return app.Handler()
	}
	return []struct {
		name string
		h    fasthttp.RequestHandler
	}{
		{"bare", build()},
		{"corsa", build(corsafiber.Must(conformance.AdapterPolicy()))},
	}
}

func benchHandler(c *fiber.Ctx) error { return c.SendString("ok") }

func BenchmarkMiddleware(b *testing.B) {
	for _, s := range scenarios {
		b.Run(s.name, func(b *testing.B) {
			for _, app := range benchApps() {
				b.Run(app.name, func(b *testing.B) {
					ctx := s.requestCtx()
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
	for _, s := range scenarios {
		t.Run("in the "+s.name+" scenario", func(t *testing.T) {
			var allocs [2]float64
			for i, app := range apps {
				ctx := s.requestCtx()
				allocs[i] = testing.AllocsPerRun(100, func() { serveCtx(app.h, ctx) })
			}
			added := allocs[1] - allocs[0]
			if added > 0 {
				t.Errorf("corsa adds %.0f allocations (bare fiber %.0f, with corsa %.0f), want none",
					added, allocs[0], allocs[1])
			}
		})
	}
}
