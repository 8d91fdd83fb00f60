package corsa_test

import (
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/internal/fetch"
)

// The Vary tokens of doc.go ("What a response gets").
var (
	varyOrigin       = []string{"Origin"}
	varyPreflight    = []string{"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"}
	varyPreflightPNA = []string{"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers", "Access-Control-Request-Private-Network"}
)

// corsResponseHeaders are every header corsa may set besides Vary. A test
// that names some of them expects all the others to be absent.
var corsResponseHeaders = []string{
	"Access-Control-Allow-Origin",
	"Access-Control-Allow-Credentials",
	"Access-Control-Allow-Methods",
	"Access-Control-Allow-Headers",
	"Access-Control-Expose-Headers",
	"Access-Control-Max-Age",
	"Access-Control-Allow-Private-Network",
}

// mustPolicy builds a policy the test relies on being valid.
func mustPolicy(t testing.TB, cfg corsa.Config) *corsa.Policy {
	t.Helper()
	p, err := corsa.New(cfg)
	if err != nil {
		t.Fatalf("New(%+v): %v", cfg, err)
	}
	return p
}

// newTestRequest builds a request to a fixed URL; headers are name, value
// pairs, added in order, so a name given twice makes two header lines.
func newTestRequest(t testing.TB, method string, headers ...string) *http.Request {
	t.Helper()
	if len(headers)%2 != 0 {
		t.Fatalf("headers must be name, value pairs, got %q", headers)
	}
	r := httptest.NewRequest(method, "http://api.example.test/resource", nil)
	for i := 0; i < len(headers); i += 2 {
		r.Header.Add(headers[i], headers[i+1])
	}
	return r
}

// do serves one request through h and returns the response.
func do(t testing.TB, h http.Handler, method string, headers ...string) *http.Response {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, newTestRequest(t, method, headers...))
	return rec.Result()
}

// serve serves one request through the policy built from cfg, wrapping a
// handler that answers 200, and reports whether that handler ran.
func serve(t testing.TB, cfg corsa.Config, method string, headers ...string) (resp *http.Response, handlerRan bool) {
	t.Helper()
	p := mustPolicy(t, cfg)
	h := p.Handler(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		handlerRan = true
		w.WriteHeader(http.StatusOK)
	}))
	resp = do(t, h, method, headers...)
	return resp, handlerRan
}

// decide runs Decide with src for an *http.Request built like
// newTestRequest does, read as the net/http Handler reads it.
func decide(t testing.TB, src corsa.Source, method string, headers ...string) corsa.Decision {
	t.Helper()
	var r corsa.Request
	r.ReadHTTP(newTestRequest(t, method, headers...))
	return corsa.Decide(src, &r)
}

// headersOf collects what d.Headers yields for origin, in order.
func headersOf(d corsa.Decision, origin string) [][2]string {
	var hs [][2]string
	for name, value := range d.Headers(origin) {
		hs = append(hs, [2]string{name, value})
	}
	return hs
}

// granted reports whether d gives origin a grant: an
// Access-Control-Allow-Origin header, the origin itself or "*".
func granted(d corsa.Decision, origin string) bool {
	for name, value := range d.Headers(origin) {
		if name == "Access-Control-Allow-Origin" {
			return value == origin || value == "*"
		}
	}
	return false
}

// varyTokens returns the comma-separated tokens of every Vary line, in
// order, so that "Vary: a, b" and two lines "a" and "b" compare equal.
func varyTokens(h http.Header) []string { return fetch.VaryTokens(h.Values("Vary")) }

// checkCORSHeaders asserts that h carries exactly the CORS headers of want,
// each as a single line with that exact value, none of the others, and
// exactly the Vary tokens of wantVary (nil: no Vary at all).
func checkCORSHeaders(t testing.TB, h http.Header, want map[string]string, wantVary []string) {
	t.Helper()
	for name := range want {
		if !slices.Contains(corsResponseHeaders, name) {
			t.Fatalf("test bug: %q is not a CORS response header", name)
		}
	}
	for _, name := range corsResponseHeaders {
		got := h.Values(name)
		wantValue, wanted := want[name]
		switch {
		case wanted && (len(got) != 1 || got[0] != wantValue):
			t.Errorf("%s = %q, want exactly [%q]", name, got, wantValue)
		case !wanted && len(got) != 0:
			t.Errorf("%s = %q, want it absent", name, got)
		}
	}
	if got := varyTokens(h); !slices.Equal(got, wantVary) {
		t.Errorf("Vary tokens = %q, want %q", got, wantVary)
	}
}

// configErrors returns every *corsa.ConfigError joined in err, in order.
func configErrors(t testing.TB, err error) []*corsa.ConfigError {
	t.Helper()
	var errs []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	} else {
		errs = []error{err}
	}
	var out []*corsa.ConfigError
	for _, e := range errs {
		var ce *corsa.ConfigError
		if !errors.As(e, &ce) {
			t.Fatalf("error %q is not a *corsa.ConfigError", e)
		}
		out = append(out, ce)
	}
	return out
}

// TestMain drops the log records of New's warnings (New logs each with
// slog.Default): the tests build many policies with warnings on purpose.
// The tests of that logging install a logger of their own.
func TestMain(m *testing.M) {
	slog.SetDefault(slog.New(slog.DiscardHandler))
	os.Exit(m.Run())
}
