package corsa_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/corsa-go/corsa"
)

func preflight(origin, method string) *http.Request {
	r := httptest.NewRequest("OPTIONS", "/", nil)
	r.Header.Set("Origin", origin)
	r.Header.Set("Access-Control-Request-Method", method)
	return r
}

func TestReconfigureSwapsThePolicyOnlyWhenValid(t *testing.T) {
	m, err := corsa.NewMiddleware(corsa.Config{Origins: []string{"https://a.example"}})
	if err != nil {
		t.Fatal(err)
	}
	h := m.Handler(okHandler)
	status := func(origin string) int {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, preflight(origin, "GET"))
		return rec.Code
	}
	if got := status("https://a.example"); got != 204 {
		t.Fatalf("before: a.example preflight = %d, want 204", got)
	}

	err = m.Reconfigure(corsa.Config{Origins: []string{"*"}, Credentials: true})
	if errs := configErrors(t, err); len(errs) != 1 || errs[0].Field != "origins[0]" || errs[0].Value != "*" ||
		!strings.Contains(err.Error(), "cannot be combined with credentials") {
		t.Fatalf("invalid Reconfigure error = %v, want one naming origins[0] \"*\" with credentials", err)
	}
	if got := status("https://a.example"); got != 204 {
		t.Errorf("after a refused Reconfigure: a.example preflight = %d, want 204 (old policy kept)", got)
	}

	if err := m.Reconfigure(corsa.Config{Origins: []string{"https://b.example"}}); err != nil {
		t.Fatal(err)
	}
	if got := status("https://a.example"); got != 403 {
		t.Errorf("after Reconfigure: a.example preflight = %d, want 403", got)
	}
	if got := status("https://b.example"); got != 204 {
		t.Errorf("after Reconfigure: b.example preflight = %d, want 204", got)
	}
}

func TestZeroMiddlewareAllowsNothing(t *testing.T) {
	var m corsa.Middleware
	rec := httptest.NewRecorder()
	m.Handler(okHandler).ServeHTTP(rec, preflight("https://a.example", "GET"))
	if rec.Code != 403 {
		t.Errorf("status = %d, want 403", rec.Code)
	}
	if got := rec.Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("Access-Control-Allow-Origin = %q, want none", got)
	}
}

// Many goroutines send requests while another flips the policy between two
// configurations: every response must be wholly one policy's answer, never
// a mix, and the race detector must stay quiet.
func TestReconfigureUnderConcurrentLoadAnswersWithExactlyOnePolicy(t *testing.T) {
	configA := corsa.Config{
		Origins: []string{"https://a.example"}, Methods: []string{"PUT"}, MaxAge: corsa.Seconds(10),
	}
	configB := corsa.Config{
		Origins: []string{"https://a.example", "https://b.example"}, Credentials: true,
		Methods: []string{"PUT", "DELETE"}, MaxAge: corsa.Seconds(20),
	}
	// Each policy's complete answer to a PUT preflight from a.example.
	wantA := http.Header{
		"Access-Control-Allow-Origin":  {"https://a.example"},
		"Access-Control-Allow-Methods": {"PUT"},
		"Access-Control-Max-Age":       {"10"},
		"Vary":                         {"Origin, Access-Control-Request-Method, Access-Control-Request-Headers"},
	}
	wantB := http.Header{
		"Access-Control-Allow-Origin":      {"https://a.example"},
		"Access-Control-Allow-Credentials": {"true"},
		"Access-Control-Allow-Methods":     {"PUT, DELETE"},
		"Access-Control-Max-Age":           {"20"},
		"Vary":                             {"Origin, Access-Control-Request-Method, Access-Control-Request-Headers"},
	}
	m, err := corsa.NewMiddleware(configA)
	if err != nil {
		t.Fatal(err)
	}
	h := m.Handler(okHandler)

	var stop atomic.Bool
	var flips sync.WaitGroup
	flips.Add(1)
	go func() {
		defer flips.Done()
		for i := 0; !stop.Load(); i++ {
			cfg := configA
			if i%2 == 0 {
				cfg = configB
			}
			if err := m.Reconfigure(cfg); err != nil {
				t.Error(err)
				return
			}
		}
	}()

	var seenA, seenB atomic.Int64
	var clients sync.WaitGroup
	for g := 0; g < 8; g++ {
		clients.Add(1)
		go func() {
			defer clients.Done()
			for i := 0; i < 500; i++ {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, preflight("https://a.example", "PUT"))
				got := rec.Header()
				switch {
				case sameHeaders(got, wantA):
					seenA.Add(1)
				case sameHeaders(got, wantB):
					seenB.Add(1)
				default:
					t.Errorf("response matches neither policy: %v", got)
					return
				}
			}
		}()
	}
	clients.Wait()
	stop.Store(true)
	flips.Wait()
	if seenA.Load() == 0 || seenB.Load() == 0 {
		t.Logf("only one policy observed (A: %d, B: %d); the swap raced ahead", seenA.Load(), seenB.Load())
	}
}

func sameHeaders(got, want http.Header) bool {
	if len(got) != len(want) {
		return false
	}
	for k, v := range want {
		g := got[k]
		if len(g) != len(v) {
			return false
		}
		for i := range v {
			if g[i] != v[i] {
				return false
			}
		}
	}
	return true
}

func TestMustPanicsWithTheValidationError(t *testing.T) {
	defer func() {
		err, _ := recover().(error)
		var ce *corsa.ConfigError
		if !errors.As(err, &ce) || ce.Field != "origins[0]" || ce.Value != "null" || !strings.Contains(ce.Detail, "dangerouslyAllowNullOrigin") {
			t.Errorf("recovered %v, want New's error about origins[0] \"null\" naming the opt-in", err)
		}
	}()
	corsa.Must(corsa.Config{Origins: []string{"null"}})
	t.Error("Must returned")
}
