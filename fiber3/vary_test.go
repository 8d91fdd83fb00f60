package corsafiber3_test

import (
	"net/http"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafiber3 "github.com/corsa-go/corsa/fiber3"
	"github.com/gofiber/fiber/v3"
	"github.com/valyala/fasthttp"
)

// What happens to "Vary: Origin" (SPEC.md §3) when code that runs after
// corsa sets Vary instead of adding to it (c.Set): fasthttp sends nothing
// before the handler returns, so corsa puts Origin back whatever the
// handler wrote, unless the code runs after corsa returns.
func TestVaryWhenDownstreamCodeSetsIt(t *testing.T) {
	const origin = adaptertest.VaryOrigin
	listed, anyOrigin := adaptertest.VaryListed(), adaptertest.VaryAny()
	setVary := func(value string) fiber.Handler {
		return func(c fiber.Ctx) error { c.Set("Vary", value); return c.Next() }
	}
	ok := func(c fiber.Ctx) error { return c.SendString("ok") }
	tests := []struct {
		name    string
		cfg     corsa.Config
		origin  string
		before  []fiber.Handler // registered before corsa
		after   []fiber.Handler // registered after corsa
		handler fiber.Handler
		want    []string
	}{
		{"a handler that sets Vary and writes a body gets Origin back",
			listed, origin, nil, nil, func(c fiber.Ctx) error { c.Set("Vary", "Accept-Encoding"); return c.SendString("ok") },
			[]string{"Accept-Encoding", "Origin"}},
		{"a handler that deletes Vary gets Origin back",
			listed, origin, nil, nil, func(c fiber.Ctx) error { c.Response().Header.Del("Vary"); return c.SendString("ok") },
			[]string{"Origin"}},
		{"a handler that sets Vary and returns an error gets Origin back",
			listed, origin, nil, nil, func(c fiber.Ctx) error { c.Set("Vary", "Accept-Encoding"); return fiber.ErrServiceUnavailable },
			[]string{"Accept-Encoding", "Origin"}},
		{"middleware after corsa that sets Vary gets Origin back",
			listed, origin, nil, []fiber.Handler{setVary("Accept-Encoding")}, ok, []string{"Accept-Encoding", "Origin"}},
		{"a request without Origin whose handler sets Vary gets Origin back",
			listed, "", nil, []fiber.Handler{setVary("Accept-Encoding")}, ok, []string{"Accept-Encoding", "Origin"}},
		{"a Vary set to a list naming Origin gets no second Origin",
			listed, origin, nil, []fiber.Handler{setVary("Accept-Encoding, origin")}, ok, []string{"Accept-Encoding, origin"}},
		{"a Vary set to * gets no Origin, which it covers",
			listed, origin, nil, []fiber.Handler{setVary("*")}, ok, []string{"*"}},
		{"an any-origin answer, which does not vary, gets no Origin",
			anyOrigin, origin, nil, []fiber.Handler{setVary("Accept-Encoding")}, ok, []string{"Accept-Encoding"}},
		{"an any-origin answer to a request without Origin, constant too, gets no Origin",
			anyOrigin, "", nil, []fiber.Handler{setVary("Accept-Encoding")}, ok, []string{"Accept-Encoding"}},
		{"a handler that adds with c.Vary keeps Origin on the same line",
			listed, origin, nil, nil, func(c fiber.Ctx) error { c.Vary("Accept-Encoding"); return c.SendString("ok") },
			[]string{"Origin, Accept-Encoding"}},
		{"middleware registered before corsa that sets Vary before calling Next keeps Origin",
			listed, origin, []fiber.Handler{setVary("Accept-Encoding")}, nil, ok, []string{"Accept-Encoding", "Origin"}},
		{"middleware registered before corsa that sets Vary after Next returns wipes Origin, which corsa cannot restore",
			listed, origin, []fiber.Handler{func(c fiber.Ctx) error {
				err := c.Next()
				c.Set("Vary", "Accept-Encoding")
				return err
			}}, nil, ok, []string{"Accept-Encoding"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := fiber.New()
			for _, h := range tt.before {
				app.Use(h)
			}
			app.Use(corsafiber3.Must(tt.cfg))
			for _, h := range tt.after {
				app.Use(h)
			}
			app.Get("/items", tt.handler)
			adaptertest.CheckVary(t, test(app), tt.cfg, tt.origin, tt.want)
		})
	}
}

// Restoring Vary reuses fasthttp's pooled header storage: it adds no
// allocation over the same app without corsa.
func TestRestoringVaryAddsNoAllocation(t *testing.T) {
	if adaptertest.RaceEnabled {
		t.Skip("the race detector allocates")
	}
	build := func(use ...fiber.Handler) fasthttp.RequestHandler {
		app := fiber.New()
		for _, h := range use {
			app.Use(h)
		}
		app.Get("/items", func(c fiber.Ctx) error {
			c.Set("Vary", "Accept-Encoding")
			return c.SendString("ok")
		})
		return app.Handler()
	}
	req := conformance.Request{Method: http.MethodGet, Path: "/items", Header: [][2]string{{"Origin", "https://app.example"}}}
	var allocs [2]float64
	for i, h := range []fasthttp.RequestHandler{build(), build(corsafiber3.Must(corsa.Config{Origins: []string{"https://app.example"}}))} {
		ctx := requestCtx(req)
		allocs[i] = testing.AllocsPerRun(100, func() { serveCtx(h, ctx) })
		if i == 1 {
			if got := string(ctx.Response.Header.Peek("Vary")); got != "Accept-Encoding" {
				t.Fatalf("first Vary line %q, want the handler's", got)
			}
			if n := len(ctx.Response.Header.PeekAll("Vary")); n != 2 {
				t.Fatalf("%d Vary lines, want 2: corsa did not restore Origin", n)
			}
		}
	}
	if allocs[1] > allocs[0] {
		t.Errorf("corsa adds %.0f allocations when it restores Vary (bare fiber %.0f), want none", allocs[1]-allocs[0], allocs[0])
	}
}
