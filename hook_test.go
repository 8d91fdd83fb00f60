package corsa_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"reflect"
	"slices"
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

// wantEvent is what a DecisionEvent must hold: the request's values as
// the Handler read them (RequestHeaders never), the refused header, and
// the decision.
type wantEvent struct {
	req       corsa.Request
	refused   string
	preflight bool
	reason    corsa.Reason
	status    int
}

func checkEvent(t *testing.T, got corsa.DecisionEvent, want wantEvent) {
	t.Helper()
	if !reflect.DeepEqual(got.Request, want.req) || got.RefusedHeader != want.refused {
		t.Errorf("event request = %+v, refused header %q; want %+v, %q", got.Request, got.RefusedHeader, want.req, want.refused)
	}
	if d := got.Decision; d.Preflight() != want.preflight || d.Reason() != want.reason || d.Status() != want.status {
		t.Errorf("event decision = preflight %v, %v, status %d; want preflight %v, %v, status %d",
			d.Preflight(), d.Reason(), d.Status(), want.preflight, want.reason, want.status)
	}
	if got.Panic != nil {
		t.Errorf("event Panic = %v, want nil", got.Panic)
	}
}

func TestOnDecision(t *testing.T) {
	const host = "api.example.test" // newTestRequest's
	cfg := corsa.Config{Origins: []string{appOrigin}, Methods: []string{"PUT"}}
	tests := []struct {
		name    string
		method  string
		headers []string
		want    []wantEvent
	}{
		{"an allowed preflight is reported once", http.MethodOptions,
			[]string{"Origin", appOrigin, "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type"},
			[]wantEvent{{req: corsa.Request{Method: "OPTIONS", Host: host, Path: "/resource", Origin: appOrigin, RequestMethod: "PUT"},
				preflight: true, reason: corsa.Allowed, status: 204}}},
		{"a preflight refused for a header names the header", http.MethodOptions,
			[]string{"Origin", appOrigin, "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type, X-Trace ,x-other"},
			[]wantEvent{{req: corsa.Request{Method: "OPTIONS", Host: host, Path: "/resource", Origin: appOrigin, RequestMethod: "PUT"},
				refused: "X-Trace", preflight: true, reason: corsa.HeadersNotAllowed, status: 403}}},
		{"a preflight refused for its method is reported", http.MethodOptions,
			[]string{"Origin", appOrigin, "Access-Control-Request-Method", "DELETE"},
			[]wantEvent{{req: corsa.Request{Method: "OPTIONS", Host: host, Path: "/resource", Origin: appOrigin, RequestMethod: "DELETE"},
				preflight: true, reason: corsa.MethodNotAllowed, status: 403}}},
		{"a preflight asking for Private Network Access reports it", http.MethodOptions,
			[]string{"Origin", appOrigin, "Access-Control-Request-Method", "PUT", "Access-Control-Request-Private-Network", "true"},
			[]wantEvent{{req: corsa.Request{Method: "OPTIONS", Host: host, Path: "/resource", Origin: appOrigin, RequestMethod: "PUT", PrivateNetwork: "true"},
				preflight: true, reason: corsa.Allowed, status: 204}}},
		{"an allowed actual request is reported", http.MethodGet,
			[]string{"Origin", appOrigin},
			[]wantEvent{{req: corsa.Request{Method: "GET", Host: host, Path: "/resource", Origin: appOrigin}, reason: corsa.Allowed}}},
		{"an actual request from a refused origin is reported with its Sec-Fetch-Site", http.MethodPost,
			[]string{"Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"},
			[]wantEvent{{req: corsa.Request{Method: "POST", Host: host, Path: "/resource", Origin: "https://evil.example", SecFetchSite: "cross-site"},
				reason: corsa.OriginNotAllowed}}},
		{"a repeated Origin is reported as malformed", http.MethodGet,
			[]string{"Origin", appOrigin, "Origin", "https://evil.example"},
			[]wantEvent{{req: corsa.Request{Method: "GET", Host: host, Path: "/resource", Origin: appOrigin, MultipleOrigins: true},
				reason: corsa.Malformed}}},
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
				checkEvent(t, got, tt.want[i])
			}
		})
	}
}

// A "*" policy answers every actual request with the same headers, and
// still reports each one.
func TestOnDecisionReportsRequestsUnderAnAnyOriginPolicy(t *testing.T) {
	var rec recorder
	serve(t, corsa.Config{Origins: []string{"*"}, OnDecision: rec.record}, http.MethodGet, "Origin", "https://anyone.example")
	if len(rec.events) != 1 {
		t.Fatalf("%d events, want 1: %+v", len(rec.events), rec.events)
	}
	checkEvent(t, rec.events[0], wantEvent{
		req:    corsa.Request{Method: "GET", Host: "api.example.test", Path: "/resource", Origin: "https://anyone.example"},
		reason: corsa.Allowed,
	})
}

func TestOnDecisionSeesTheHeadersDecideReturns(t *testing.T) {
	var rec recorder
	p := mustPolicy(t, corsa.Config{Origins: []string{appOrigin}, OnDecision: rec.record})
	d := decide(t, p, http.MethodGet, "Origin", appOrigin)
	if len(rec.events) != 1 {
		t.Fatalf("%d events, want 1", len(rec.events))
	}
	want := [][2]string{{"Access-Control-Allow-Origin", appOrigin}}
	got := rec.events[0].Decision
	if h := headersOf(got, appOrigin); !slices.Equal(h, want) || got.Vary() != "Origin" {
		t.Errorf("event headers = %q, Vary %q; want %q, Vary \"Origin\"", h, got.Vary(), want)
	}
	if h := headersOf(d, appOrigin); !slices.Equal(h, want) {
		t.Errorf("Decide's headers = %q, want %q", h, want)
	}
	fromEvent, fromDecide := http.Header{}, http.Header{}
	got.SetHeaders(fromEvent)
	d.SetHeaders(fromDecide)
	if !reflect.DeepEqual(fromEvent, fromDecide) {
		t.Errorf("the event's decision writes %q, Decide's %q", fromEvent, fromDecide)
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
	if len(rec.events) != 1 || rec.events[0].Decision.Reason() != corsa.OriginNotAllowed {
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
	if len(rec.events) != 1 || rec.events[0].Request.PrivateNetwork != "true" {
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
	p := mustPolicy(t, corsa.Config{Origins: []string{appOrigin}, Methods: []string{"PUT"}, OnDecision: corsa.LogRefusals(logger, -1)})
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
			`level=INFO msg="CORS request refused" reason="origin not allowed" kind=actual origin=https://` + strings.Repeat("a", 256-len("https://")) + `... method=GET path=/resource` + "\n"},
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
				if d := corsa.Decide(tt.p, &req); granted(d, tt.origin) != tt.want {
					t.Errorf("Decide allowed = %v, AllowsOrigin = %v", granted(d, tt.origin), tt.want)
				}
			}
		})
	}
}
