package conformance_test

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/corsa-go/corsa/conformance"
	corsa "github.com/corsa-go/corsa/core"
)

// TestAdapterWantsMatchTheCore: the core's net/http middleware, the
// reference, gives AdapterPolicy's requests exactly the responses the
// adapter helpers expect.
func TestAdapterWantsMatchTheCore(t *testing.T) {
	p, err := corsa.New(conformance.AdapterPolicy())
	if err != nil {
		t.Fatal(err)
	}
	do := conformance.Recorder(conformance.Recover(p.Handler(conformance.NewServeMux())))
	const path = conformance.PathOptions // its handler adds no Vary
	tests := []struct {
		name string
		req  conformance.Request
		want conformance.Want
	}{
		{"an allowed preflight", conformance.Preflight(conformance.AppOrigin, path, "PUT", "content-type"),
			conformance.AllowedPreflight()},
		{"an allowed preflight listing its headers over two lines",
			conformance.Preflight(conformance.AppOrigin, path, "DELETE", "x-request-id", "content-type"),
			conformance.AllowedPreflight()},
		{"a preflight from a prefix attacker", conformance.Preflight(conformance.EvilOrigin, path, "PUT"),
			conformance.RefusedPreflight()},
		{"a preflight for a method not listed", conformance.Preflight(conformance.AppOrigin, path, "PATCH"),
			conformance.RefusedPreflight()},
		{"an allowed actual request", conformance.Actual(http.MethodGet, conformance.AppOrigin, path),
			conformance.AllowedActual()},
		{"an actual request from an origin not listed", conformance.Actual(http.MethodGet, conformance.OtherOrigin, path),
			conformance.RefusedActual()},
		{"a request without Origin", conformance.Actual(http.MethodGet, "", path),
			conformance.RefusedActual()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := tt.want.Expect(t, do, tt.req)
			if ran := tt.want.HandlerRan; ran != (body == conformance.OptionsBody) {
				t.Errorf("body %q, with the handler run = %t", body, ran)
			}
		})
	}
}

// TestAdapterHelpersAreFresh: callers may change what they get.
func TestAdapterHelpersAreFresh(t *testing.T) {
	conformance.AdapterPolicy().Origins[0] = "https://changed.example"
	conformance.AllowedPreflight().Headers[corsa.HeaderAllowOrigin] = "https://changed.example"
	conformance.AllowedActual().Vary[0] = "Changed"
	if got := conformance.AdapterPolicy().Origins[0]; got != conformance.AppOrigin {
		t.Errorf("AdapterPolicy shares its origins: %q", got)
	}
	if got := conformance.AllowedPreflight().Headers[corsa.HeaderAllowOrigin]; got != conformance.AppOrigin {
		t.Errorf("AllowedPreflight shares its headers: %q", got)
	}
	if got := conformance.RefusedActual().Vary[0]; got != corsa.HeaderOrigin {
		t.Errorf("AllowedActual shares its Vary: %q", got)
	}
}

// spy records what Expect reports instead of failing the test.
type spy struct {
	testing.TB
	errors []string
}

func (s *spy) Helper() {}

func (s *spy) Errorf(format string, args ...any) {
	s.errors = append(s.errors, fmt.Sprintf(format, args...))
}

