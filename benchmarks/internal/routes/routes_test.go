package routes_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	fiber2 "github.com/gofiber/fiber/v2"
	recover2 "github.com/gofiber/fiber/v2/middleware/recover"
	fiber3 "github.com/gofiber/fiber/v3"
	recover3 "github.com/gofiber/fiber/v3/middleware/recover"
	echo4 "github.com/labstack/echo/v4"
	middleware4 "github.com/labstack/echo/v4/middleware"
	echo5 "github.com/labstack/echo/v5"
	middleware5 "github.com/labstack/echo/v5/middleware"

	"github.com/corsa-go/corsa/benchmarks/internal/routes"
	"github.com/corsa-go/corsa/conformance"
)

// servers are the frameworks with the standard routes registered and
// the framework's own panic recovery outside them.
func servers() map[string]func(*http.Request) (*http.Response, error) {
	gin.SetMode(gin.ReleaseMode)
	r := chi.NewRouter()
	routes.Chi(r)

	g := gin.New()
	g.Use(gin.RecoveryWithWriter(io.Discard))
	routes.Gin(g)

	e4 := echo4.New()
	e4.Logger.SetOutput(io.Discard)
	e4.Use(middleware4.RecoverWithConfig(middleware4.RecoverConfig{DisablePrintStack: true}))
	routes.Echo(e4)

	e5 := echo5.New()
	e5.Use(middleware5.RecoverWithConfig(middleware5.RecoverConfig{DisablePrintStack: true}))
	routes.Echo5(e5)

	f2 := fiber2.New(fiber2.Config{DisableStartupMessage: true})
	f2.Use(recover2.New())
	routes.Fiber(f2)

	f3 := fiber3.New()
	f3.Use(recover3.New())
	routes.Fiber3(f3)

	return map[string]func(*http.Request) (*http.Response, error){
		"chi":      conformance.Recorder(conformance.Recover(r)),
		"gin":      conformance.Recorder(g),
		"echo v4":  conformance.Recorder(e4),
		"echo v5":  conformance.Recorder(e5),
		"fiber v2": func(r *http.Request) (*http.Response, error) { return f2.Test(r, -1) },
		"fiber v3": func(r *http.Request) (*http.Response, error) {
			return f3.Test(r, fiber3.TestConfig{Timeout: 0})
		},
	}
}

// The standard routes as conformance/harness.go documents them.
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
	for name, do := range servers() {
		for _, tt := range tests {
			t.Run(name+" runs the "+tt.method+" "+tt.path+" handler and answers "+http.StatusText(tt.status), func(t *testing.T) {
				res, err := do(httptest.NewRequest(tt.method, "http://api.example.com"+tt.path, nil))
				if err != nil {
					t.Fatal(err)
				}
				defer res.Body.Close()
				body, err := io.ReadAll(res.Body)
				if err != nil {
					t.Fatal(err)
				}
				if res.StatusCode != tt.status {
					t.Errorf("status %d, want %d", res.StatusCode, tt.status)
				}
				if got := res.Header.Get("X-Handler"); got != "ran" && tt.path != "/panic" {
					t.Errorf("X-Handler %q, want \"ran\"", got)
				}
				if tt.body != "" && string(body) != tt.body {
					t.Errorf("body %q, want %q", body, tt.body)
				}
				if got := res.Header.Get("X-Total-Count"); got != tt.totalCount {
					t.Errorf("X-Total-Count %q, want %q", got, tt.totalCount)
				}
				if got := slices.Contains(conformance.VaryTokens(res.Header), "Accept-Encoding"); got != tt.handlerVary {
					t.Errorf("Vary %q lists Accept-Encoding: %v, want %v", res.Header.Values("Vary"), got, tt.handlerVary)
				}
			})
		}
	}
}
