package corsafiber_test

import (
	"fmt"
	"log"
	"net/http/httptest"

	"github.com/corsa-go/corsa"
	corsafiber "github.com/corsa-go/corsa/fiber"
	"github.com/gofiber/fiber/v2"
)

func ExampleNew() {
	cors, err := corsafiber.New(corsafiber.Config{
		Origins:        []string{"https://app.example.com"},
		Methods:        []string{"PUT", "DELETE"},
		RequestHeaders: []string{"Content-Type"},
	})
	if err != nil {
		log.Fatal(err)
	}
	app := fiber.New()
	app.Use(cors)
	app.Put("/items/:id", func(c *fiber.Ctx) error { return c.SendStatus(fiber.StatusNoContent) })

	// A browser's preflight before a cross-origin PUT with a JSON body.
	req := httptest.NewRequest(fiber.MethodOptions, "/items/7", nil)
	req.Header.Set("Origin", "https://app.example.com")
	req.Header.Set("Access-Control-Request-Method", "PUT")
	req.Header.Set("Access-Control-Request-Headers", "content-type")
	res, err := app.Test(req, -1)
	if err != nil {
		log.Fatal(err)
	}

	fmt.Println(res.StatusCode)
	for _, name := range []string{"Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Vary"} {
		fmt.Printf("%s: %s\n", name, res.Header.Get(name))
	}
	// Output:
	// 204
	// Access-Control-Allow-Origin: https://app.example.com
	// Access-Control-Allow-Methods: PUT, DELETE
	// Access-Control-Allow-Headers: Content-Type
	// Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
}

func ExampleMust() {
	app := fiber.New()
	app.Use(corsafiber.Must(corsafiber.Config{Origins: []string{"https://app.example.com"}}))
	app.Get("/items", func(c *fiber.Ctx) error { return c.SendString("[]") })

	req := httptest.NewRequest(fiber.MethodGet, "/items", nil)
	req.Header.Set("Origin", "https://app.example.com")
	res, err := app.Test(req, -1)
	if err != nil {
		log.Fatal(err)
	}

	fmt.Println(res.Header.Get("Access-Control-Allow-Origin"))
	// Output: https://app.example.com
}

// A corsa.Middleware's policy can be replaced while serving.
func ExampleFrom() {
	m, err := corsa.NewMiddleware(corsa.Config{Origins: []string{"https://app.example.com"}})
	if err != nil {
		log.Fatal(err)
	}
	app := fiber.New()
	app.Use(corsafiber.From(m))
	app.Get("/items", func(c *fiber.Ctx) error { return c.SendString("[]") })

	// Later, for instance when the policy file changes:
	if err := m.Reconfigure(corsa.Config{Origins: []string{"https://new.example.com"}}); err != nil {
		log.Print(err) // the old policy stays in force
	}

	req := httptest.NewRequest(fiber.MethodGet, "/items", nil)
	req.Header.Set("Origin", "https://new.example.com")
	res, err := app.Test(req, -1)
	if err != nil {
		log.Fatal(err)
	}

	fmt.Println(res.Header.Get("Access-Control-Allow-Origin"))
	// Output: https://new.example.com
}
