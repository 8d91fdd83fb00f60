package corsaecho5_test

import (
	"fmt"
	"log"
	"net/http"

	"github.com/labstack/echo/v5"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsaecho5 "github.com/corsa-go/corsa/echo5"
)

// One policy, compiled once, served by several Echo instances, say one per
// port.
func ExampleFrom() {
	p := corsa.Must(corsaecho5.Config{Origins: []string{"https://app.example"}, ExposedHeaders: []string{"ETag"}})
	for _, port := range []string{":8080", ":8443"} {
		e := echo.New()
		e.Use(corsaecho5.From(p))
		e.GET("/items", func(c *echo.Context) error { return c.String(http.StatusOK, port) })
		adaptertest.Show(conformance.Recorder(e), adaptertest.Actual("GET", "https://app.example", "/items"))
	}
	// Output:
	// 200
	// Access-Control-Allow-Origin: https://app.example
	// Access-Control-Expose-Headers: ETag
	// Vary: Origin
	// 200
	// Access-Control-Allow-Origin: https://app.example
	// Access-Control-Expose-Headers: ETag
	// Vary: Origin
}

// On a Group the middleware answers the preflights to every path under
// the group's prefix, here the one a browser sends before a cross-origin
// PATCH with an Authorization header, though the route has no OPTIONS
// handler.
func ExampleNew() {
	cors, err := corsaecho5.New(corsaecho5.Config{
		Origins:        []string{"https://app.example"},
		Methods:        []string{"PATCH"},
		RequestHeaders: []string{"Authorization"},
		MaxAge:         corsa.Seconds(300),
	})
	if err != nil {
		log.Fatal(err)
	}
	e := echo.New()
	api := e.Group("/api", cors)
	api.PATCH("/items/:id", func(c *echo.Context) error { return c.NoContent(http.StatusNoContent) })

	adaptertest.Show(conformance.Recorder(e), adaptertest.Preflight("https://app.example", "/api/items/1", "PATCH", "authorization"))
	// Output:
	// 204
	// Access-Control-Allow-Origin: https://app.example
	// Access-Control-Allow-Methods: PATCH
	// Access-Control-Allow-Headers: Authorization
	// Access-Control-Max-Age: 300
	// Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
}

// e.Use is enough: echo runs it around whatever the router found, so the
// middleware answers preflights to unknown paths too.
func ExampleMust() {
	e := echo.New()
	e.Use(corsaecho5.Must(corsaecho5.Config{Origins: []string{"https://app.example"}, Methods: []string{"PUT"}}))
	e.PUT("/items/:id", func(c *echo.Context) error { return c.NoContent(http.StatusNoContent) })

	adaptertest.Show(conformance.Recorder(e), adaptertest.Preflight("https://app.example", "/nowhere", "PUT"))
	// Output:
	// 204
	// Access-Control-Allow-Origin: https://app.example
	// Access-Control-Allow-Methods: PUT
	// Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
}

// A corsa.Middleware holds a policy that can be replaced while serving: a
// Reconfigure the policy rules refuse leaves the one in force.
func ExampleFrom_middleware() {
	m, err := corsa.NewMiddleware(corsaecho5.Config{Origins: []string{"https://app.example"}, Methods: []string{"PUT"}})
	if err != nil {
		log.Fatal(err)
	}
	e := echo.New()
	e.Use(corsaecho5.From(m))
	e.GET("/items", func(c *echo.Context) error { return c.String(http.StatusOK, "[]") })

	// A reload with credentials for any origin, which corsa refuses.
	err = m.Reconfigure(corsaecho5.Config{Origins: []string{"*"}, Credentials: true})
	fmt.Println("refused:", err != nil)
	adaptertest.Show(conformance.Recorder(e), adaptertest.Actual("GET", "https://app.example", "/items"))
	// Output:
	// refused: true
	// 200
	// Access-Control-Allow-Origin: https://app.example
	// Vary: Origin
}

// The example of doc.go, with an admin area: a public part of the API
// open to every origin under a credentialed one. The longest prefix
// decides.
func ExampleFrom_paths() {
	paths, err := corsa.NewPaths(map[string]corsaecho5.Config{
		"/api":        {Origins: []string{"https://app.example"}, Credentials: true},
		"/api/public": {Origins: []string{"*"}},
		"/admin":      {Origins: []string{"https://admin.example"}, Methods: []string{"DELETE"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	e := echo.New()
	e.Use(corsaecho5.From(paths))
	e.GET("/api/orders", func(c *echo.Context) error { return c.String(http.StatusOK, "[]") })

	adaptertest.Show(conformance.Recorder(e), adaptertest.Actual("GET", "https://app.example", "/api/orders"))
	// Output:
	// 200
	// Access-Control-Allow-Origin: https://app.example
	// Access-Control-Allow-Credentials: true
	// Vary: Origin
}
