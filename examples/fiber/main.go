// Command fiber is the corsa demo on fiber: an API with the corsafiber
// middleware on one port, and on another port a page that calls it
// cross-origin, so that CORS can be watched at work in a browser.
//
//	go run ./examples/fiber [-api 127.0.0.1:8080] [-page 127.0.0.1:8081] [-policy file.json]
//
// then open http://127.0.0.1:8081. Ctrl-C stops it.
//
// The demo's handlers are net/http handlers shared by every example, so
// here they are mounted with fiber's adaptor; the corsa middleware itself
// works on fasthttp directly.
package main

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/gofiber/fiber/v2/middleware/recover"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/examples/internal/demo"
	corsafiber "github.com/corsa-go/corsa/fiber"
)

func main() {
	d := demo.Start("fiber")
	app := newAPI(d.Policy)
	d.Serve(app.Listener, app.ShutdownWithContext)
}

// newAPI returns the demo's API behind the CORS policy p.
func newAPI(p *corsa.Policy) *fiber.App {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Use(recover.New(), corsafiber.From(p))
	for _, rt := range demo.Routes {
		app.Add(rt.Method, rt.Path, adaptor.HTTPHandlerFunc(rt.Handler))
	}
	return app
}
