package corsafiber_test

import (
	"net/http"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	corsafiber "github.com/corsa-go/corsa/fiber"
	"github.com/gofiber/fiber/v2"
	fiberrecover "github.com/gofiber/fiber/v2/middleware/recover"
)

// harness serves a policy the way fiber users do: fiber's recover
// middleware outside the CORS middleware, both with app.Use, then the
// routes. Requests are handed to the app's fasthttp handler in memory
// (inMemory), with repeated header lines kept apart: the harness has no
// quirk, and the suite's megabyte-sized or control-byte hostile headers
// reach the middleware instead of being refused by fasthttp's parser before
// it. What that parser does is parity_test.go's subject.
func harness(cfg corsa.Config) (conformance.Server, error) {
	cors, err := corsafiber.New(cfg)
	if err != nil {
		return conformance.Server{}, err
	}
	app := fiber.New()
	app.Use(fiberrecover.New(), cors)
	for _, rt := range conformance.Routes {
		for _, m := range rt.Methods {
			app.Add(m, rt.Path, routeHandler(rt))
		}
	}
	return conformance.Server{Do: inMemory(app)}, nil
}

// routeHandler is the handler Route describes, with fiber's calls.
func routeHandler(rt conformance.Route) fiber.Handler {
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
	conformance.Run(t, harness)
}
