// Command fibercors is a fiber v2 server whose CORS middleware moved from
// fiber's own to corsa. The comments say what each part was with fiber's
// middleware.
package main

import (
	"log"

	"github.com/gofiber/fiber/v2"

	"github.com/corsa-go/corsa"
	corsafiber "github.com/corsa-go/corsa/fiber"
)

// policy is the application's CORS policy. With fiber's middleware it
// was, in comma-separated strings where corsa has lists,
//
//	cors.Config{
//		AllowOrigins:     "https://app.example.com,https://admin.example.com",
//		AllowCredentials: true,
//		AllowMethods:     "GET,POST,PUT,DELETE",
//		AllowHeaders:     "Content-Type,Authorization",
//		ExposeHeaders:    "X-Total-Count",
//		MaxAge:           600,
//	}
var policy = corsa.Config{
	Origins:        []string{"https://app.example.com", "https://admin.example.com"},
	Credentials:    true,
	Methods:        []string{"PUT", "DELETE"}, // GET, HEAD and POST never need listing
	RequestHeaders: []string{"Content-Type", "Authorization"},
	ExposedHeaders: []string{"X-Total-Count"},
	MaxAge:         corsa.Seconds(600),
}

func main() {
	// newApp(cors.New(config)) with fiber's middleware.
	app := newApp(corsafiber.Must(policy))
	log.Fatal(app.Listen("127.0.0.1:8080"))
}

// newApp routes the application's requests behind cors, the CORS
// middleware, installed with Use so that it answers every path's
// preflights.
func newApp(cors fiber.Handler) *fiber.App {
	app := fiber.New()
	app.Use(cors)
	app.Get("/items", items)
	app.Put("/items", items)
	app.Delete("/items", items)
	return app
}

// items answers with the list of items and their total count, a header
// the page reads.
func items(c *fiber.Ctx) error {
	c.Set("X-Total-Count", "0")
	return c.JSON([]string{})
}
