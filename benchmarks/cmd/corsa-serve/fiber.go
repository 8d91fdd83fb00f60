package main

import (
	"context"
	"log"
	"net"

	"github.com/gofiber/fiber/v2"
	fiberrecover "github.com/gofiber/fiber/v2/middleware/recover"

	"github.com/corsa-go/corsa/conformance"
	corsa "github.com/corsa-go/corsa/core"
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
			req := fiberRequest(c)
			logIfRefused(m.Policy(), &req, c.Path(), logger)
			return c.Next()
		}, corsafiber.FromMiddleware(m))
	}
	for _, rt := range conformance.Routes {
		for _, method := range rt.Methods {
			app.Add(method, rt.Path, fiberRoute(rt))
		}
	}
	return &fiberServer{app: app}
}

// fiberRequest copies what a policy reads from fasthttp's request, for the
// refusal log only: corsafiber reads it itself.
func fiberRequest(c *fiber.Ctx) corsa.Request {
	h := &c.Request().Header
	req := corsa.Request{Method: c.Method()}
	origins := h.PeekAll(corsa.HeaderOrigin)
	if len(origins) == 0 {
		return req
	}
	req.Origin = string(origins[0])
	req.MultipleOrigins = len(origins) > 1
	req.RequestMethod = string(h.Peek(corsa.HeaderRequestMethod))
	req.PrivateNetwork = string(h.Peek(corsa.HeaderRequestPrivateNetwork))
	for _, line := range h.PeekAll(corsa.HeaderRequestHeaders) {
		req.RequestHeaders = append(req.RequestHeaders, string(line))
	}
	return req
}

// fiberRoute does what rt describes with fiber's own calls: errors end as
// a returned *fiber.Error.
func fiberRoute(rt conformance.Route) fiber.Handler {
	return func(c *fiber.Ctx) error {
		c.Set(conformance.HandlerHeader, conformance.HandlerRan)
		switch {
		case rt.Panics:
			panic("corsa-serve: the " + rt.Path + " handler panics on purpose")
		case rt.Status == fiber.StatusNotFound:
			return fiber.ErrNotFound
		case rt.Status != fiber.StatusOK:
			return fiber.ErrInternalServerError
		}
		if rt.SetTotalCount {
			c.Set(conformance.TotalCountHeader, conformance.TotalCount)
		}
		if rt.AddVary {
			c.Response().Header.Add(corsa.HeaderVary, conformance.HandlerVary)
		}
		return c.SendString(rt.Body)
	}
}

func (s *fiberServer) serve(ln net.Listener) error { return s.app.Listener(ln) }

func (s *fiberServer) shutdown(ctx context.Context) error { return s.app.ShutdownWithContext(ctx) }
