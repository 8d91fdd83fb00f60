package corsafiber_test

import (
	"log"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafiber "github.com/corsa-go/corsa/fiber"
	"github.com/gofiber/fiber/v2"
)

// app.Use, before the routes: the middleware answers the preflight a
// browser sends before a cross-origin PUT with cookies, though the route
// has no OPTIONS handler. (test sends a request with app.Test.)
func ExampleNew() {
	cors, err := corsafiber.New(corsafiber.Config{
		Origins:     []string{"https://app.example.com"},
		Credentials: true,
		Methods:     []string{"PUT", "DELETE"},
		MaxAge:      corsa.Seconds(3600),
	})
	if err != nil {
		log.Fatal(err)
	}
	app := fiber.New()
	app.Use(cors)
	app.Put("/items/:id", func(c *fiber.Ctx) error { return c.SendStatus(fiber.StatusNoContent) })

	adaptertest.Show(test(app), adaptertest.Preflight("https://app.example.com", "/items/7", "PUT"))
	// Output:
	// 204
	// Access-Control-Allow-Origin: https://app.example.com
	// Access-Control-Allow-Credentials: true
	// Access-Control-Allow-Methods: PUT, DELETE
	// Access-Control-Max-Age: 3600
	// Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
}

// Installed with app.Use, the middleware covers the routes of every Group.
func ExampleMust() {
	app := fiber.New()
	app.Use(corsafiber.Must(corsafiber.Config{Origins: []string{"https://app.example.com"}}))
	app.Group("/v1").Get("/items", func(c *fiber.Ctx) error { return c.JSON([]string{}) })

	adaptertest.Show(test(app), adaptertest.Actual("GET", "https://app.example.com", "/v1/items"))
	// Output:
	// 200
	// Access-Control-Allow-Origin: https://app.example.com
	// Vary: Origin
}

// A corsa.Middleware's policy can be replaced while serving.
func ExampleFrom() {
	m, err := corsa.NewMiddleware(corsa.Config{Origins: []string{"https://app.example.com"}, Credentials: true, ExposedHeaders: []string{"ETag"}})
	if err != nil {
		log.Fatal(err)
	}
	app := fiber.New()
	app.Use(corsafiber.From(m))
	app.Get("/items", func(c *fiber.Ctx) error { return c.SendString("[]") })

	// Later, for instance when the policy file changes:
	if err := m.Reconfigure(corsa.Config{Origins: []string{"https://new.example.com"}, Credentials: true, ExposedHeaders: []string{"ETag"}}); err != nil {
		log.Print(err) // the old policy stays in force
	}
	adaptertest.Show(test(app), adaptertest.Actual("GET", "https://new.example.com", "/items"))
	// Output:
	// 200
	// Access-Control-Allow-Origin: https://new.example.com
	// Access-Control-Allow-Credentials: true
	// Access-Control-Expose-Headers: ETag
	// Vary: Origin
}

// One middleware, installed with app.Use, serves each Group its own
// policy. fiber routes ignoring letter case, but a path whose policy
// would depend on it gets no CORS at all: the route answers, without
// Access-Control-Allow-Origin.
func ExampleFrom_paths() {
	pp, err := corsa.NewPaths(map[string]corsa.Config{
		"/api":   {Origins: []string{"https://app.example"}, Credentials: true, Methods: []string{"PUT"}},
		"/admin": {Origins: []string{"https://admin.example"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	app := fiber.New()
	app.Use(corsafiber.From(pp))
	app.Group("/api").Get("/items", func(c *fiber.Ctx) error { return c.SendString("[]") })

	adaptertest.Show(test(app), adaptertest.Actual("GET", "https://app.example", "/api/items"))
	adaptertest.Show(test(app), adaptertest.Actual("GET", "https://app.example", "/API/items"))
	// Output:
	// 200
	// Access-Control-Allow-Origin: https://app.example
	// Access-Control-Allow-Credentials: true
	// Vary: Origin
	// 200
}
