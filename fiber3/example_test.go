package corsafiber3_test

import (
	"log"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafiber3 "github.com/corsa-go/corsa/fiber3"
	"github.com/gofiber/fiber/v3"
)

// Credentials: the browser lets the page read the answer to a request
// sent with cookies.
func ExampleMust() {
	app := fiber.New()
	app.Use(corsafiber3.Must(corsafiber3.Config{Origins: []string{"https://app.example.com"}, Credentials: true}))
	app.Get("/me", func(c fiber.Ctx) error { return c.JSON(map[string]string{"name": "ada"}) })

	adaptertest.Show(test(app), adaptertest.Actual("GET", "https://app.example.com", "/me"))
	// Output:
	// 200
	// Access-Control-Allow-Origin: https://app.example.com
	// Access-Control-Allow-Credentials: true
	// Vary: Origin
}

// app.Use, before the routes: the middleware answers a preflight from a
// public page to a device on the private network, asking for Private
// Network Access, though the route has no OPTIONS handler. (test sends a
// request with app.Test.)
func ExampleNew() {
	cors, err := corsafiber3.New(corsafiber3.Config{
		Origins:        []string{"https://app.example.com"},
		PrivateNetwork: true,
	})
	if err != nil {
		log.Fatal(err)
	}
	app := fiber.New()
	app.Use(cors)
	app.Get("/status", func(c fiber.Ctx) error { return c.SendString("up") })

	adaptertest.Show(test(app), conformance.Request{Method: "OPTIONS", Path: "/status", Header: [][2]string{
		{"Origin", "https://app.example.com"},
		{"Access-Control-Request-Method", "GET"},
		{"Access-Control-Request-Private-Network", "true"},
	}})
	// Output:
	// 204
	// Access-Control-Allow-Origin: https://app.example.com
	// Access-Control-Allow-Private-Network: true
	// Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network
}

// One policy, compiled once, served by two apps: say the public API and
// the admin API, listening on different ports.
func ExampleFrom() {
	p := corsa.Must(corsafiber3.Config{Origins: []string{"https://app.example.com"}, Methods: []string{"DELETE"}})
	public, admin := fiber.New(), fiber.New()
	public.Use(corsafiber3.From(p))
	admin.Use(corsafiber3.From(p))
	admin.Delete("/users/:id", func(c fiber.Ctx) error { return c.SendStatus(fiber.StatusNoContent) })

	adaptertest.Show(test(admin), adaptertest.Preflight("https://app.example.com", "/users/7", "DELETE"))
	// Output:
	// 204
	// Access-Control-Allow-Origin: https://app.example.com
	// Access-Control-Allow-Methods: DELETE
	// Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
}

// A credentialed API under a site open to every origin: the longest
// prefix decides, "/" covering every path no other prefix does.
func ExampleFrom_paths() {
	pp, err := corsa.NewPaths(map[string]corsa.Config{
		"/":    {Origins: []string{"*"}},
		"/api": {Origins: []string{"https://app.example"}, Credentials: true},
	})
	if err != nil {
		log.Fatal(err)
	}
	app := fiber.New()
	app.Use(corsafiber3.From(pp))
	app.Get("/status", func(c fiber.Ctx) error { return c.SendString("up") })

	adaptertest.Show(test(app), adaptertest.Actual("GET", "https://elsewhere.example", "/status"))
	// Output:
	// 200
	// Access-Control-Allow-Origin: *
}
