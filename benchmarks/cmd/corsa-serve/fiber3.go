package main

import (
	"context"
	"log"
	"net"

	"github.com/gofiber/fiber/v3"
	fiberrecover "github.com/gofiber/fiber/v3/middleware/recover"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/internal/routes"
	corsafiber3 "github.com/corsa-go/corsa/fiber3"
)

// fiber3Server is a fiber v3 app on fasthttp, with fiber's recover, then
// corsafiber3, as app.Use middleware.
type fiber3Server struct{ app *fiber.App }

func newFiber3Server(m *corsa.Middleware, logger *log.Logger) *fiber3Server {
	app := fiber.New()
	app.Use(fiberrecover.New())
	if m != nil {
		app.Use(func(c fiber.Ctx) error {
			req := fastRequest(&c.Request().Header, c.Method())
			logIfRefused(m.Policy(), &req, c.Path(), logger)
			return c.Next()
		}, corsafiber3.FromMiddleware(m))
	}
	routes.Fiber3(app)
	return &fiber3Server{app: app}
}

func (s *fiber3Server) serve(ln net.Listener) error {
	return s.app.Listener(ln, fiber.ListenConfig{DisableStartupMessage: true})
}

func (s *fiber3Server) shutdown(ctx context.Context) error { return s.app.ShutdownWithContext(ctx) }
