package corsaecho_test

import (
	"log"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsaecho "github.com/corsa-go/corsa/echo"
)

// e.Use is enough: echo runs it around whatever the router found, here
// the handler it substitutes for an OPTIONS request to a route without an
// OPTIONS handler, so the middleware answers the preflight.
func ExampleNew() {
	cors, err := corsaecho.New(corsaecho.Config{
		Origins:        []string{"https://app.example"},
		Credentials:    true,
		Methods:        []string{"PUT"},
		RequestHeaders: []string{"Content-Type"},
	})
	if err != nil {
		log.Fatal(err)
	}
	e := echo.New()
	e.Use(cors)
	e.PUT("/items/:id", func(c echo.Context) error { return c.NoContent(http.StatusNoContent) })

	adaptertest.Show(conformance.Recorder(e), adaptertest.Preflight("https://app.example", "/items/1", "PUT", "content-type"))
	// Output:
	// 204
	// Access-Control-Allow-Origin: https://app.example
	// Access-Control-Allow-Credentials: true
	// Access-Control-Allow-Methods: PUT
	// Access-Control-Allow-Headers: Content-Type
	// Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
}

// e.Pre, ahead of a Pre middleware that ends requests before routing: the
// redirect to HTTPS keeps its CORS headers, so that the browser follows
// it.
func ExampleMust() {
	e := echo.New()
	e.Pre(corsaecho.Must(corsaecho.Config{Origins: []string{"https://app.example"}}), middleware.HTTPSRedirect())

	adaptertest.Show(conformance.Recorder(e), adaptertest.Actual("GET", "https://app.example", "/items"))
	// Output:
	// 301
	// Access-Control-Allow-Origin: https://app.example
	// Vary: Origin
}

// One policy, compiled once, served by two Echo instances: say the public
// API, and the admin API on another port, which removes trailing slashes
// before routing and so installs the middleware with e.Pre, ahead of it.
func ExampleFrom() {
	p := corsa.Must(corsaecho.Config{Origins: []string{"https://app.example"}, Credentials: true})
	public := echo.New()
	public.Use(corsaecho.From(p))
	public.GET("/items", func(c echo.Context) error { return c.String(http.StatusOK, "[]") })
	admin := echo.New()
	admin.Pre(corsaecho.From(p), middleware.RemoveTrailingSlash())
	admin.GET("/users", func(c echo.Context) error { return c.String(http.StatusOK, "[]") })

	adaptertest.Show(conformance.Recorder(admin), adaptertest.Actual("GET", "https://app.example", "/users/"))
	// Output:
	// 200
	// Access-Control-Allow-Origin: https://app.example
	// Access-Control-Allow-Credentials: true
	// Vary: Origin
}

// A corsa.Middleware holds a policy that can be replaced while serving:
// the instance serves the new policy from the next request on.
func ExampleFrom_middleware() {
	m, err := corsa.NewMiddleware(corsaecho.Config{Origins: []string{"https://app.example"}})
	if err != nil {
		log.Fatal(err)
	}
	e := echo.New()
	e.Use(corsaecho.From(m))
	e.GET("/items", func(c echo.Context) error { return c.String(http.StatusOK, "[]") })

	// Later, say on a configuration reload; the instance is untouched.
	if err := m.Reconfigure(corsaecho.Config{Origins: []string{"https://app.example", "https://beta.app.example"}}); err != nil {
		log.Fatal(err)
	}
	adaptertest.Show(conformance.Recorder(e), adaptertest.Actual("GET", "https://beta.app.example", "/items"))
	// Output:
	// 200
	// Access-Control-Allow-Origin: https://beta.app.example
	// Vary: Origin
}

// One middleware, installed with e.Use, serves each Group its own policy:
// a preflight to a route in a group, which has no OPTIONS handler, is
// answered with the group's policy, and refused to another group's origin.
func ExampleFrom_paths() {
	pp, err := corsa.NewPaths(map[string]corsaecho.Config{
		"/api":   {Origins: []string{"https://app.example"}, Methods: []string{"DELETE"}},
		"/admin": {Origins: []string{"https://admin.example"}, Methods: []string{"DELETE"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	e := echo.New()
	e.Use(corsaecho.From(pp))
	e.Group("/admin").DELETE("/users/:id", func(c echo.Context) error { return c.NoContent(http.StatusNoContent) })

	adaptertest.Show(conformance.Recorder(e), adaptertest.Preflight("https://app.example", "/admin/users/1", "DELETE"))
	// Output:
	// 403
	// Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
}
