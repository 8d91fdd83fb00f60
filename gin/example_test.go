package corsagin_test

import (
	"log"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsagin "github.com/corsa-go/corsa/gin"
)

// Installed on the engine, the middleware covers the routes of every
// RouterGroup too.
func ExampleMust() {
	r := gin.New()
	r.Use(corsagin.Must(corsagin.Config{Origins: []string{"https://app.example"}, ExposedHeaders: []string{"X-Total-Count"}}))
	v1 := r.Group("/v1")
	v1.GET("/items", func(c *gin.Context) { c.JSON(http.StatusOK, []string{}) })

	adaptertest.Show(conformance.Recorder(r), adaptertest.Actual("GET", "https://app.example", "/v1/items"))
	// Output:
	// 200
	// Access-Control-Allow-Origin: https://app.example
	// Access-Control-Expose-Headers: X-Total-Count
	// Vary: Origin
}

// Engine.Use, before the routes, with gin's recovery outside it: the
// middleware answers the preflight a browser sends before a cross-origin
// DELETE, though the route has no OPTIONS handler.
func ExampleNew() {
	r := gin.New()
	cors, err := corsagin.New(corsagin.Config{
		Origins: []string{"https://app.example"},
		Methods: []string{"DELETE"},
		MaxAge:  corsa.Seconds(600),
	})
	if err != nil {
		log.Fatal(err)
	}
	r.Use(gin.Recovery(), cors)
	r.DELETE("/items/:id", func(c *gin.Context) { c.Status(http.StatusNoContent) })

	adaptertest.Show(conformance.Recorder(r), adaptertest.Preflight("https://app.example", "/items/1", "DELETE"))
	// Output:
	// 204
	// Access-Control-Allow-Origin: https://app.example
	// Access-Control-Allow-Methods: DELETE
	// Access-Control-Max-Age: 600
	// Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
}

// One policy, compiled once, served by two engines: say the public API and
// the admin API, listening on different ports.
func ExampleFrom() {
	p, err := corsa.New(corsagin.Config{Origins: []string{"https://app.example"}, Credentials: true})
	if err != nil {
		log.Fatal(err)
	}
	public, admin := gin.New(), gin.New()
	public.Use(corsagin.From(p))
	admin.Use(corsagin.From(p))
	public.GET("/items", func(c *gin.Context) { c.String(http.StatusOK, "[]") })
	admin.GET("/users", func(c *gin.Context) { c.String(http.StatusOK, "[]") })

	adaptertest.Show(conformance.Recorder(admin), adaptertest.Actual("GET", "https://app.example", "/users"))
	// Output:
	// 200
	// Access-Control-Allow-Origin: https://app.example
	// Access-Control-Allow-Credentials: true
	// Vary: Origin
}

// A corsa.Middleware holds a policy that can be replaced while serving:
// the engine serves the new policy from the next request on.
func ExampleFrom_middleware() {
	m, err := corsa.NewMiddleware(corsagin.Config{Origins: []string{"https://app.example"}, MaxAge: corsa.Seconds(60)})
	if err != nil {
		log.Fatal(err)
	}
	r := gin.New()
	r.Use(corsagin.From(m))
	r.GET("/items", func(c *gin.Context) { c.String(http.StatusOK, "[]") })

	show := func() {
		adaptertest.Show(conformance.Recorder(r), adaptertest.Actual("GET", "https://beta.app.example", "/items"))
	}
	show()
	// Later, say on a configuration reload; the engine is untouched.
	if err := m.Reconfigure(corsagin.Config{Origins: []string{"https://app.example", "https://beta.app.example"}, MaxAge: corsa.Seconds(60)}); err != nil {
		log.Fatal(err)
	}
	show()
	// Output:
	// 200
	// Vary: Origin
	// 200
	// Access-Control-Allow-Origin: https://beta.app.example
	// Vary: Origin
}

// The example of doc.go: a public part of the API open to every origin
// under a credentialed one. The longest prefix decides.
func ExampleFrom_paths() {
	paths, err := corsa.NewPaths(map[string]corsagin.Config{
		"/api":        {Origins: []string{"https://app.example"}, Credentials: true},
		"/api/public": {Origins: []string{"*"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	r := gin.New()
	r.Use(corsagin.From(paths))
	api := r.Group("/api")
	api.GET("/public/status", func(c *gin.Context) { c.String(http.StatusOK, "up") })

	adaptertest.Show(conformance.Recorder(r), adaptertest.Actual("GET", "https://elsewhere.example", "/api/public/status"))
	// Output:
	// 200
	// Access-Control-Allow-Origin: *
}
