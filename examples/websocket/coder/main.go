// Command coder serves an echo WebSocket with coder/websocket next to an
// HTTP API, and lets the same corsa policy decide both: CORS for the API,
// (*corsa.Policy).AllowsOrigin for the upgrades, which CORS does not
// cover.
//
// coder/websocket checks origins itself with AcceptOptions.OriginPatterns:
// path.Match globs, compared case-insensitively with the Origin's host
// (with its scheme only when the pattern has one), and the request's own
// host always allowed. To apply corsa's matching instead (exact origins,
// scheme included, and label-wise subdomain patterns), this server checks
// the origin with AllowsOrigin first and then tells Accept to skip its own
// check with InsecureSkipVerify, which is safe only because of that
// check.
//
//	go run ./examples/websocket/coder [-addr 127.0.0.1:8080]
package main

import (
	"context"
	"flag"
	"log"
	"net/http"

	"github.com/coder/websocket"
	"github.com/corsa-go/corsa"
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
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/hello", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("hello\n"))
	})
	mux.HandleFunc("GET /ws", func(w http.ResponseWriter, r *http.Request) {
		origins := r.Header.Values("Origin")
		if len(origins) != 1 || !p.AllowsOrigin(origins[0]) {
			http.Error(w, "origin not allowed", http.StatusForbidden)
			return
		}
		// The origin is checked above, with the policy's own matching.
		conn, err := websocket.Accept(w, r, &websocket.AcceptOptions{InsecureSkipVerify: true})
		if err != nil {
			return // Accept has answered
		}
		defer conn.CloseNow()
		ctx := context.Background()
		for {
			kind, msg, err := conn.Read(ctx)
			if err != nil {
				return
			}
			if err := conn.Write(ctx, kind, msg); err != nil {
				return
			}
		}
	})
	return p.Handler(mux)
}
