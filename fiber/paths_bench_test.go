package corsafiber_test

import (
	"net"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsa "github.com/corsa-go/corsa/core"
	corsafiber "github.com/corsa-go/corsa/fiber"
)

// pathsBenchApps serve one policy through FromPolicy and the same policy
// under "/" (plus two other prefixes) through FromPaths: the difference is
// the per-path lookup, including fiber's case setting.
func pathsBenchApps() []struct {
	name string
	h    fasthttp.RequestHandler
} {
	cfg := corsa.Config{Origins: []string{adaptertest.PathsApp}, Credentials: true, Methods: []string{"PUT"}}
	build := func(mw fiber.Handler) fasthttp.RequestHandler {
		app := fiber.New()
		app.Use(mw)
		app.Get("/api/items", pathsOK)
		return app.Handler()
	}
	return []struct {
		name string
		h    fasthttp.RequestHandler
	}{
		{"policy", build(corsafiber.Must(cfg))},
		{"paths", build(corsafiber.MustPaths(map[string]corsafiber.Config{"/": cfg, "/api": cfg, "/admin": cfg}))},
	}
}

func pathsBenchRequests() []struct {
	name string
	ctx  *fasthttp.RequestCtx
} {
	ctx := func(method string, headers ...string) *fasthttp.RequestCtx {
		var req fasthttp.Request
		req.Header.SetMethod(method)
		req.SetRequestURI("/api/items")
		for i := 0; i < len(headers); i += 2 {
			req.Header.Add(headers[i], headers[i+1])
		}
		c := new(fasthttp.RequestCtx)
		c.Init(&req, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)}, nil)
		return c
	}
	return []struct {
		name string
		ctx  *fasthttp.RequestCtx
	}{
		{"preflight", ctx("OPTIONS", "Origin", adaptertest.PathsApp, "Access-Control-Request-Method", "PUT")},
		{"actual", ctx("GET", "Origin", adaptertest.PathsApp)},
	}
}

func BenchmarkFromPaths(b *testing.B) {
	for _, r := range pathsBenchRequests() {
		for _, app := range pathsBenchApps() {
			b.Run(r.name+"/"+app.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					r.ctx.Response.Reset()
					app.h(r.ctx)
				}
			})
		}
	}
}

func TestFromPathsAddsNoAllocationToFromPolicy(t *testing.T) {
	if adaptertest.RaceEnabled {
		t.Skip("the race detector allocates")
	}
	apps := pathsBenchApps()
	for _, r := range pathsBenchRequests() {
		t.Run("serving a "+r.name+" through FromPaths allocates no more than through FromPolicy", func(t *testing.T) {
			var allocs [2]float64
			for i, app := range apps {
				allocs[i] = testing.AllocsPerRun(100, func() {
					r.ctx.Response.Reset()
					app.h(r.ctx)
				})
			}
			if allocs[1] > allocs[0] {
				t.Errorf("FromPaths: %v allocations, FromPolicy: %v", allocs[1], allocs[0])
			}
		})
	}
}
