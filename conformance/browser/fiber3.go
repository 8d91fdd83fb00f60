package browser

import (
	"errors"
	"net"
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v3"

	"github.com/corsa-go/corsa"
	corsafiber3 "github.com/corsa-go/corsa/fiber3"
)

// fiber v3 gets its own copy of the fiber v2 serving and recording code:
// its handlers take the fiber.Ctx interface, not *fiber.Ctx, so nothing
// but respond can be shared. In this module both majors run on fasthttp
// v1.69, the version fiber v3 requires.

// serveFiber3 serves with fiber v3, whose adapter works on fasthttp
// directly.
func serveFiber3(ln net.Listener, policy corsa.Config, rec *recorder) (func() error, error) {
	return serveFiber3With(ln, rec, func() (fiber.Handler, error) { return corsafiber3.New(policy) })
}

// serveFiber3With serves a fiber v3 app with the CORS middleware that mw
// makes.
func serveFiber3With(ln net.Listener, rec *recorder, mw func() (fiber.Handler, error)) (func() error, error) {
	cors, err := mw()
	if err != nil {
		return nil, err
	}
	app := fiber.New()
	app.Use(rec.recordFiber3)
	app.Use(cors)
	for _, r := range routes {
		app.Add(r.methods, r.path, rec.fiber3Endpoint)
	}
	served := make(chan error, 1)
	go func() { served <- app.Listener(ln, fiber.ListenConfig{DisableStartupMessage: true}) }()
	return func() error {
		return errors.Join(app.ShutdownWithTimeout(shutdownTimeout), <-served)
	}, nil
}

// fiber3Request copies what it keeps: fiber's strings point into buffers
// that fasthttp reuses for the next request.
func fiber3Request(c fiber.Ctx) request {
	return request{
		Method:         strings.Clone(c.Method()),
		URI:            strings.Clone(c.OriginalURL()),
		Origin:         strings.Clone(c.Get("Origin")),
		RequestMethod:  strings.Clone(c.Get("Access-Control-Request-Method")),
		RequestHeaders: strings.Clone(c.Get("Access-Control-Request-Headers")),
	}
}

// recordFiber3 is the first middleware of a fiber v3 app. It runs the
// app's error handler itself, so that the response it records is final.
func (rec *recorder) recordFiber3(c fiber.Ctx) error {
	x := rec.arrive(fiber3Request(c))
	if err := c.Next(); err != nil {
		if err := c.App().Config().ErrorHandler(c, err); err != nil {
			return err
		}
	}
	h := http.Header{}
	for k, vs := range c.GetRespHeaders() {
		for _, v := range vs {
			h.Add(strings.Clone(k), strings.Clone(v))
		}
	}
	rec.answer(x, c.Response().StatusCode(), h)
	return nil
}

// fiber3Endpoint is the fiber v3 handler of every route.
func (rec *recorder) fiber3Endpoint(c fiber.Ctx) error {
	rec.handled(fiber3Request(c))
	out := respond(c.Method(), c.Path(), func(name string) string { return c.Get(name) }, c.Body())
	for _, h := range out.header {
		c.Response().Header.Add(h[0], h[1])
	}
	return c.Status(out.status).SendString(out.body)
}
