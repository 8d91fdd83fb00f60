package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/gorilla/websocket"
)

func TestUpgradesFollowThePolicy(t *testing.T) {
	srv := httptest.NewServer(newServer(corsa.Must(corsa.Config{Origins: []string{"https://app.example.com"}})))
	defer srv.Close()
	url := "ws" + strings.TrimPrefix(srv.URL, "http") + "/ws"
	tests := []struct {
		name    string
		origins []string
		allowed bool
	}{
		{"an upgrade from an allowed origin is accepted", []string{"https://app.example.com"}, true},
		{"an upgrade from another site is refused", []string{"https://evil.example"}, false},
		{"an upgrade from a look-alike origin is refused", []string{"https://app.example.com.evil.example"}, false},
		{"an upgrade from null is refused", []string{"null"}, false},
		{"an upgrade without Origin is refused", nil, false},
		{"an upgrade with two Origin headers is refused", []string{"https://app.example.com", "https://evil.example"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			for _, o := range tt.origins {
				h.Add("Origin", o)
			}
			conn, resp, err := websocket.DefaultDialer.Dial(url, h)
			if !tt.allowed {
				if err == nil {
					conn.Close()
					t.Fatal("the upgrade was accepted")
				}
				if resp == nil || resp.StatusCode != http.StatusForbidden {
					t.Fatalf("Dial: %v, response %v; want 403", err, resp)
				}
				return
			}
			if err != nil {
				t.Fatalf("Dial: %v", err)
			}
			defer conn.Close()
			if err := conn.WriteMessage(websocket.TextMessage, []byte("ping")); err != nil {
				t.Fatal(err)
			}
			if _, msg, err := conn.ReadMessage(); err != nil || string(msg) != "ping" {
				t.Fatalf("echo = %q, %v; want \"ping\"", msg, err)
			}
		})
	}
}
