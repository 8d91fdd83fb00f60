package corsagin_test

import (
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa"
	corsagin "github.com/corsa-go/corsa/gin"
)

func ExampleNew() {
	cors, err := corsagin.New(corsagin.Config{
		Origins:        []string{"https://app.example"},
		Methods:        []string{"PUT", "DELETE"},
		RequestHeaders: []string{"Content-Type"},
		MaxAge:         corsa.Seconds(600),
	})
	if err != nil {
		log.Fatal(err)
	}
	r := gin.New()
	r.Use(cors)
	r.PUT("/items/:id", func(c *gin.Context) { c.Status(http.StatusNoContent) })

	// The preflight a browser sends before a cross-origin JSON PUT: the
	// route has no OPTIONS handler, the middleware answers it.
	req := httptest.NewRequest(http.MethodOptions, "/items/1", nil)
	req.Header.Set("Origin", "https://app.example")
	req.Header.Set("Access-Control-Request-Method", "PUT")
	req.Header.Set("Access-Control-Request-Headers", "content-type")
	w := httptest.NewRecorder()
	r.ServeHTTP(w, req)

	fmt.Println(w.Code)
	printHeaders(w.Header())
	// Output:
	// 204
	// Access-Control-Allow-Origin: https://app.example
	// Access-Control-Allow-Methods: PUT, DELETE
	// Access-Control-Allow-Headers: Content-Type
	// Access-Control-Max-Age: 600
	// Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
}

func ExampleMust() {
	r := gin.New()
	r.Use(corsagin.Must(corsagin.Config{Origins: []string{"https://app.example"}}))
	r.GET("/items", func(c *gin.Context) { c.String(http.StatusOK, "[]") })

	req := httptest.NewRequest(http.MethodGet, "/items", nil)
	req.Header.Set("Origin", "https://app.example")
	w := httptest.NewRecorder()
	r.ServeHTTP(w, req)

	fmt.Println(w.Code)
	printHeaders(w.Header())
	// Output:
	// 200
	// Access-Control-Allow-Origin: https://app.example
	// Vary: Origin
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

	for _, tc := range []struct {
		engine *gin.Engine
		path   string
	}{{public, "/items"}, {admin, "/users"}} {
		req := httptest.NewRequest(http.MethodGet, tc.path, nil)
		req.Header.Set("Origin", "https://app.example")
		w := httptest.NewRecorder()
		tc.engine.ServeHTTP(w, req)
		fmt.Println(tc.path, w.Code)
		printHeaders(w.Header())
	}
	// Output:
	// /items 200
	// Access-Control-Allow-Origin: https://app.example
	// Access-Control-Allow-Credentials: true
	// Vary: Origin
	// /users 200
	// Access-Control-Allow-Origin: https://app.example
	// Access-Control-Allow-Credentials: true
	// Vary: Origin
}

// A corsa.Middleware holds a policy that can be replaced while serving:
// the engine serves the new policy from the next request on.
func ExampleFrom_middleware() {
	m, err := corsa.NewMiddleware(corsagin.Config{Origins: []string{"https://app.example"}})
	if err != nil {
		log.Fatal(err)
	}
	r := gin.New()
	r.Use(corsagin.From(m))
	r.GET("/items", func(c *gin.Context) { c.String(http.StatusOK, "[]") })

	get := func() {
		req := httptest.NewRequest(http.MethodGet, "/items", nil)
		req.Header.Set("Origin", "https://beta.app.example")
		w := httptest.NewRecorder()
		r.ServeHTTP(w, req)
		fmt.Printf("%q\n", w.Header().Get("Access-Control-Allow-Origin"))
	}
	get()
	// Later, say on a configuration reload; the engine is untouched.
	if err := m.Reconfigure(corsagin.Config{
		Origins: []string{"https://app.example", "https://beta.app.example"},
	}); err != nil {
		log.Fatal(err)
	}
	get()
	// Output:
	// ""
	// "https://beta.app.example"
}

// printHeaders prints the CORS response headers that are set, in a fixed
// order.
func printHeaders(h http.Header) {
	for _, name := range []string{
		"Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods",
		"Access-Control-Allow-Headers", "Access-Control-Expose-Headers", "Access-Control-Max-Age",
		"Access-Control-Allow-Private-Network", "Vary",
	} {
		for _, v := range h[name] {
			fmt.Printf("%s: %s\n", name, v)
		}
	}
}
