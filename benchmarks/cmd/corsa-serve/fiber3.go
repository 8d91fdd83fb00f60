package main

import (
	"context"
	"log"
	"net"

	"github.com/gofiber/fiber/v3"
	fiberrecover "github.com/gofiber/fiber/v3/middleware/recover"

	"github.com/corsa-go/corsa/conformance"
	corsa "github.com/corsa-go/corsa/core"
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
			req := fiber3Request(c)
			logIfRefused(m.Policy(), &req, c.Path(), logger)
			return c.Next()
		}, corsafiber3.FromMiddleware(m))
	}
	for _, rt := range conformance.Routes {
		app.Add(rt.Methods, rt.Path, fiber3Route(rt))
	}
	return &fiber3Server{app: app}
}

// fiber3Request copies what a policy reads from fasthttp's request, for
// the refusal log only: corsafiber3 reads it itself.
func fiber3Request(c fiber.Ctx) corsa.Request {
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

// fiber3Route does what rt describes with fiber v3's own calls: errors end
// as a returned *fiber.Error.
func fiber3Route(rt conformance.Route) fiber.Handler {
	return func(c fiber.Ctx) error {
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

func (s *fiber3Server) serve(ln net.Listener) error {
	return s.app.Listener(ln, fiber.ListenConfig{DisableStartupMessage: true})
}

func (s *fiber3Server) shutdown(ctx context.Context) error { return s.app.ShutdownWithContext(ctx) }
