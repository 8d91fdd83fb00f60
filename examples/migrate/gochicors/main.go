// Command gochicors is a chi server whose CORS middleware moved from
// go-chi/cors to corsa. The comments say what each part was with
// go-chi/cors.
package main

import (
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/corsa-go/corsa"
	corsachi "github.com/corsa-go/corsa/chi"
)

// policy is the application's CORS policy. With go-chi/cors it was
//
//	cors.Options{
//		AllowedOrigins:   []string{"https://app.example.com", "https://admin.example.com"},
//		AllowCredentials: true,
//		AllowedMethods:   []string{"GET", "POST", "PUT", "DELETE"},
//		AllowedHeaders:   []string{"Content-Type", "Authorization"},
//		ExposedHeaders:   []string{"X-Total-Count"},
//		MaxAge:           600,
//	}
var policy = corsa.Config{
	Origins:        []string{"https://app.example.com", "https://admin.example.com"},
	Credentials:    true,
	Methods:        []string{"PUT", "DELETE"}, // GET, HEAD and POST never need listing
	RequestHeaders: []string{"Content-Type", "Authorization"},
	ExposedHeaders: []string{"X-Total-Count"},
	MaxAge:         corsa.Seconds(600),
}

func main() {
	// newRouter(cors.Handler(options)) with go-chi/cors.
	r := newRouter(corsachi.Must(policy))
	log.Fatal(http.ListenAndServe("127.0.0.1:8080", r))
}

// newRouter routes the application's requests behind cors, the CORS
// middleware: on the router, before the routes, so that it answers every
// path's preflights.
func newRouter(cors func(http.Handler) http.Handler) *chi.Mux {
	r := chi.NewRouter()
	r.Use(cors)
	r.Get("/items", items)
	r.Put("/items", items)
	r.Delete("/items", items)
	return r
}

// items answers with the list of items and their total count, a header
// the page reads.
func items(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("X-Total-Count", "0")
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte("[]\n"))
}
