// Command rscors is a net/http server whose CORS middleware moved from
// rs/cors to corsa. The comments say what each part was with rs/cors.
package main

import (
	"log"
	"net/http"

	"github.com/corsa-go/corsa"
)

// policy is the application's CORS policy. With rs/cors it was
//
//	cors.Options{
//		AllowedOrigins:   []string{"https://app.example.com", "https://admin.example.com"},
//		AllowCredentials: true,
//		AllowedMethods:   []string{"GET", "POST", "PUT", "DELETE"},
//		AllowedHeaders:   []string{"Content-Type", "Authorization"},
//		ExposedHeaders:   []string{"X-Total-Count"},
//		MaxAge:           600,
//		Debug:            true,
//	}
var policy = corsa.Config{
	Origins:        []string{"https://app.example.com", "https://admin.example.com"},
	Credentials:    true,
	Methods:        []string{"PUT", "DELETE"}, // GET, HEAD and POST never need listing
	RequestHeaders: []string{"Content-Type", "Authorization"},
	ExposedHeaders: []string{"X-Total-Count"},
	MaxAge:         corsa.Seconds(600),
	// Debug: true becomes a log of each refused request and its reason;
	// Policy.Explain tells the whole reasoning for one request.
	OnDecision: corsa.LogRefusals(nil, 0),
}

func main() {
	// cors.New(options).Handler(newMux()) with rs/cors.
	h := corsa.Must(policy).Handler(newMux())
	log.Fatal(http.ListenAndServe("127.0.0.1:8080", h))
}

// newMux routes the application's requests.
func newMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items", items)
	mux.HandleFunc("PUT /items", items)
	mux.HandleFunc("DELETE /items", items)
	return mux
}

// items answers with the list of items and their total count, a header
// the page reads.
func items(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("X-Total-Count", "0")
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte("[]\n"))
}