// TestExpectReportsEveryProblem: Expect reports what Check does, names the
// request, and holds Vary to exactly one line with exactly the wanted
// tokens.
func TestExpectReportsEveryProblem(t *testing.T) {
	req := conformance.Actual(http.MethodGet, conformance.AppOrigin, "/x")
	// respond answers like AdapterPolicy's allowed actual response, after
	// change has altered its headers.
	respond := func(change func(h http.Header)) func(*http.Request) (*http.Response, error) {
		return conformance.Recorder(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			h := w.Header()
			for k, v := range conformance.AllowedActual().Headers {
				h.Set(k, v)
			}
			h.Set(corsa.HeaderVary, corsa.HeaderOrigin)
			h.Set(conformance.HandlerHeader, conformance.HandlerRan)
			change(h)
			_, _ = w.Write([]byte("body"))
		}))
	}
	tests := []struct {
		name   string
		change func(http.Header)
		want   []string // one substring per expected problem
	}{
		{"an exact response", func(http.Header) {}, nil},
		{"a missing header", func(h http.Header) { h.Del(corsa.HeaderExposeHeaders) },
			[]string{"missing Access-Control-Expose-Headers"}},
		{"an extra header", func(h http.Header) { h.Set(corsa.HeaderMaxAge, "600") },
			[]string{"unexpected Access-Control-Max-Age"}},
		{"a handler that did not run", func(h http.Header) { h.Del(conformance.HandlerHeader) },
			[]string{"the handler did not run"}},
		{"no Vary", func(h http.Header) { h.Del(corsa.HeaderVary) },
			[]string{`lacks "Origin"`, `Vary lines [], want exactly ["Origin"]`}},
		{"an extra Vary token", func(h http.Header) { h.Set(corsa.HeaderVary, "Origin, Accept-Encoding") },
			[]string{`Vary lines ["Origin, Accept-Encoding"]`}},
		{"a second Vary line", func(h http.Header) { h.Add(corsa.HeaderVary, "Accept-Encoding") },
			[]string{`Vary lines ["Origin" "Accept-Encoding"]`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &spy{TB: t}
			if body := conformance.AllowedActual().Expect(s, respond(tt.change), req); body != "body" {
				t.Errorf("Expect returned the body %q, want %q", body, "body")
			}
			if len(s.errors) != len(tt.want) {
				t.Fatalf("reported %q, want %d problems", s.errors, len(tt.want))
			}
			for i, e := range s.errors {
				if !strings.HasPrefix(e, req.String()+": ") || !strings.Contains(e, tt.want[i]) {
					t.Errorf("problem %q, want one naming the request and containing %q", e, tt.want[i])
				}
			}
		})
	}
	t.Run("the status", func(t *testing.T) {
		s := &spy{TB: t}
		want := conformance.AllowedActual()
		want.Status = http.StatusNotFound
		want.Expect(s, respond(func(http.Header) {}), req)
		if len(s.errors) != 1 || !strings.Contains(s.errors[0], "status 200, want 404") {
			t.Errorf("reported %q, want the status", s.errors)
		}
	})
}

// The shared scenarios must get the answers they promise from the core's
// own middleware, served through a Sink.
func TestScenariosGetTheirStatusFromCore(t *testing.T) {
	p, err := corsa.New(conformance.AdapterPolicy())
	if err != nil {
		t.Fatal(err)
	}
	h := p.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	for _, sc := range conformance.Scenarios() {
		t.Run("the "+sc.Name+" scenario is answered "+strconv.Itoa(sc.Status), func(t *testing.T) {
			w := conformance.NewSink()
			w.Serve(h, sc.Request.HTTP())
			if w.Status == 0 {
				w.Status = http.StatusOK // the handler wrote nothing
			}
			if w.Status != sc.Status {
				t.Errorf("status = %d, want %d", w.Status, sc.Status)
			}
		})
	}
}

// The core's own middleware, the reference, passes the check every
// adapter's FromMiddleware must.
func TestCheckFollowsReconfigureOnTheCore(t *testing.T) {
	fromMiddleware := func(m *corsa.Middleware) func(http.Handler) http.Handler { return m.Handler }
	conformance.CheckFollowsReconfigure(t, fromMiddleware,
		func(mw func(http.Handler) http.Handler) func(*http.Request) (*http.Response, error) {
			mux := http.NewServeMux()
			mux.HandleFunc("GET /items", func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set(conformance.HandlerHeader, conformance.HandlerRan)
			})
			return conformance.Recorder(mw(mux))
		})
}
