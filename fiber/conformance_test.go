package corsafiber_test

import (
	"net/http"
	"testing"

	"github.com/corsa-go/corsa/conformance"
	corsa "github.com/corsa-go/corsa/core"
	corsafiber "github.com/corsa-go/corsa/fiber"
	"github.com/gofiber/fiber/v2"
	fiberrecover "github.com/gofiber/fiber/v2/middleware/recover"
)

// fiberHarness serves a policy the way fiber users do: fiber's recover
// middleware outside the CORS middleware, both with app.Use, then the
// routes. Requests go through app.Test, so over fasthttp's own request
// parser, which keeps repeated header lines apart: the harness has no
// quirk. Its read buffer, which bounds the request header block, is raised
// from fasthttp's 4 KiB so that the suite's megabyte-sized hostile headers
// reach the middleware instead of being refused with 431 before it.
func fiberHarness(cfg corsa.Config) (conformance.Server, error) {
	cors, err := corsafiber.New(cfg)
	if err != nil {
		return conformance.Server{}, err
	}
	app := fiber.New(fiber.Config{ReadBufferSize: 4 << 20})
	app.Use(fiberrecover.New(), cors)
	for _, rt := range conformance.Routes {
		for _, m := range rt.Methods {
			app.Add(m, rt.Path, conformanceHandler(rt))
		}
	}
	return conformance.Server{Do: func(r *http.Request) (*http.Response, error) {
		return app.Test(r, -1)
	}}, nil
}

// conformanceHandler is the handler Route describes, with fiber's calls.
func conformanceHandler(rt conformance.Route) fiber.Handler {
	return func(c *fiber.Ctx) error {
		c.Set(conformance.HandlerHeader, conformance.HandlerRan)
		switch {
		case rt.Panics:
			panic("the " + rt.Path + " handler panics on purpose")
		case rt.Status == http.StatusNotFound:
			return fiber.ErrNotFound
		case rt.Status == http.StatusInternalServerError:
			return fiber.ErrInternalServerError
		}
		if rt.SetTotalCount {
			c.Set(conformance.TotalCountHeader, conformance.TotalCount)
		}
		if rt.AddVary {
			c.Response().Header.Add(fiber.HeaderVary, conformance.HandlerVary)
		}
		return c.Status(rt.Status).SendString(rt.Body)
	}
}

func TestConformance(t *testing.T) {
	conformance.Run(t, fiberHarness)
}
