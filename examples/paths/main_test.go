package main

import (
	"errors"
	"net/http/httptest"
	"testing"

	"github.com/corsa-go/corsa"
)

func TestEachPrefixGetsItsPolicy(t *testing.T) {
	h, err := newHandler(policies())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, method, path, origin string
		status                     int
		want                       map[string]string // CORS headers; the others must be absent
	}{
		{"a preflight to the API from the app is allowed", "OPTIONS", "/api/items/1", "https://app.example", 204, map[string]string{
			"Access-Control-Allow-Origin":      "https://app.example",
			"Access-Control-Allow-Credentials": "true",
			"Access-Control-Allow-Methods":     "PUT, DELETE",
			"Access-Control-Max-Age":           "600",
		}},
		{"a preflight to the API from elsewhere is refused", "OPTIONS", "/api/items/1", "https://elsewhere.example", 403, nil},
		{"public data is readable from anywhere", "GET", "/api/public/prices", "https://elsewhere.example", 200, map[string]string{
			"Access-Control-Allow-Origin": "*",
		}},
		{"the health check gets no CORS", "GET", "/healthz", "https://app.example", 200, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(tt.method, tt.path, nil)
			r.Header.Set("Origin", tt.origin)
			if tt.method == "OPTIONS" {
				r.Header.Set("Access-Control-Request-Method", "DELETE")
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != tt.status {
				t.Errorf("status = %d, want %d", w.Code, tt.status)
			}
			for _, name := range []string{"Access-Control-Allow-Origin", "Access-Control-Allow-Credentials",
				"Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Access-Control-Max-Age",
				"Access-Control-Expose-Headers"} {
				if got, want := w.Header().Values(name), tt.want[name]; want == "" && len(got) > 0 || want != "" && (len(got) != 1 || got[0] != want) {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
		})
	}
}

func TestAPrefixWithATrailingSlashIsRefused(t *testing.T) {
	m := policies()
	m["/admin/"] = corsa.Config{Origins: []string{"https://admin.example"}}
	_, err := newHandler(m)
	var ce *corsa.ConfigError
	if !errors.As(err, &ce) || ce.Field != "paths" || ce.Value != "/admin/" {
		t.Errorf("newHandler error = %v, want a *corsa.ConfigError for paths %q", err, "/admin/")
	}
}
