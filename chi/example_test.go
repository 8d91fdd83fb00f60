package corsachi_test

import (
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/corsa-go/corsa"
	corsachi "github.com/corsa-go/corsa/chi"
	"github.com/go-chi/chi/v5"
)

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
	r.Put("/items/{id}", func(w http.ResponseWriter, r *http.Request) {})

	// A browser's preflight before a cross-origin PUT with a JSON body.
	req := httptest.NewRequest(http.MethodOptions, "/items/7", nil)
	req.Header.Set("Origin", "https://app.example.com")
	req.Header.Set("Access-Control-Request-Method", "PUT")
	req.Header.Set("Access-Control-Request-Headers", "content-type")
	w := httptest.NewRecorder()
	r.ServeHTTP(w, req)

	fmt.Println(w.Code)
	for _, name := range []string{"Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Vary"} {
		fmt.Printf("%s: %s\n", name, w.Header().Get(name))
	}
	// Output:
	// 204
	// Access-Control-Allow-Origin: https://app.example.com
	// Access-Control-Allow-Methods: PUT, DELETE
	// Access-Control-Allow-Headers: Content-Type
	// Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
}

func ExampleMust() {
	r := chi.NewRouter()
	r.Use(corsachi.Must(corsachi.Config{Origins: []string{"https://app.example.com"}}))
	r.Get("/items", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "[]") })

	req := httptest.NewRequest(http.MethodGet, "/items", nil)
	req.Header.Set("Origin", "https://app.example.com")
	w := httptest.NewRecorder()
	r.ServeHTTP(w, req)

	fmt.Println(w.Header().Get("Access-Control-Allow-Origin"))
	// Output: https://app.example.com
}

// One policy, compiled once, served by two routers: say the public API
// and the admin API, listening on different ports.
func ExampleFrom() {
	p, err := corsa.New(corsachi.Config{Origins: []string{"https://app.example.com"}, Credentials: true})
	if err != nil {
		log.Fatal(err)
	}
	public, admin := chi.NewRouter(), chi.NewRouter()
	public.Use(corsachi.From(p))
	admin.Use(corsachi.From(p))
	public.Get("/items", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "[]") })
	admin.Get("/users", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "[]") })

	for _, tc := range []struct {
		router http.Handler
		path   string
	}{{public, "/items"}, {admin, "/users"}} {
		req := httptest.NewRequest(http.MethodGet, tc.path, nil)
		req.Header.Set("Origin", "https://app.example.com")
		w := httptest.NewRecorder()
		tc.router.ServeHTTP(w, req)
		fmt.Println(tc.path, w.Code, w.Header().Get("Access-Control-Allow-Origin"), w.Header().Get("Access-Control-Allow-Credentials"))
	}
	// Output:
	// /items 200 https://app.example.com true
	// /users 200 https://app.example.com true
}

// A corsa.Middleware holds a policy that can be replaced while serving:
// the router serves the new policy from the next request on.
func ExampleFrom_middleware() {
	m, err := corsa.NewMiddleware(corsachi.Config{Origins: []string{"https://app.example.com"}})
	if err != nil {
		log.Fatal(err)
	}
	r := chi.NewRouter()
	r.Use(corsachi.From(m))
	r.Get("/items", func(w http.ResponseWriter, r *http.Request) {})

	get := func() {
		req := httptest.NewRequest(http.MethodGet, "/items", nil)
		req.Header.Set("Origin", "https://new.example.com")
		w := httptest.NewRecorder()
		r.ServeHTTP(w, req)
		fmt.Printf("%q\n", w.Header().Get("Access-Control-Allow-Origin"))
	}
	get()
	// Later, for instance when the policy file changes; the router is
	// untouched.
	if err := m.Reconfigure(corsachi.Config{Origins: []string{"https://new.example.com"}}); err != nil {
		log.Print(err) // the old policy stays in force
	}
	get()
	// Output:
	// ""
	// "https://new.example.com"
}
