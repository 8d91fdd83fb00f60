package corsafiber_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	corsa "github.com/corsa-go/corsa/core"
	"github.com/gofiber/fiber/v2"
)

// Response header values SPEC.md and core/doc.go prescribe for testPolicy.
const (
	appOrigin     = "https://app.example"
	otherOrigin   = "https://other.example"
	preflightVary = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"
)

// testPolicy allows appOrigin with credentials, PUT and DELETE, two request
// headers and one exposed header, cached for 600 s.
var testPolicy = corsa.Config{
	Origins:        []string{appOrigin},
	Credentials:    true,
	Methods:        []string{"PUT", "DELETE"},
	RequestHeaders: []string{"Content-Type", "X-Request-Id"},
	ExposedHeaders: []string{"X-Total-Count"},
	MaxAge:         corsa.Seconds(600),
}

// allowedPreflight is what an allowed preflight listing request headers gets
// under testPolicy (core/doc.go "What a response gets").
var allowedPreflight = map[string]string{
	corsa.HeaderAllowOrigin:      appOrigin,
	corsa.HeaderAllowCredentials: "true",
	corsa.HeaderAllowMethods:     "PUT, DELETE",
	corsa.HeaderAllowHeaders:     "Content-Type, X-Request-Id",
	corsa.HeaderMaxAge:           "600",
}

// allowedActual is what an actual request from appOrigin gets.
var allowedActual = map[string]string{
	corsa.HeaderAllowOrigin:      appOrigin,
	corsa.HeaderAllowCredentials: "true",
	corsa.HeaderExposeHeaders:    "X-Total-Count",
}

// corsHeaders are every response header corsa may set besides Vary.
var corsHeaders = []string{
	corsa.HeaderAllowOrigin, corsa.HeaderAllowCredentials, corsa.HeaderAllowMethods,
	corsa.HeaderAllowHeaders, corsa.HeaderExposeHeaders, corsa.HeaderMaxAge,
	corsa.HeaderAllowPrivateNetwork,
}

// handlerHeader marks a response the route's handler took part in.
const handlerHeader = "X-Handler"

// markRan is a route handler that marks the response and answers 200.
func markRan(c *fiber.Ctx) error {
	c.Set(handlerHeader, "ran")
	return c.SendString("ok")
}

// request builds a request to path with the given header lines, each
// pair a name and a value; a name may repeat.
func request(method, path string, lines ...string) *http.Request {
	r := httptest.NewRequest(method, path, nil)
	for i := 0; i < len(lines); i += 2 {
		r.Header.Add(lines[i], lines[i+1])
	}
	return r
}

// response is what the client received.
type response struct {
	status int
	header http.Header
	body   string
}

// serve sends r to app over fiber's in-memory connection, as a client
// would, and returns the response.
func serve(t *testing.T, app *fiber.App, r *http.Request) response {
	t.Helper()
	res, err := app.Test(r, -1)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{res.StatusCode, res.Header, string(body)}
}

// checkCORS fails t unless h carries exactly the CORS headers in want, each
// once, and exactly the Vary lines in vary.
func checkCORS(t *testing.T, h http.Header, want map[string]string, vary ...string) {
	t.Helper()
	for _, name := range corsHeaders {
		got := h.Values(name)
		if v, ok := want[name]; ok {
			if len(got) != 1 || got[0] != v {
				t.Errorf("%s = %q, want [%q]", name, got, v)
			}
		} else if len(got) > 0 {
			t.Errorf("%s = %q, want none", name, got)
		}
	}
	if got := h.Values(corsa.HeaderVary); !slices.Equal(got, vary) {
		t.Errorf("Vary = %q, want %q", got, vary)
	}
}
