package corsafiber_test

import (
	"net/http"

	"github.com/corsa-go/corsa/conformance"
	"github.com/gofiber/fiber/v2"
)

// markRan is a route handler that marks the response and answers 200.
func markRan(c *fiber.Ctx) error {
	c.Set(conformance.HandlerHeader, conformance.HandlerRan)
	return c.SendString("ok")
}

// test serves each request on app over fiber's in-memory connection, as a
// client would: a conformance Server.Do.
func test(app *fiber.App) func(*http.Request) (*http.Response, error) {
	return func(r *http.Request) (*http.Response, error) { return app.Test(r, -1) }
}
