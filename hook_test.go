package corsa_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/corsa-go/corsa"
)

// recorder is an OnDecision hook that keeps every event.
type recorder struct {
	mu     sync.Mutex
	events []corsa.DecisionEvent
}

func (r *recorder) record(e corsa.DecisionEvent) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, e)
}

func TestOnDecision(t *testing.T) {
	cfg := corsa.Config{Origins: []string{appOrigin}, Methods: []string{"PUT"}}
	tests := []struct {
		name    string
		method  string
		headers []string
		want    []corsa.DecisionEvent // Decision holds only Kind, Reason, Status
	}{
		{"an allowed preflight is reported once", http.MethodOptions,
			[]string{"Origin", appOrigin, "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type"},
			[]corsa.DecisionEvent{{Method: "OPTIONS", Path: "/resource", Origin: appOrigin, RequestMethod: "PUT",
				Decision: corsa.Decision{Kind: corsa.Preflight, Reason: corsa.Allowed, Status: 204}}}},
		{"a preflight refused for a header names the header", http.MethodOptions,
			[]string{"Origin", appOrigin, "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type, X-Trace ,x-other"},
			[]corsa.DecisionEvent{{Method: "OPTIONS", Path: "/resource", Origin: appOrigin, RequestMethod: "PUT", RefusedHeader: "X-Trace",
				Decision: corsa.Decision{Kind: corsa.Preflight, Reason: corsa.HeadersNotAllowed, Status: 403}}}},
		{"a preflight refused for its method is reported", http.MethodOptions,
			[]string{"Origin", appOrigin, "Access-Control-Request-Method", "DELETE"},
			[]corsa.DecisionEvent{{Method: "OPTIONS", Path: "/resource", Origin: appOrigin, RequestMethod: "DELETE",
				Decision: corsa.Decision{Kind: corsa.Preflight, Reason: corsa.MethodNotAllowed, Status: 403}}}},
		{"an allowed actual request is reported", http.MethodGet,
			[]string{"Origin", appOrigin},
			[]corsa.DecisionEvent{{Method: "GET", Path: "/resource", Origin: appOrigin,
				Decision: corsa.Decision{Kind: corsa.Actual, Reason: corsa.Allowed}}}},
		{"an actual request from a refused origin is reported", http.MethodPost,
			[]string{"Origin", "https://evil.example"},
			[]corsa.DecisionEvent{{Method: "POST", Path: "/resource", Origin: "https://evil.example",
				Decision: corsa.Decision{Kind: corsa.Actual, Reason: corsa.OriginNotAllowed}}}},
		{"a repeated Origin is reported", http.MethodGet,
			[]string{"Origin", appOrigin, "Origin", "https://evil.example"},
			[]corsa.DecisionEvent{{Method: "GET", Path: "/resource", Origin: appOrigin, MultipleOrigins: true,
				Decision: corsa.Decision{Kind: corsa.Actual, Reason: corsa.OriginRepeated}}}},
		{"a request without Origin is not reported", http.MethodGet, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec recorder
			c := cfg
			c.OnDecision = rec.record
			serve(t, c, tt.method, tt.headers...)
			if len(rec.events) != len(tt.want) {
				t.Fatalf("%d events, want %d: %+v", len(rec.events), len(tt.want), rec.events)
			}
			for i, got := range rec.events {
				want := tt.want[i]
				gd, wd := got.Decision, want.Decision
				got.Decision, want.Decision = corsa.Decision{}, corsa.Decision{}
				if got != want {
					t.Errorf("event = %+v, want %+v", got, want)
				}
				if gd.Kind != wd.Kind || gd.Reason != wd.Reason || gd.Status != wd.Status {
					t.Errorf("decision = %v, %v, %d; want %v, %v, %d", gd.Kind, gd.Reason, gd.Status, wd.Kind, wd.Reason, wd.Status)
				}
			}
		})
	}
}

func TestOnDecisionSeesTheHeadersDecideReturns(t *testing.T) {
	var rec recorder
	p := mustPolicy(t, corsa.Config{Origins: []string{appOrigin}, OnDecision: rec.record})
	d := decide(t, p, http.MethodGet, "Origin", appOrigin)
	if len(rec.events) != 1 {
		t.Fatalf("%d events, want 1", len(rec.events))
	}
	got := rec.events[0].Decision
	want := []corsa.Header{{Name: "Access-Control-Allow-Origin", Value: appOrigin}}
	if h := got.Headers(); len(h) != 1 || h[0] != want[0] || got.Vary != "Origin" {
		t.Errorf("event headers = %v, Vary %q; want %v, Vary \"Origin\"", h, got.Vary, want)
	}
	if h := d.Headers(); len(h) != 1 || h[0] != want[0] {
		t.Errorf("Decide's headers = %v, want %v", h, want)
	}
}

