// Command paths serves two areas of one API with different CORS policies
// from a single corsa middleware installed around the whole mux: a
// credentialed API under /api for the application's origin, read-only
// public data under /api/public for any origin, and no CORS anywhere
// else (the health check, the static files).
//
//	go run ./examples/paths [-addr 127.0.0.1:8080]
//
// Try it with curl:
//
//	curl -si -X OPTIONS -H 'Origin: https://app.example' -H 'Access-Control-Request-Method: DELETE' http://127.0.0.1:8080/api/items/1
//	curl -si -H 'Origin: https://elsewhere.example' http://127.0.0.1:8080/api/public/prices
//	curl -si -H 'Origin: https://app.example' http://127.0.0.1:8080/healthz
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"

	"github.com/corsa-go/corsa"
)

// policies maps each path prefix to its policy. The longest prefix
// covering a path wins; a path no prefix covers gets no CORS headers. Add
// a "/" entry for a policy covering every other path.
func policies() map[string]corsa.Config {
	return map[string]corsa.Config{
		"/api": {
			Origins:        []string{"https://app.example"},
			Credentials:    true,
			Methods:        []string{"PUT", "DELETE"},
			RequestHeaders: []string{"Content-Type"},
			MaxAge:         corsa.Seconds(600),
		},
		"/api/public": {
			Origins: []string{"*"},
		},
	}
}

// newHandler returns the mux behind one per-path middleware.
func newHandler(m map[string]corsa.Config) (http.Handler, error) {
	paths, err := corsa.NewPaths(m)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/items/{id}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"id":%q}`+"\n", r.PathValue("id"))
	})
	mux.HandleFunc("DELETE /api/items/{id}", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /api/public/prices", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, `{"eur":1}`)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	// Around the whole mux, so that every preflight reaches the policies,
	// whether or not its path has an OPTIONS route.
	return paths.Handler(mux), nil
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	h, err := newHandler(policies())
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("listening on http://%s", *addr)
	log.Fatal(http.ListenAndServe(*addr, h))
}
