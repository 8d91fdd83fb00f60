package corsaecho5_test

import (
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/labstack/echo/v5"

	"github.com/corsa-go/corsa"
	corsaecho5 "github.com/corsa-go/corsa/echo5"
)

// One middleware, installed globally, serves each group its own policy:
// preflights to routes inside the groups, which have no OPTIONS handler,
// are answered with the group's policy.
func ExampleFrom_paths() {
	pp, err := corsa.NewPaths(map[string]corsaecho5.Config{
		"/api":   {Origins: []string{"https://app.example"}, Credentials: true, Methods: []string{"DELETE"}},
		"/admin": {Origins: []string{"https://admin.example"}, Methods: []string{"DELETE"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	e := echo.New()
	e.Use(corsaecho5.From(pp))
	noContent := func(c *echo.Context) error { return c.NoContent(http.StatusNoContent) }
	e.Group("/api").DELETE("/items/:id", noContent)
	e.Group("/admin").DELETE("/users/:id", noContent)

	for _, tc := range []struct{ path, origin string }{
		{"/api/items/1", "https://app.example"},
		{"/admin/users/1", "https://app.example"},
		{"/admin/users/1", "https://admin.example"},
	} {
		r := httptest.NewRequest(http.MethodOptions, tc.path, nil)
		r.Header.Set("Origin", tc.origin)
		r.Header.Set("Access-Control-Request-Method", "DELETE")
		w := httptest.NewRecorder()
		e.ServeHTTP(w, r)
		status, allowOrigin := w.Code, w.Header().Get("Access-Control-Allow-Origin")
		fmt.Printf("%s from %s: %d %q\n", tc.path, tc.origin, status, allowOrigin)
	}
	// Output:
	// /api/items/1 from https://app.example: 204 "https://app.example"
	// /admin/users/1 from https://app.example: 403 ""
	// /admin/users/1 from https://admin.example: 204 "https://admin.example"
}
