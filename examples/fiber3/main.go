// Command fiber3 is the corsa demo on fiber v3: an API with the corsafiber3
// middleware on one port, and on another port a page that calls it
// cross-origin, so that CORS can be watched at work in a browser.
//
//	go run ./examples/fiber3 [-api 127.0.0.1:8080] [-page 127.0.0.1:8081] [-policy file.json]
//
// then open http://127.0.0.1:8081. Ctrl-C stops it.
//
// The demo's handlers are net/http handlers shared by every example, so
// here they are mounted with fiber's adaptor; the corsa middleware itself
// works on fasthttp directly.
package main

import (
	"net"

	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/adaptor"
	"github.com/gofiber/fiber/v3/middleware/recover"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/examples/internal/demo"
	corsafiber3 "github.com/corsa-go/corsa/fiber3"
)

func main() {
	d := demo.Start("fiber3")
	app := newAPI(d.Policy)
	// fiber v3 moved the startup message from fiber.Config to Listener's
	// ListenConfig.
	serve := func(ln net.Listener) error {
		return app.Listener(ln, fiber.ListenConfig{DisableStartupMessage: true})
	}
	d.Serve(serve, app.ShutdownWithContext)
}

// newAPI returns the demo's API behind the CORS policy p.
func newAPI(p *corsa.Policy) *fiber.App {
	app := fiber.New()
	app.Use(recover.New(), corsafiber3.From(p))
	for _, rt := range demo.Routes {
		app.Add([]string{rt.Method}, rt.Path, adaptor.HTTPHandlerFunc(rt.Handler))
	}
	return app
}