func TestOnDecisionThroughMiddleware(t *testing.T) {
	var rec recorder
	m, err := corsa.NewMiddleware(corsa.Config{Origins: []string{appOrigin}, OnDecision: rec.record})
	if err != nil {
		t.Fatal(err)
	}
	h := m.Handler(okHandler)
	do(t, h, http.MethodGet, "Origin", "https://evil.example")
	if err := m.Reconfigure(corsa.Config{Origins: []string{appOrigin}}); err != nil {
		t.Fatal(err)
	}
	do(t, h, http.MethodGet, "Origin", "https://evil.example")
	if len(rec.events) != 1 || rec.events[0].Decision.Reason != corsa.OriginNotAllowed {
		t.Errorf("events = %+v, want one refusal: a Config without OnDecision has none", rec.events)
	}
}

// The Handler of a policy without Private Network Access decides without
// Access-Control-Request-Private-Network, but OnDecision still reports it.
func TestOnDecisionReportsPrivateNetworkWithoutPNA(t *testing.T) {
	var rec recorder
	p, err := corsa.New(corsa.Config{Origins: []string{appOrigin}, OnDecision: rec.record})
	if err != nil {
		t.Fatal(err)
	}
	do(t, p.Handler(okHandler), http.MethodOptions, "Origin", appOrigin,
		"Access-Control-Request-Method", "GET", "Access-Control-Request-Private-Network", "true")
	if len(rec.events) != 1 || rec.events[0].PrivateNetwork != "true" {
		t.Errorf("events = %+v, want one with PrivateNetwork \"true\"", rec.events)
	}
}

func TestLogRefusals(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	p := mustPolicy(t, corsa.Config{Origins: []string{appOrigin}, Methods: []string{"PUT"}, OnDecision: corsa.LogRefusals(logger)})
	h := p.Handler(okHandler)
	tests := []struct {
		name    string
		method  string
		headers []string
		want    string
	}{
		{"a refused preflight is logged with its header", http.MethodOptions,
			[]string{"Origin", appOrigin, "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "x-trace"},
			`level=INFO msg="CORS request refused" reason="request header not allowed" kind=preflight origin=https://app.example.com method=OPTIONS path=/resource request_method=PUT header=x-trace status=403` + "\n"},
		{"a refused actual request is logged", http.MethodGet,
			[]string{"Origin", "https://evil.example"},
			`level=INFO msg="CORS request refused" reason="origin not allowed" kind=actual origin=https://evil.example method=GET path=/resource` + "\n"},
		{"an allowed request is not logged", http.MethodGet, []string{"Origin", appOrigin}, ""},
		{"a request without Origin is not logged", http.MethodGet, nil, ""},
		{"a huge Origin is logged cut short", http.MethodGet,
			[]string{"Origin", "https://" + strings.Repeat("a", 2000)},
			`level=INFO msg="CORS request refused" reason="origin not allowed" kind=actual origin=https://` + strings.Repeat("a", 504) + `... method=GET path=/resource` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			buf.Reset()
			do(t, h, tt.method, tt.headers...)
			if got := buf.String(); got != tt.want {
				t.Errorf("log =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestAllowsOrigin(t *testing.T) {
	tenants := newTenants(tenantOrigin)
	listed := mustPolicy(t, corsa.Config{
		Origins:    []string{appOrigin, "https://*.example.org"},
		OriginFunc: tenants.allow,
	})
	anyOrigin := mustPolicy(t, corsa.Config{Origins: []string{"*"}})
	withNull := mustPolicy(t, corsa.Config{Origins: []string{"null"}, DangerouslyAllowNullOrigin: true})
	tests := []struct {
		name   string
		p      *corsa.Policy
		origin string
		want   bool
	}{
		{"a listed origin is allowed", listed, appOrigin, true},
		{"an origin matching a pattern is allowed", listed, "https://a.b.example.org", true},
		{"an origin OriginFunc approves is allowed", listed, tenantOrigin, true},
		{"an unknown origin is refused", listed, "https://evil.example", false},
		{"a look-alike with a trailing slash is refused", listed, appOrigin + "/", false},
		{"a suffix look-alike is refused", listed, "https://app.example.com.evil.example", false},
		{"null is refused by a list", listed, "null", false},
		{"an empty origin is refused", listed, "", false},
		{"an empty origin is refused even under *", anyOrigin, "", false},
		{"any origin is allowed under *", anyOrigin, "https://evil.example", true},
		{"null is allowed under *, as Decide allows it", anyOrigin, "null", true},
		{"null is allowed when listed with the opt-in", withNull, "null", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.AllowsOrigin(tt.origin); got != tt.want {
				t.Errorf("AllowsOrigin(%q) = %v, want %v", tt.origin, got, tt.want)
			}
			// The same answer as Decide gives an actual request.
			if tt.origin != "" {
				req := corsa.Request{Method: "GET", Origin: tt.origin}
				if d := tt.p.Decide(&req); d.Allowed() != tt.want {
					t.Errorf("Decide allowed = %v, AllowsOrigin = %v", d.Allowed(), tt.want)
				}
			}
		})
	}
}
