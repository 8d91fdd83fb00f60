package corsafiber3_test

import (
	"bytes"
	"io"
	"net/http"

	"github.com/corsa-go/corsa/conformance"
	"github.com/gofiber/fiber/v3"
	"github.com/valyala/fasthttp"
)

// markRan is a route handler that marks the response and answers 200.
func markRan(c fiber.Ctx) error {
	c.Set(conformance.HandlerHeader, conformance.HandlerRan)
	return c.SendString("ok")
}

// test serves each request on app over fiber's in-memory connection, as a
// client would: a conformance Server.Do.
func test(app *fiber.App) func(*http.Request) (*http.Response, error) {
	return func(r *http.Request) (*http.Response, error) { return app.Test(r, fiber.TestConfig{}) }
}

// inMemory hands each request to app's fasthttp handler without parsing
// bytes, as the net/http harness hands it to a ServeHTTP: fasthttp v1.69's
// parser refuses control bytes in header values before any handler runs
// (parity_test.go covers that path), and the suite's hardening cases are
// about what the policy does with such values once they arrive.
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
		res := &http.Response{
			StatusCode: ctx.Response.StatusCode(),
			Header:     http.Header{},
			Body:       io.NopCloser(bytes.NewReader(bytes.Clone(ctx.Response.Body()))),
			Request:    r,
		}
		for k, v := range ctx.Response.Header.All() {
			res.Header.Add(string(k), string(v))
		}
		return res, nil
	}
}
