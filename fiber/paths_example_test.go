package corsafiber_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/gofiber/fiber/v2"

	"github.com/corsa-go/corsa"
	corsafiber "github.com/corsa-go/corsa/fiber"
)

// One middleware, installed globally, serves each group its own policy:
// preflights to routes inside the groups, which have no OPTIONS handler,
// are answered with the group's policy.
func ExampleFrom_paths() {
	pp, err := corsa.NewPaths(map[string]corsa.Config{
		"/api":   {Origins: []string{"https://app.example"}, Credentials: true, Methods: []string{"DELETE"}},
		"/admin": {Origins: []string{"https://admin.example"}, Methods: []string{"DELETE"}},
	})
	if err != nil {
		panic(err)
	}
	app := fiber.New()
	app.Use(corsafiber.From(pp))
	noContent := func(c *fiber.Ctx) error { return c.SendStatus(http.StatusNoContent) }
	app.Group("/api").Delete("/items/:id", noContent)
	app.Group("/admin").Delete("/users/:id", noContent)

	for _, tc := range []struct{ path, origin string }{
		{"/api/items/1", "https://app.example"},
		{"/admin/users/1", "https://app.example"},
		{"/admin/users/1", "https://admin.example"},
	} {
		r := httptest.NewRequest(http.MethodOptions, tc.path, nil)
		r.Header.Set("Origin", tc.origin)
		r.Header.Set("Access-Control-Request-Method", "DELETE")
		resp, err := app.Test(r, -1)
		if err != nil {
			panic(err)
		}
		status, allowOrigin := resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin")
		fmt.Printf("%s from %s: %d %q\n", tc.path, tc.origin, status, allowOrigin)
	}
	// Output:
	// /api/items/1 from https://app.example: 204 "https://app.example"
	// /admin/users/1 from https://app.example: 403 ""
	// /admin/users/1 from https://admin.example: 204 "https://admin.example"
}
