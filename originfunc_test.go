package corsa_test

import (
	"errors"
	"net/http"
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
		if !errors.Is(err, corsa.ErrOriginFuncWithAnyOrigin) {
			t.Fatalf("New = %v, want ErrOriginFuncWithAnyOrigin", err)
		}
		if errs := configErrors(t, err); len(errs) != 1 || errs[0].Field != "OriginFunc" {
			t.Errorf("errors = %v, want one, on field OriginFunc", errs)
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
			if got := p.Explain(&req); !strings.Contains(got, tt.want) {
				t.Errorf("Explain =\n%s\nwant a line containing %q", got, tt.want)
			}
		})
	}
	if n := calls.Load(); n != 0 {
		t.Errorf("Explain called OnDecision %d times, want 0", n)
	}
}
