package corsa_test

import (
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// fuzzConfig mixes every kind of origin entry.
var fuzzConfig = corsa.Config{
	Origins:        []string{"https://app.example.com", "https://*.example.org", "http://localhost:*"},
	Credentials:    true,
	Methods:        []string{"PUT", "DELETE"},
	RequestHeaders: []string{"Content-Type", "X-Request-Id"},
	ExposedHeaders: []string{"X-Total-Count"},
	MaxAge:         corsa.Seconds(600),
}

// allowedByFuzzConfig is an oracle for fuzzConfig's origins written with
// net/url, independently of corsa's matcher.
func allowedByFuzzConfig(origin string) bool {
	if origin == "https://app.example.com" {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil || u.User != nil || u.Path != "" || u.RawQuery != "" || u.Fragment != "" ||
		u.Opaque != "" || u.String() != origin || strings.ToLower(origin) != origin {
		return false
	}
	switch u.Scheme {
	case "https":
		host := u.Host
		sub, ok := strings.CutSuffix(host, ".example.org")
		return ok && sub != "" && !strings.ContainsAny(sub, ":[]%") && !strings.HasPrefix(sub, ".") &&
			!strings.HasSuffix(sub, ".") && !strings.Contains(sub, "..")
	case "http":
		port := u.Port()
		if u.Hostname() != "localhost" {
			return false
		}
		if port == "" {
			return u.Host == "localhost"
		}
		n, err := strconv.Atoi(port)
		return err == nil && port[0] != '0' && n <= 65535
	}
	return false
}

// FuzzHandler drives the full net/http request path and checks the
// invariants of SPEC.md against every response.
func FuzzHandler(f *testing.F) {
	f.Add("OPTIONS", "https://app.example.com", "PUT", "content-type,x-request-id", false)
	f.Add("GET", "https://a.b.example.org", "", "", false)
	f.Add("OPTIONS", "https://example.org", "PUT", "", false)
	f.Add("GET", "https://app.example.com.evil.com", "", "", false)
	f.Add("GET", "https://example.org%60.evil.com", "", "", false)
	f.Add("GET", "https://evil.com@x.example.org", "", "", false)
	f.Add("OPTIONS", "http://localhost:8080", "DELETE", "X-Request-Id ,, Content-Type", false)
	f.Add("OPTIONS", "http://localhost:0080", "PUT", "", false)
	f.Add("GET", "null", "", "", false)
	f.Add("GET", "https://app.example.com", "", "", true)
	f.Add("OPTIONS", "https://app.example.com", "put", strings.Repeat(",", 4096), false)
	p, err := corsa.New(fuzzConfig)
	if err != nil {
		f.Fatal(err)
	}
	// Policies whose answers take other paths through Policy.SetHeaders:
	// "*" (no Vary on actual requests, "*" on preflights) with Private
	// Network Access, and one with every name allowed.
	others := []*corsa.Policy{
		corsa.Must(corsa.Config{Origins: []string{"*"}, Methods: []string{"PUT"}, RequestHeaders: []string{"X-Request-Id"}, PrivateNetwork: true}),
		corsa.Must(corsa.Config{Origins: []string{"https://app.example.com"}, Methods: []string{"*"}, RequestHeaders: []string{"*"}}),
	}
	f.Fuzz(func(t *testing.T, method, origin, acrm, acrh string, repeatOrigin bool) {
		if !validMethod(method) {
			return // net/http would not deliver it
		}
		r := httptest.NewRequest("GET", "/", nil)
		r.Method = method
		if origin != "" {
			r.Header["Origin"] = []string{origin}
			if repeatOrigin {
				r.Header["Origin"] = append(r.Header["Origin"], origin)
			}
		}
		if acrm != "" {
			r.Header.Set("Access-Control-Request-Method", acrm)
		}
		if acrh != "" {
			r.Header.Set("Access-Control-Request-Headers", acrh)
		}
		ran := false
		rec := httptest.NewRecorder()
		p.Handler(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { ran = true })).ServeHTTP(rec, r)
		h := rec.Header()

		acao := h.Values("Access-Control-Allow-Origin")
		if len(acao) > 1 {
			t.Fatalf("%d Access-Control-Allow-Origin values: %q", len(acao), acao)
		}
		if len(acao) == 1 {
			if acao[0] == "*" {
				t.Fatalf("Access-Control-Allow-Origin: * under a credentialed policy")
			}
			if acao[0] != origin || repeatOrigin || !allowedByFuzzConfig(origin) {
				t.Fatalf("Access-Control-Allow-Origin %q for request origin %q (repeated: %v), which the policy does not allow",
					acao[0], origin, repeatOrigin)
			}
			if got := h.Get("Access-Control-Allow-Credentials"); got != "true" {
				t.Fatalf("Access-Control-Allow-Credentials = %q, want true", got)
			}
		}
		if !strings.HasPrefix(strings.Join(h.Values("Vary"), ", "), "Origin") {
			t.Fatalf("Vary = %q, want it to start with Origin: every answer depends on Origin", h.Values("Vary"))
		}
		isPreflight := method == "OPTIONS" && origin != "" && acrm != ""
		if ran == isPreflight {
			t.Fatalf("handler ran = %v for a request that is a preflight = %v", ran, isPreflight)
		}
		// The Handler's shortcuts must write what Decide and SetHeaders
		// write for the same request.
		req := corsa.RequestFromHTTP(r)
		d := p.Decide(&req)
		want := http.Header{}
		d.SetHeaders(want)
		if !maps.EqualFunc(h, want, slices.Equal) {
			t.Fatalf("Handler wrote %q, Decide and SetHeaders %q", h, want)
		}
		for _, pna := range []bool{false, true} {
			if pna {
				r.Header.Set("Access-Control-Request-Private-Network", "true")
			}
			for _, o := range others {
				sameAsDecide(t, o, r)
			}
		}
		if isPreflight {
			allowed := len(acao) == 1
			if allowed != (rec.Code == 204) || !allowed && rec.Code != 403 {
				t.Fatalf("preflight status %d with Access-Control-Allow-Origin %q", rec.Code, acao)
			}
			if !allowed {
				for name := range h {
					if strings.HasPrefix(name, "Access-Control-") {
						t.Fatalf("refused preflight carries %s", name)
					}
				}
			}
		}
	})
}

// sameAsDecide checks that Policy.SetHeaders writes and returns what
// Decide and Decision.SetHeaders would for r.
func sameAsDecide(t *testing.T, p *corsa.Policy, r *http.Request) {
	t.Helper()
	got := http.Header{}
	status := p.SetHeaders(got, r)
	req := corsa.RequestFromHTTP(r)
	d := p.Decide(&req)
	want := http.Header{}
	d.SetHeaders(want)
	wantStatus := 0
	if d.Kind == corsa.Preflight {
		wantStatus = d.Status
	}
	if status != wantStatus || !maps.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("Policy.SetHeaders wrote %q and returned %d; Decide and Decision.SetHeaders %q and %d", got, status, want, wantStatus)
	}
}

