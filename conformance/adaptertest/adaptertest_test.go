package adaptertest_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
)

// TestAdapterWantsMatchTheCore: the reference, corsa's own net/http
// Handler, gives Policy's requests exactly the responses the
// adapter helpers expect.
func TestAdapterWantsMatchTheCore(t *testing.T) {
	p, err := corsa.New(adaptertest.Policy())
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
		{"an allowed preflight", adaptertest.Preflight(conformance.AppOrigin, path, "PUT", "content-type"),
			adaptertest.AllowedPreflight()},
		{"an allowed preflight listing its headers over two lines",
			adaptertest.Preflight(conformance.AppOrigin, path, "DELETE", "x-request-id", "content-type"),
			adaptertest.AllowedPreflight()},
		{"a preflight from a prefix attacker", adaptertest.Preflight(conformance.AppOrigin+".evil.example.net", path, "PUT"),
			adaptertest.RefusedPreflight()},
		{"a preflight for a method not listed", adaptertest.Preflight(conformance.AppOrigin, path, "PATCH"),
			adaptertest.RefusedPreflight()},
		{"an allowed actual request", adaptertest.Actual(http.MethodGet, conformance.AppOrigin, path),
			adaptertest.AllowedActual()},
		{"an actual request from an origin not listed", adaptertest.Actual(http.MethodGet, conformance.OtherOrigin, path),
			adaptertest.RefusedActual()},
		{"a request without Origin", adaptertest.Actual(http.MethodGet, "", path),
			adaptertest.RefusedActual()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := adaptertest.Expect(t, do, tt.req, tt.want)
			if ran := tt.want.HandlerRan; ran != (body == conformance.OptionsBody) {
				t.Errorf("body %q, with the handler run = %t", body, ran)
			}
		})
	}
}

// TestAdapterHelpersAreFresh: callers may change what they get.
func TestAdapterHelpersAreFresh(t *testing.T) {
	adaptertest.Policy().Origins[0] = "https://changed.example"
	adaptertest.AllowedPreflight().Headers["Access-Control-Allow-Origin"] = "https://changed.example"
	adaptertest.AllowedActual().Vary[0] = "Changed"
	if got := adaptertest.Policy().Origins[0]; got != conformance.AppOrigin {
		t.Errorf("Policy shares its origins: %q", got)
	}
	if got := adaptertest.AllowedPreflight().Headers["Access-Control-Allow-Origin"]; got != conformance.AppOrigin {
		t.Errorf("AllowedPreflight shares its headers: %q", got)
	}
	if got := adaptertest.RefusedActual().Vary[0]; got != "Origin" {
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
// request, and holds Vary to exactly the wanted
// tokens.
func TestExpectReportsEveryProblem(t *testing.T) {
	req := adaptertest.Actual(http.MethodGet, conformance.AppOrigin, "/x")
	// respond answers like Policy's allowed actual response, after
	// change has altered its headers.
	respond := func(change func(h http.Header)) func(*http.Request) (*http.Response, error) {
		return conformance.Recorder(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			h := w.Header()
			for k, v := range adaptertest.AllowedActual().Headers {
				h.Set(k, v)
			}
			h.Set("Vary", "Origin")
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
		{"a missing header", func(h http.Header) { h.Del("Access-Control-Expose-Headers") },
			[]string{"missing Access-Control-Expose-Headers"}},
		{"an extra header", func(h http.Header) { h.Set("Access-Control-Max-Age", "600") },
			[]string{"unexpected Access-Control-Max-Age"}},
		{"a handler that did not run", func(h http.Header) { h.Del(conformance.HandlerHeader) },
			[]string{"the handler did not run"}},
		{"no Vary", func(h http.Header) { h.Del("Vary") },
			[]string{`lacks "Origin"`, `Vary [], want exactly the tokens ["Origin"]`}},
		{"an extra Vary token", func(h http.Header) { h.Set("Vary", "Origin, Accept-Encoding") },
			[]string{`Vary ["Origin, Accept-Encoding"], want exactly the tokens ["Origin"]`}},
		{"a second Vary line", func(h http.Header) { h.Add("Vary", "Accept-Encoding") },
			[]string{`Vary ["Origin" "Accept-Encoding"], want exactly the tokens ["Origin"]`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &spy{TB: t}
			if body := adaptertest.Expect(s, respond(tt.change), req, adaptertest.AllowedActual()); body != "body" {
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
		want := adaptertest.AllowedActual()
		want.Status = http.StatusNotFound
		adaptertest.Expect(s, respond(func(http.Header) {}), req, want)
		if len(s.errors) != 1 || !strings.Contains(s.errors[0], "status 200, want 404") {
			t.Errorf("reported %q, want the status", s.errors)
		}
	})
}
