package corsachi_test

import (
	"fmt"
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/corsa-go/corsa"
	corsachi "github.com/corsa-go/corsa/chi"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
)

// The middleware goes on the router with Use, before the routes. It
// answers the preflight a browser sends before a cross-origin JSON PUT,
// though the route has no OPTIONS handler.
func ExampleNew() {
	cors, err := corsachi.New(corsachi.Config{
		Origins:        []string{"https://app.example.com"},
		Methods:        []string{"PUT", "DELETE"},
		RequestHeaders: []string{"Content-Type"},
	})
	if err != nil {
		log.Fatal(err)
	}
	r := chi.NewRouter()
	r.Use(cors)
	r.Put("/items/{id}", func(http.ResponseWriter, *http.Request) {})

	adaptertest.Show(conformance.Recorder(r), adaptertest.Preflight("https://app.example.com", "/items/7", "PUT", "content-type"))
	// Output:
	// 204
	// Access-Control-Allow-Origin: https://app.example.com
	// Access-Control-Allow-Methods: PUT, DELETE
	// Access-Control-Allow-Headers: Content-Type
	// Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
}

// A subrouter's Use covers every path under its mount point, and only
// those.
func ExampleMust() {
	r := chi.NewRouter()
	r.Route("/api", func(api chi.Router) {
		api.Use(corsachi.Must(corsachi.Config{Origins: []string{"https://app.example.com"}}))
		api.Get("/items", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "[]") })
	})

	adaptertest.Show(conformance.Recorder(r), adaptertest.Actual("GET", "https://app.example.com", "/api/items"))
	// Output:
	// 200
	// Access-Control-Allow-Origin: https://app.example.com
	// Vary: Origin
}

// One policy, compiled once, served by two routers: say the public API
// and the admin API, listening on different ports.
func ExampleFrom() {
	p := corsa.Must(corsachi.Config{Origins: []string{"https://app.example.com"}, Credentials: true})
	public, admin := chi.NewRouter(), chi.NewRouter()
	for _, r := range []*chi.Mux{public, admin} {
		r.Use(corsachi.From(p))
		r.Get("/status", func(http.ResponseWriter, *http.Request) {})
		adaptertest.Show(conformance.Recorder(r), adaptertest.Actual("GET", "https://app.example.com", "/status"))
	}
	// Output:
	// 200
	// Access-Control-Allow-Origin: https://app.example.com
	// Access-Control-Allow-Credentials: true
	// Vary: Origin
	// 200
	// Access-Control-Allow-Origin: https://app.example.com
	// Access-Control-Allow-Credentials: true
	// Vary: Origin
}

// A corsa.Middleware holds a policy that can be replaced while serving:
// the router serves the new policy from the next request on.
func ExampleFrom_middleware() {
	m, err := corsa.NewMiddleware(corsachi.Config{Origins: []string{"https://app.example.com"}, Credentials: true})
	if err != nil {
		log.Fatal(err)
	}
	r := chi.NewRouter()
	r.Use(corsachi.From(m))
	r.Get("/items", func(http.ResponseWriter, *http.Request) {})

	// Later, for instance when the policy file changes; the router is
	// untouched.
	if err := m.Reconfigure(corsachi.Config{Origins: []string{"https://new.example.com"}, Credentials: true}); err != nil {
		log.Print(err) // the old policy stays in force
	}
	adaptertest.Show(conformance.Recorder(r), adaptertest.Actual("GET", "https://new.example.com", "/items"))
	// Output:
	// 200
	// Access-Control-Allow-Origin: https://new.example.com
	// Access-Control-Allow-Credentials: true
	// Vary: Origin
}

// One middleware, installed on the root router, serves a policy per path
// prefix, also under Route and Mount: a preflight to the admin router,
// which has no OPTIONS handler, is answered with /admin's policy.
func ExampleFrom_paths() {
	pp, err := corsa.NewPaths(map[string]corsachi.Config{
		"/api":   {Origins: []string{"https://app.example"}, Credentials: true},
		"/admin": {Origins: []string{"https://admin.example"}, Methods: []string{"DELETE"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	r := chi.NewRouter()
	r.Use(corsachi.From(pp))
	admin := chi.NewRouter()
	admin.Delete("/users/{id}", func(http.ResponseWriter, *http.Request) {})
	r.Mount("/admin", admin)

	adaptertest.Show(conformance.Recorder(r), adaptertest.Preflight("https://admin.example", "/admin/users/1", "DELETE"))
	// Output:
	// 204
	// Access-Control-Allow-Origin: https://admin.example
	// Access-Control-Allow-Methods: DELETE
	// Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
}
