package corsa_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/corsa-go/corsa"
)

const tenantOrigin = "https://tenant.example.net"

// tenants is the safe use of OriginFunc: an exact lookup in a set the
// application keeps. It records every origin it is asked about.
type tenants struct {
	set   sync.Map
	mu    sync.Mutex
	asked []string
}

func newTenants(origins ...string) *tenants {
	t := new(tenants)
	for _, o := range origins {
		t.set.Store(o, true)
	}
	return t
}

func (t *tenants) allow(origin string) bool {
	t.mu.Lock()
	t.asked = append(t.asked, strings.Clone(origin))
	t.mu.Unlock()
	_, ok := t.set.Load(origin)
	return ok
}

func TestOriginFunc(t *testing.T) {
	long := "https://" + strings.Repeat("a", 60) + "." + strings.Repeat("b", 60) + "." + strings.Repeat("c", 60) + "." + strings.Repeat("d", 60) + ".example"
	tests := []struct {
		name      string
		cfg       corsa.Config
		headers   []string
		want      map[string]string
		wantAsked []string
	}{
		{"an origin OriginFunc approves is echoed with Vary: Origin",
			corsa.Config{}, []string{"Origin", tenantOrigin},
			map[string]string{"Access-Control-Allow-Origin": tenantOrigin}, []string{tenantOrigin}},
		{"an approved origin gets credentials when the policy has them",
			corsa.Config{Credentials: true}, []string{"Origin", tenantOrigin},
			map[string]string{"Access-Control-Allow-Origin": tenantOrigin, "Access-Control-Allow-Credentials": "true"}, []string{tenantOrigin}},
		{"an origin OriginFunc refuses gets no CORS headers",
			corsa.Config{}, []string{"Origin", "https://other.example.net"},
			nil, []string{"https://other.example.net"}},
		{"a listed origin is allowed without asking OriginFunc",
			corsa.Config{Origins: []string{appOrigin}}, []string{"Origin", appOrigin},
			map[string]string{"Access-Control-Allow-Origin": appOrigin}, nil},
		{"null is never passed to OriginFunc",
			corsa.Config{}, []string{"Origin", "null"}, nil, nil},
		{"a repeated Origin is never passed to OriginFunc",
			corsa.Config{}, []string{"Origin", tenantOrigin, "Origin", tenantOrigin}, nil, nil},
		{"an origin with a path is never passed to OriginFunc",
			corsa.Config{}, []string{"Origin", tenantOrigin + "/"}, nil, nil},
		{"an upper-case origin is never passed to OriginFunc",
			corsa.Config{}, []string{"Origin", "https://TENANT.example.net"}, nil, nil},
		{"an origin with the default port is never passed to OriginFunc",
			corsa.Config{}, []string{"Origin", tenantOrigin + ":443"}, nil, nil},
		{"an origin with user info is never passed to OriginFunc",
			corsa.Config{}, []string{"Origin", "https://user@tenant.example.net"}, nil, nil},
		{"an origin longer than any origin is never passed to OriginFunc",
			corsa.Config{}, []string{"Origin", long + strings.Repeat("x", 300)}, nil, nil},
		{"a plain-http origin is never passed to OriginFunc with credentials",
			corsa.Config{Credentials: true}, []string{"Origin", "http://tenant.example.net"}, nil, nil},
		{"a plain-http loopback origin is passed to OriginFunc with credentials",
			corsa.Config{Credentials: true}, []string{"Origin", "http://127.0.0.1:3000"}, nil, []string{"http://127.0.0.1:3000"}},
		{"a plain-http origin is passed to OriginFunc without credentials",
			corsa.Config{}, []string{"Origin", "http://tenant.example.net"}, nil, []string{"http://tenant.example.net"}},
		{"an IPv6 origin is passed to OriginFunc",
			corsa.Config{}, []string{"Origin", "https://[::1]:8443"}, nil, []string{"https://[::1]:8443"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTenants(tenantOrigin)
			tt.cfg.OriginFunc = ts.allow
			resp, ran := serve(t, tt.cfg, http.MethodGet, tt.headers...)
			if !ran || resp.StatusCode != 200 {
				t.Errorf("handler ran = %v, status %d; want it run, 200", ran, resp.StatusCode)
			}
			checkCORSHeaders(t, resp.Header, tt.want, varyOrigin)
			if strings.Join(ts.asked, " ") != strings.Join(tt.wantAsked, " ") {
				t.Errorf("OriginFunc asked about %q, want %q", ts.asked, tt.wantAsked)
			}
		})
	}
}

