package corsachi_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	corsa "github.com/corsa-go/corsa/core"
	"github.com/go-chi/chi/v5/middleware"
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
func markRan(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set(handlerHeader, "ran")
	_, _ = io.WriteString(w, "ok")
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

// serve runs r through h and returns the recorded response.
func serve(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
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

// quietLog is a chi LogFormatter that logs nothing, so that panics
// recovered by middleware.Recoverer do not print stacks in test output.
type quietLog struct{}

func (quietLog) NewLogEntry(*http.Request) middleware.LogEntry   { return quietLog{} }
func (quietLog) Write(int, int, http.Header, time.Duration, any) {}
func (quietLog) Panic(any, []byte)                               {}
