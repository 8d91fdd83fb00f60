package corsafiber_test

import (
	"bufio"
	"bytes"
	"io"
	"net/http"

	"github.com/corsa-go/corsa/conformance"
	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
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

// inMemory serves each request by calling app's fasthttp handler directly,
// with the request's header lines set as they are, so that the suite's
// hostile bytes reach corsa whatever the fasthttp version's request parser
// would have refused (from v1.69 on, which a workspace that also holds
// fiber v3 selects, it answers 400 to control bytes before any middleware).
// The parser itself is covered by parity_test.go.
func inMemory(app *fiber.App) func(*http.Request) (*http.Response, error) {
	h := app.Handler()
	return func(r *http.Request) (*http.Response, error) {
		var ctx fasthttp.RequestCtx
		ctx.Request.Header.SetMethod(r.Method)
		ctx.Request.SetRequestURI(r.URL.RequestURI())
		ctx.Request.Header.SetHost(r.Host)
		for name, values := range r.Header {
			for _, v := range values {
				ctx.Request.Header.Add(name, v)
			}
		}
		if r.Body != nil {
			body, err := io.ReadAll(r.Body)
			if err != nil {
				return nil, err
			}
			ctx.Request.SetBody(body)
		}
		h(&ctx)
		// Read the response back as a client would, which also works on
		// every fasthttp version without its version-specific header walks.
		var wire bytes.Buffer
		if _, err := ctx.Response.WriteTo(&wire); err != nil {
			return nil, err
		}
		return http.ReadResponse(bufio.NewReader(&wire), r)
	}
}