func TestOriginFuncAnswersPreflights(t *testing.T) {
	cfg := corsa.Config{Credentials: true, Methods: []string{"PUT"}, OriginFunc: newTenants(tenantOrigin).allow}
	resp, ran := serve(t, cfg, http.MethodOptions, "Origin", tenantOrigin,
		"Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type")
	if ran || resp.StatusCode != 204 {
		t.Fatalf("handler ran = %v, status %d; want not run, 204", ran, resp.StatusCode)
	}
	checkCORSHeaders(t, resp.Header, map[string]string{
		"Access-Control-Allow-Origin":      tenantOrigin,
		"Access-Control-Allow-Credentials": "true",
		"Access-Control-Allow-Methods":     "PUT",
		"Access-Control-Allow-Headers":     "Content-Type",
	}, varyPreflight)
}

func TestOriginFuncConfiguration(t *testing.T) {
	allow := func(string) bool { return true }
	t.Run("OriginFunc with * is refused, since it would never be called", func(t *testing.T) {
		_, err := corsa.New(corsa.Config{Origins: []string{"*"}, OriginFunc: allow})
		if err == nil {
			t.Fatal("New accepted OriginFunc with \"*\"")
		}
		if errs := configErrors(t, err); len(errs) != 1 || errs[0].Field != "OriginFunc" || !strings.Contains(errs[0].Detail, "never be called") {
			t.Errorf("errors = %v, want one, on field OriginFunc, saying it would never be called", errs)
		}
	})
	t.Run("a policy with only OriginFunc is valid and has no empty-origins warning", func(t *testing.T) {
		p := mustPolicy(t, corsa.Config{OriginFunc: allow})
		if w := p.Warnings(); len(w) != 0 {
			t.Errorf("Warnings = %q, want none", w)
		}
	})
	t.Run("a policy file cannot name OriginFunc or OnDecision", func(t *testing.T) {
		for _, key := range []string{"OriginFunc", "originFunc", "OnDecision", "-"} {
			if _, err := corsa.ParseConfig([]byte(`{"` + key + `": null}`)); err == nil {
				t.Errorf("ParseConfig accepted key %q", key)
			}
		}
	})
}

func TestExplainNamesOriginFunc(t *testing.T) {
	var calls atomic.Int32
	p := mustPolicy(t, corsa.Config{
		Origins:    []string{appOrigin},
		OriginFunc: newTenants(tenantOrigin).allow,
		OnDecision: func(corsa.DecisionEvent) { calls.Add(1) },
	})
	tests := []struct{ origin, want string }{
		{tenantOrigin, `origin "https://tenant.example.net": allowed by OriginFunc`},
		{"https://other.example.net", `origin "https://other.example.net": not allowed: not in origins, and OriginFunc refused it`},
		{"https://other.example.net/", `origin "https://other.example.net/": not allowed: not in origins, and OriginFunc not asked: not an origin as browsers send it`},
		{appOrigin, `origin "https://app.example.com": allowed: listed as origins[0]`},
	}
	for _, tt := range tests {
		t.Run("explaining "+tt.origin+" says "+tt.want, func(t *testing.T) {
			req := corsa.Request{Method: "GET", Origin: tt.origin}
			if got := p.ExplainRequest(&req); !strings.Contains(got, tt.want) {
				t.Errorf("Explain =\n%s\nwant a line containing %q", got, tt.want)
			}
		})
	}
	if n := calls.Load(); n != 0 {
		t.Errorf("Explain called OnDecision %d times, want 0", n)
	}
}

