package main

import (
	"context"
	"log"
	"net"

	"github.com/gofiber/fiber/v2"
	fiberrecover "github.com/gofiber/fiber/v2/middleware/recover"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/internal/routes"
	corsafiber "github.com/corsa-go/corsa/fiber"
)

// fiberServer is a fiber app on fasthttp, with fiber's recover, then
// corsafiber, as app.Use middleware.
type fiberServer struct{ app *fiber.App }

func newFiberServer(m *corsa.Middleware, logger *log.Logger) *fiberServer {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Use(fiberrecover.New())
	if m != nil {
		app.Use(func(c *fiber.Ctx) error {
			req := fastRequest(&c.Request().Header, c.Method())
			logIfRefused(m.Policy(), &req, c.Path(), logger)
			return c.Next()
		}, corsafiber.FromMiddleware(m))
	}
	routes.Fiber(app)
	return &fiberServer{app: app}
}

func (s *fiberServer) serve(ln net.Listener) error { return s.app.Listener(ln) }

func (s *fiberServer) shutdown(ctx context.Context) error { return s.app.ShutdownWithContext(ctx) }
