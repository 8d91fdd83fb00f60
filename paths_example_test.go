package corsa_test

import (
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/corsa-go/corsa"
)

// One middleware for the whole mux serves each path prefix its own
// policy: a credentialed API for the app, public read-only data for
// anyone, and no CORS for everything else.
func ExampleNewPaths() {
	paths, err := corsa.NewPaths(map[string]corsa.Config{
		"/api": {
			Origins:     []string{"https://app.example"},
			Credentials: true,
			Methods:     []string{"PUT", "DELETE"},
		},
		"/api/public": {Origins: []string{"*"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {})
	h := paths.Handler(mux)

	for _, tc := range []struct{ method, path, origin string }{
		{"OPTIONS", "/api/items/1", "https://app.example"},     // preflight for a DELETE
		{"GET", "/api/public/prices", "https://other.example"}, // the longer prefix wins
		{"GET", "/apiary", "https://app.example"},              // not under /api: no CORS
		{"OPTIONS", "/api/items/1", "https://other.example"},   // refused preflight
	} {
		r := httptest.NewRequest(tc.method, tc.path, nil)
		r.Header.Set("Origin", tc.origin)
		if tc.method == "OPTIONS" {
			r.Header.Set("Access-Control-Request-Method", "DELETE")
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		fmt.Printf("%s %s from %s: %d, Access-Control-Allow-Origin %q, Credentials %q\n",
			tc.method, tc.path, tc.origin, w.Code,
			w.Header().Get("Access-Control-Allow-Origin"), w.Header().Get("Access-Control-Allow-Credentials"))
	}
	// Output:
	// OPTIONS /api/items/1 from https://app.example: 204, Access-Control-Allow-Origin "https://app.example", Credentials "true"
	// GET /api/public/prices from https://other.example: 200, Access-Control-Allow-Origin "*", Credentials ""
	// GET /apiary from https://app.example: 200, Access-Control-Allow-Origin "", Credentials ""
	// OPTIONS /api/items/1 from https://other.example: 403, Access-Control-Allow-Origin "", Credentials ""
}
