package corsachi_test

import (
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/go-chi/chi/v5"

	"github.com/corsa-go/corsa"
	corsachi "github.com/corsa-go/corsa/chi"
)

// One middleware, installed globally, serves each group its own policy:
// preflights to routes inside the groups, which have no OPTIONS handler,
// are answered with the group's policy.
func ExampleFrom_paths() {
	pp, err := corsa.NewPaths(map[string]corsachi.Config{
		"/api":   {Origins: []string{"https://app.example"}, Credentials: true, Methods: []string{"DELETE"}},
		"/admin": {Origins: []string{"https://admin.example"}, Methods: []string{"DELETE"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	router := chi.NewRouter()
	router.Use(corsachi.From(pp))
	noContent := func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) }
	router.Route("/api", func(r chi.Router) { r.Delete("/items/{id}", noContent) })
	admin := chi.NewRouter()
	admin.Delete("/users/{id}", noContent)
	router.Mount("/admin", admin)

	for _, tc := range []struct{ path, origin string }{
		{"/api/items/1", "https://app.example"},
		{"/admin/users/1", "https://app.example"},
		{"/admin/users/1", "https://admin.example"},
	} {
		r := httptest.NewRequest(http.MethodOptions, tc.path, nil)
		r.Header.Set("Origin", tc.origin)
		r.Header.Set("Access-Control-Request-Method", "DELETE")
		w := httptest.NewRecorder()
		router.ServeHTTP(w, r)
		status, allowOrigin := w.Code, w.Header().Get("Access-Control-Allow-Origin")
		fmt.Printf("%s from %s: %d %q\n", tc.path, tc.origin, status, allowOrigin)
	}
	// Output:
	// /api/items/1 from https://app.example: 204 "https://app.example"
	// /admin/users/1 from https://app.example: 403 ""
	// /admin/users/1 from https://admin.example: 204 "https://admin.example"
}
