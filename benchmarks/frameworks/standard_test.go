package frameworks_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/corsa-go/corsa/benchmarks/frameworks"
	"github.com/corsa-go/corsa/conformance"
)

// The standard routes as conformance/harness.go documents them, on every
// framework, bare, with its recovery.
func TestEveryFrameworkServesTheStandardRoutesAsDocumented(t *testing.T) {
	tests := []struct {
		method, path string
		status       int
		body         string
		totalCount   string // X-Total-Count
		handlerVary  bool   // Vary lists Accept-Encoding
	}{
		{"GET", "/resource", 200, "resource", "42", true},
		{"PATCH", "/resource", 200, "resource", "42", true},
		{"OPTIONS", "/options", 200, "options", "", false},
		{"GET", "/status/404", 404, "", "", false},
		{"GET", "/status/500", 500, "", "", false},
		{"GET", "/panic", 500, "", "", false},
	}
	for _, fw := range frameworks.All() {
		app, err := fw.Build(frameworks.Stack{Routes: frameworks.Standard(), Recover: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			t.Run(fw.Label+" runs the "+tt.method+" "+tt.path+" handler and answers "+http.StatusText(tt.status), func(t *testing.T) {
				res := do(t, app, httptest.NewRequest(tt.method, "http://api.example.com"+tt.path, nil))
				if res.StatusCode != tt.status {
					t.Errorf("status %d, want %d", res.StatusCode, tt.status)
				}
				if got := res.Header.Get(conformance.HandlerHeader); got != conformance.HandlerRan && tt.path != "/panic" {
					t.Errorf("%s %q, want %q", conformance.HandlerHeader, got, conformance.HandlerRan)
				}
				if tt.body != "" && res.body != tt.body {
					t.Errorf("body %q, want %q", res.body, tt.body)
				}
				if got := res.Header.Get("X-Total-Count"); got != tt.totalCount {
					t.Errorf("X-Total-Count %q, want %q", got, tt.totalCount)
				}
				if got := slices.Contains(conformance.VaryTokens(res.Header), "Accept-Encoding"); got != tt.handlerVary {
					t.Errorf("Vary %q lists Accept-Encoding: %v, want %v", res.Header.Values("Vary"), got, tt.handlerVary)
				}
			})
		}
		t.Run(fw.Label+" answers 404 for a path it does not serve, without a handler", func(t *testing.T) {
			res := do(t, app, httptest.NewRequest("GET", "http://api.example.com"+conformance.PathUnknown, nil))
			if res.StatusCode != http.StatusNotFound || res.Header.Get(conformance.HandlerHeader) != "" {
				t.Errorf("status %d, %s %q; want 404 and no handler", res.StatusCode, conformance.HandlerHeader, res.Header.Get(conformance.HandlerHeader))
			}
		})
	}
}

// response is an http.Response with its body read.
type response struct {
	*http.Response
	body string
}

// do serves r with app in memory.
func do(t *testing.T, app *frameworks.App, r *http.Request) response {
	t.Helper()
	res, err := app.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{res, string(body)}
}