// OriginFunc is asked only about origins exactly as browsers serialize
// them (the URL standard's host forms), so that application code never
// has to tell "127.1" from "127.0.0.1" or decode punycode to be safe.
func TestOriginFuncIsAskedOnlyAboutOriginsBrowsersSend(t *testing.T) {
	type askCase struct {
		name   string
		origin string
		asked  bool
	}
	tests := []askCase{
		{"an IPv4 address in two parts", "https://127.1", false},
		{"an IPv4 part in hex", "https://0x7f.0.0.1", false},
		{"an IPv4 address as one number", "https://2130706433", false},
		{"an IPv4 part with a leading zero", "https://127.0.0.01", false},
		{"an IPv4 part above 255", "https://1.2.3.256", false},
		{"an IPv6 address not in its shortest form", "https://[0::1]", false},
		{"an IPv6 address with a dotted IPv4 tail", "https://[::ffff:127.0.0.1]", false},
		{"an IPv4 address in brackets", "https://[1.2.3.4]", false},
		{"a punycode label that does not decode", "https://xn--zz", false},
		{"an empty punycode label", "https://xn--", false},
		{"an empty label inside the host", "https://a..example.com", false},
		{"an empty first label", "https://.example.com", false},
		{"a colon without a port", "https://app.example.com:", false},
		{"a port with a leading zero", "https://app.example.com:0443", false},
		{"an upper-case scheme", "HTTPS://app.example.com", false},
		{"a file origin, which browsers send as null", "file://app.example.com", false},
		{"an IPv6 loopback address in its shortest form", "https://[::1]", true},
		{"an IPv4 loopback address in dotted decimal", "https://127.0.0.1", true},
		{"a valid punycode label", "https://xn--bcher-kva.example", true},
		{"a host with a port", "https://app.example.com:8443", true},
		{"an origin of another scheme", "chrome-extension://abcdefghijklmnop", true},
		{"a desktop shell's origin", "tauri://localhost", true},
		{"a scheme of letters, digits, plus, dot and hyphen", "z09+.-z://app", true},
		{"a scheme starting with a digit", "1app://app", false},
		{"a scheme starting with a plus", "+app://app", false},
		{"a scheme with an underscore", "a_b://app", false},
		{"a port of nines", "http://localhost:9999", true},
		{"a host without a scheme", "app.example.com", false},
		{"a scheme without a name", "://app.example.com", false},
		{"an IPv6 address without its closing bracket", "https://[::1", false},
		{"the unspecified IPv6 address", "http://[::]", true},
		{"an IPv6 address with pieces before and after its zeros", "https://[2001:db8::1]:8443", true},
		{"an IPv6 address ending in its zeros", "https://[1::]", true},
		{"an IPv6 address of eight pieces", "https://[1:2:3:4:5:6:7:8]", true},
		{"an IPv6 address in upper case", "https://[2001:DB8::1]", false},
		{"an IPv6 address compressing one zero piece", "https://[1:2:3:4:5:6:7::]", false},
		{"an IPv6 address with two compressions", "https://[1::2::3]", false},
		{"an IPv6 address with a five-digit piece", "https://[::10000]", false},
		{"an IPv6 address with a letter beyond f", "https://[::g]", false},
		{"an IPv6 address of nine pieces", "https://[1:2:3:4:5:6:7:8:9]", false},
	}
	// What New refuses as an origin no browser can send, OriginFunc is
	// never asked about; what New says the browser sends instead, it is.
	for _, nm := range neverMatches {
		if !strings.Contains(nm.origin, "*") {
			tests = append(tests,
				askCase{nm.name + ", which New refuses", nm.origin, false},
				askCase{"what the browser sends for " + nm.name, nm.sentAs, nm.sentAs != "null"})
		}
	}
	for _, tt := range tests {
		verb := "is never asked about "
		if tt.asked {
			verb = "is asked about "
		}
		t.Run("OriginFunc "+verb+tt.name, func(t *testing.T) {
			ts := newTenants()
			p := mustPolicy(t, corsa.Config{OriginFunc: ts.allow, Methods: []string{"PUT"}})
			for _, req := range []corsa.Request{
				{Method: "GET", Origin: tt.origin},
				{Method: "OPTIONS", Origin: tt.origin, RequestMethod: "PUT"},
			} {
				corsa.Decide(p, &req)
			}
			if p.AllowsOrigin(tt.origin) {
				t.Errorf("AllowsOrigin(%q) = true from an OriginFunc that allows nothing", tt.origin)
			}
			var want []string
			if tt.asked {
				want = []string{tt.origin, tt.origin, tt.origin}
			}
			if !slices.Equal(ts.asked, want) {
				t.Errorf("OriginFunc asked about %q, want %q (an actual request, a preflight, AllowsOrigin)", ts.asked, want)
			}
		})
	}
}