func validMethod(m string) bool {
	if m == "" {
		return false
	}
	for _, c := range []byte(m) {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

// FuzzOriginPattern checks that a pattern, once New accepts it, never
// matches an origin outside what it spells: a different scheme or port,
// anything but labels in place of "*", or a different host.
func FuzzOriginPattern(f *testing.F) {
	for _, seed := range [][2]string{
		{"https://*.example.com", "https://a.example.com"},
		{"https://*.example.com", "https://example.com"},
		{"https://*.example.com", "https://a.example.com.evil.org"},
		{"https://*.example.com", "https://evil.com/.example.com"},
		{"https://*.example.com", "https://evil.com#.example.com"},
		{"https://*.example.com", "https://A.example.com"},
		{"http://localhost:*", "http://localhost:3000"},
		{"http://localhost:*", "http://localhost:99999"},
		{"http://[::1]:*", "http://[::1]:8080"},
		{"https://*.example.com:*", "https://x.y.example.com:8443"},
		{"https://app.example.com", "https://app.example.com."},
		{"https://*.example.com:1", "https://0.example.com:1"},
		{"https://*.example.com:8443", "https://a.example.com:443"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, pattern, origin string) {
		p, err := corsa.New(corsa.Config{Origins: []string{pattern}})
		if err != nil || pattern == "*" {
			return
		}
		req := corsa.Request{Method: "GET", Origin: origin}
		d := p.Decide(&req)
		if !d.Allowed() {
			return
		}
		if pattern == origin {
			return
		}
		if !strings.Contains(pattern, "*") {
			t.Fatalf("exact origin %q matched a different origin %q", pattern, origin)
		}
		scheme := pattern[:strings.Index(pattern, "://")+3]
		rest, ok := strings.CutPrefix(origin, scheme)
		if !ok {
			t.Fatalf("pattern %q matched %q with another scheme", pattern, origin)
		}
		if strings.ContainsAny(rest, "/?#@%\\ \t\r\nABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			t.Fatalf("pattern %q matched %q, which is not a serialized origin", pattern, origin)
		}
		if u, err := url.Parse(origin); err != nil || u.User != nil || u.Path != "" {
			t.Fatalf("pattern %q matched %q, which net/url does not read as an origin (%v)", pattern, origin, err)
		}
		// The pattern's host, without its port: "*" or a fixed one. A
		// subdomain pattern is never an IPv6 literal, so the last colon
		// starts the port.
		patHost := pattern[len(scheme):]
		if i := strings.LastIndexByte(patHost, ':'); i >= 0 && !strings.HasSuffix(patHost, "]") {
			patHost = patHost[:i]
		}
		if suffix, ok := strings.CutPrefix(patHost, "*"); ok {
			host := rest
			if i := strings.LastIndexByte(host, ':'); i >= 0 && !strings.HasSuffix(host, "]") {
				host = host[:i]
			}
			if !strings.HasSuffix(host, suffix) || len(host) == len(suffix) {
				t.Fatalf("pattern %q matched %q, whose host is not a subdomain of %q", pattern, origin, suffix[1:])
			}
		}
	})
}

// FuzzRequestHeaders checks Access-Control-Request-Headers handling against
// a plain strings-based reading of the list.
func FuzzRequestHeaders(f *testing.F) {
	for _, seed := range []string{
		"content-type,x-request-id", "Content-Type, X-Request-Id", " content-type ,\t,x-request-id",
		"x-request-id,content-type", "content-type,authorization", "content type", ",,,,", "",
		"content-type,content-type", "x-request-id\x00",
	} {
		f.Add(seed, "")
	}
	f.Add("content-type", "x-request-id")
	p, err := corsa.New(fuzzConfig)
	if err != nil {
		f.Fatal(err)
	}
	allowed := map[string]bool{"content-type": true, "x-request-id": true}
	f.Fuzz(func(t *testing.T, line1, line2 string) {
		lines := []string{line1}
		if line2 != "" {
			lines = append(lines, line2)
		}
		req := corsa.Request{
			Method: "OPTIONS", Origin: "https://app.example.com", RequestMethod: "PUT", RequestHeaders: lines,
		}
		d := p.Decide(&req)
		if !d.Allowed() {
			return
		}
		for _, l := range lines {
			for _, name := range strings.Split(l, ",") {
				name = strings.Trim(name, " \t")
				if name != "" && !allowed[strings.ToLower(name)] {
					t.Fatalf("allowed a list with %q: %q", name, lines)
				}
			}
		}
	})
}

// FuzzParseConfig feeds policy files to ParseConfig and New: they must
// never panic, and whatever New accepts must keep SPEC.md §5's promises.
func FuzzParseConfig(f *testing.F) {
	for _, seed := range []string{
		`{"origins":["https://app.example.com","https://*.example.org","http://localhost:*"],"credentials":true,"methods":["GET","POST","PUT","DELETE","PATCH"],"requestHeaders":["Content-Type","Authorization","X-Request-Id"],"exposedHeaders":["X-Total-Count"],"maxAge":600,"privateNetwork":false,"preflightStatus":204}`,
		`{"origins":["*"],"credentials":true}`,
		`{"origins":["null"],"dangerouslyAllowNullOrigin":true}`,
		`{"origins":["https://*.com"]}`,
		`{"maxAge":0}`,
		`{"maxAge":-1,"preflightStatus":302}`,
		`{"origins":["https://a.example"]} {}`,
		`{"origin":["https://a.example"]}`,
		"{\n \"AllowedOrigins\": \"a,b\",\n \"maxAge\": \"60\",\n \"maxAge\": 1.5\n}",
		`{"origins":["a\"b",7]}`,
		`{"origins":[`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := corsa.ParseConfig(data)
		if err != nil {
			return
		}
		if _, err := corsa.New(c); err != nil {
			return
		}
		if c.Credentials {
			for _, list := range [][]string{c.Origins, c.Methods, c.RequestHeaders, c.ExposedHeaders} {
				for _, v := range list {
					if v == "*" {
						t.Fatalf("New accepted \"*\" with credentials: %s", data)
					}
				}
			}
		}
		if c.MaxAge != nil && (*c.MaxAge < 0 || *c.MaxAge > 86400) {
			t.Fatalf("New accepted maxAge %d", *c.MaxAge)
		}
		if s := c.PreflightStatus; s != 0 && (s < 200 || s > 299) {
			t.Fatalf("New accepted preflightStatus %d", s)
		}
		for _, o := range c.Origins {
			if o == "null" && !c.DangerouslyAllowNullOrigin {
				t.Fatalf("New accepted null without the opt-in")
			}
			if o == "*" || o == "null" {
				continue
			}
			u, err := url.Parse(strings.Replace(strings.Replace(o, "*.", "x.", 1), ":*", ":1", 1))
			if err != nil || u.User != nil || u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.Host == "" {
				t.Fatalf("New accepted origin %q, which is not scheme://host[:port] (%v)", o, err)
			}
		}
	})
}
