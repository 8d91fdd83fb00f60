// Package corsafiber serves a corsa CORS policy as fiber (v2) middleware.
//
// Register it on the app with Use, before the routes:
//
//	app := fiber.New()
//	app.Use(corsafiber.Must(corsafiber.Config{Origins: []string{"https://app.example.com"}}))
//
// App.Use runs the middleware for every path, so preflights are answered
// for routes without an OPTIONS handler and for paths no route matches.
// Headers of actual requests are set before the next handler runs, so they
// survive errors such as fiber.ErrNotFound and panics recovered by fiber's
// recover middleware registered before this one.
//
// The middleware reads the request from fasthttp directly, without
// converting it to net/http or copying header values. The responses are
// exactly those documented in the core package
// (github.com/corsa-go/corsa/core).
package corsafiber
