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

func ExampleFromMiddleware() {
	m, err := corsa.NewMiddleware(corsa.Config{Origins: []string{"https://app.example.com"}})
	if err != nil {
		log.Fatal(err)
	}
	r := chi.NewRouter()
	r.Use(corsachi.FromMiddleware(m))
	r.Get("/items", func(w http.ResponseWriter, r *http.Request) {})

	// Later, for instance when the policy file changes:
	if err := m.Reconfigure(corsa.Config{Origins: []string{"https://new.example.com"}}); err != nil {
		log.Print(err) // the old policy stays in force
	}

	req := httptest.NewRequest(http.MethodGet, "/items", nil)
	req.Header.Set("Origin", "https://new.example.com")
	w := httptest.NewRecorder()
	r.ServeHTTP(w, req)

	fmt.Println(w.Header().Get("Access-Control-Allow-Origin"))
	// Output: https://new.example.com
}