// An OriginFunc that panics refuses the origin it panicked on: the
// request is answered as for any refused origin, never crashes the
// server, and OnDecision gets the value.
func TestOriginFuncThatPanicsRefusesTheOrigin(t *testing.T) {
	const panicky = "https://panicky.example.net"
	var rec recorder
	cfg := corsa.Config{
		Methods: []string{"PUT"},
		OriginFunc: func(o string) bool {
			switch o {
			case panicky:
				panic("tenant store down")
			case "https://nil-panic.example.net":
				panic(nil)
			}
			return o == tenantOrigin
		},
		OnDecision: rec.record,
	}
	tests := []struct {
		name    string
		method  string
		headers []string
		status  int
		ran     bool
		vary    []string
		reason  corsa.Reason
		panic   string
	}{
		{"an actual request gets no grant and reaches the handler", "GET", []string{"Origin", panicky},
			200, true, varyOrigin, corsa.OriginFuncPanicked, "tenant store down"},
		{"a preflight is refused with 403", "OPTIONS", preflightFrom(panicky, "PUT", ""),
			403, false, varyPreflight, corsa.OriginFuncPanicked, "tenant store down"},
		{"a panic with nil refuses too", "GET", []string{"Origin", "https://nil-panic.example.net"},
			200, true, varyOrigin, corsa.OriginFuncPanicked, "panic called with nil argument"},
		{"another origin is decided as usual after a panic", "GET", []string{"Origin", tenantOrigin},
			200, true, varyOrigin, corsa.Allowed, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec.events = nil
			resp, ran := serve(t, cfg, tt.method, tt.headers...)
			if resp.StatusCode != tt.status || ran != tt.ran {
				t.Errorf("status %d, handler ran %v; want %d, %v", resp.StatusCode, ran, tt.status, tt.ran)
			}
			var want map[string]string
			if tt.reason == corsa.Allowed {
				want = map[string]string{"Access-Control-Allow-Origin": tenantOrigin}
			}
			checkCORSHeaders(t, resp.Header, want, tt.vary)
			if len(rec.events) != 1 {
				t.Fatalf("%d events, want 1", len(rec.events))
			}
			e := rec.events[0]
			if e.Decision.Reason() != tt.reason {
				t.Errorf("Reason() = %v, want %v", e.Decision.Reason(), tt.reason)
			}
			if got := fmt.Sprint(e.Panic); tt.panic == "" && e.Panic != nil || tt.panic != "" && !strings.Contains(got, tt.panic) {
				t.Errorf("event Panic = %v, want %q", e.Panic, tt.panic)
			}
		})
	}
	t.Run("AllowsOrigin says no to the origin OriginFunc panics on", func(t *testing.T) {
		if mustPolicy(t, cfg).AllowsOrigin(panicky) {
			t.Error("AllowsOrigin = true")
		}
	})
	t.Run("Explain says OriginFunc panicked", func(t *testing.T) {
		got := mustPolicy(t, cfg).ExplainRequest(&corsa.Request{Method: "GET", Origin: panicky})
		if !strings.Contains(got, "refused: OriginFunc panicked") || !strings.Contains(got, "tenant store down") {
			t.Errorf("Explain =\n%s\nwant the verdict and the panic's value", got)
		}
	})
}

// With credentials, OriginFunc is asked about a plain-http origin only on
// loopback hosts, where plain http is no risk, unless the policy allows
// insecure origins.
func TestOriginFuncWithCredentialsIsAskedAboutPlainHTTPOnLoopbackOnly(t *testing.T) {
	for _, tc := range []struct {
		origin   string
		asked    bool
		insecure bool
	}{
		{"http://localhost:3000", true, false},
		{"http://app.localhost", true, false},
		{"http://127.0.0.1:8080", true, false},
		{"http://127.1.2.3", true, false},
		{"http://[::1]:8080", true, false},
		{"https://app.example.com", true, false},
		{"http://app.example.com", false, false},
		{"http://localhost.example.com", false, false},
		{"http://128.0.0.1", false, false},
		{"http://app.example.com", true, true},
	} {
		verb := "is not asked"
		if tc.asked {
			verb = "is asked"
		}
		if tc.insecure {
			verb += " under dangerouslyAllowInsecureOrigins"
		}
		t.Run("OriginFunc "+verb+" about "+tc.origin, func(t *testing.T) {
			ts := newTenants()
			p := mustPolicy(t, corsa.Config{OriginFunc: ts.allow, Credentials: true, DangerouslyAllowInsecureOrigins: tc.insecure})
			p.AllowsOrigin(tc.origin)
			if asked := len(ts.asked) > 0; asked != tc.asked {
				t.Errorf("asked: %v, want %v", asked, tc.asked)
			}
		})
	}
}
