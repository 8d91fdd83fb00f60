// Command gorilla serves an echo WebSocket with gorilla/websocket next to
// an HTTP API, and lets the same corsa policy decide both: CORS for the
// API, (*corsa.Policy).AllowsOrigin for the upgrades, which CORS does not
// cover.
//
//	go run ./examples/websocket/gorilla [-addr 127.0.0.1:8080]
package main

import (
	"flag"
	"log"
	"net/http"

	"github.com/corsa-go/corsa"
	"github.com/gorilla/websocket"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	p := corsa.Must(corsa.Config{Origins: []string{"https://app.example.com", "http://localhost:*"}})
	log.Printf("listening on %s: ws://%s/ws", *addr, *addr)
	log.Fatal(http.ListenAndServe(*addr, newServer(p)))
}

// newServer serves /api/hello under CORS and /ws as an echo WebSocket
// whose upgrades p must allow.
func newServer(p *corsa.Policy) http.Handler {
	upgrader := websocket.Upgrader{CheckOrigin: checkOrigin(p)}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/hello", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("hello\n"))
	})
	mux.HandleFunc("GET /ws", func(w http.ResponseWriter, r *http.Request) {
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			return // Upgrade has answered: 403 for a refused origin
		}
		defer conn.Close()
		for {
			kind, msg, err := conn.ReadMessage()
			if err != nil {
				return
			}
			if err := conn.WriteMessage(kind, msg); err != nil {
				return
			}
		}
	})
	return p.Handler(mux)
}

// checkOrigin is an Upgrader.CheckOrigin that allows exactly the origins
// p allows for CORS. Unlike gorilla's default, it refuses requests without
// Origin (no browser page sends those) and with several Origin headers,
// as corsa refuses them for CORS.
func checkOrigin(p *corsa.Policy) func(*http.Request) bool {
	return func(r *http.Request) bool {
		origins := r.Header.Values("Origin")
		return len(origins) == 1 && p.AllowsOrigin(origins[0])
	}
}
