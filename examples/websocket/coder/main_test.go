package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/corsa-go/corsa"
)

func TestUpgradesFollowThePolicy(t *testing.T) {
	srv := httptest.NewServer(newServer(corsa.Must(corsa.Config{Origins: []string{"https://app.example.com", "https://*.example.org"}})))
	defer srv.Close()
	tests := []struct {
		name    string
		origins []string
		allowed bool
	}{
		{"an upgrade from an allowed origin is accepted", []string{"https://app.example.com"}, true},
		{"an upgrade from an origin matching a pattern is accepted", []string{"https://chat.example.org"}, true},
		{"an upgrade from the apex of a pattern is refused", []string{"https://example.org"}, false},
		{"an upgrade downgraded to http is refused", []string{"http://app.example.com"}, false},
		{"an upgrade from another site is refused", []string{"https://evil.example"}, false},
		{"an upgrade from null is refused", []string{"null"}, false},
		{"an upgrade without Origin is refused", nil, false},
		{"an upgrade with two Origin headers is refused", []string{"https://app.example.com", "https://evil.example"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			h := http.Header{}
			for _, o := range tt.origins {
				h.Add("Origin", o)
			}
			conn, resp, err := websocket.Dial(ctx, srv.URL+"/ws", &websocket.DialOptions{HTTPHeader: h})
			if !tt.allowed {
				if err == nil {
					conn.CloseNow()
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
			defer conn.CloseNow()
			if err := conn.Write(ctx, websocket.MessageText, []byte("ping")); err != nil {
				t.Fatal(err)
			}
			if _, msg, err := conn.Read(ctx); err != nil || string(msg) != "ping" {
				t.Fatalf("echo = %q, %v; want \"ping\"", msg, err)
			}
		})
	}
}
