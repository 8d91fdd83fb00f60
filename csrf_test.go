package corsa_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// csrfHost is the host the requests of these tests are sent to.
const csrfHost = "api.example.test"

// csrfRequest builds a request to host; headers are name, value pairs,
// each pair one header line.
func csrfRequest(method, host string, headers ...string) *http.Request {
	r := httptest.NewRequest("GET", "http://"+csrfHost+"/orders", nil)
	r.Method, r.Host = method, host
	for i := 0; i < len(headers); i += 2 {
		r.Header.Add(headers[i], headers[i+1])
	}
	return r
}

// SPEC.md §9: with crossOriginProtection, a write a browser sends from
// another site is refused with 403, before the handler and without any
// CORS grant, unless the policy trusts its origin: an exact entry, a
// pattern or OriginFunc, never "*" or "null".
func TestCrossOriginProtection(t *testing.T) {
	const evil = "https://evil.example"
	listed := corsa.Config{
		Origins: []string{appOrigin, "https://*.example.org"}, Credentials: true, Methods: []string{"PUT"},
		OriginFunc: newTenants(tenantOrigin).allow, CrossOriginProtection: true,
	}
	anyOrigin := corsa.Config{Origins: []string{"*"}, Methods: []string{"PUT"}, CrossOriginProtection: true}
	withNull := corsa.Config{Origins: []string{"null", appOrigin}, DangerouslyAllowNullOrigin: true, CrossOriginProtection: true}
	grant := func(origin string) map[string]string {
		return map[string]string{"Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true"}
	}
	const refused = -1 // status: 403 from the protection, no grant, no handler
	tests := []struct {
		name    string
		cfg     corsa.Config
		method  string
		host    string
		headers []string
		status  int               // refused, or the status of an answer that is not the protection's
		want    map[string]string // the CORS headers of an answer that is not a refusal
		vary    []string
	}{
		// Methods: GET, HEAD and OPTIONS are safe; every other is a write.
		{"a cross-site GET from an untrusted origin passes", listed, "GET", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", "cross-site"}, 200, nil, varyOrigin},
		{"a cross-site HEAD from an untrusted origin passes", listed, "HEAD", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", "cross-site"}, 200, nil, varyOrigin},
		{"a cross-site OPTIONS that is no preflight passes", listed, "OPTIONS", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", "cross-site"}, 200, nil, varyOrigin},
		{"a cross-site preflight from an untrusted origin is refused by the CORS rules", listed, "OPTIONS", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", "cross-site", "Access-Control-Request-Method", "PUT"}, 403, nil, varyPreflight},
		{"a cross-site preflight from a trusted origin is allowed by the CORS rules", listed, "OPTIONS", csrfHost,
			[]string{"Origin", appOrigin, "Sec-Fetch-Site", "cross-site", "Access-Control-Request-Method", "PUT"}, 204,
			map[string]string{"Access-Control-Allow-Origin": appOrigin, "Access-Control-Allow-Credentials": "true", "Access-Control-Allow-Methods": "PUT"},
			varyPreflight},
		{"a cross-site POST from an untrusted origin is refused", listed, "POST", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", "cross-site"}, refused, nil, nil},
		{"a cross-site PUT from an untrusted origin is refused", listed, "PUT", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", "cross-site"}, refused, nil, nil},
		{"a cross-site DELETE from an untrusted origin is refused", listed, "DELETE", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", "cross-site"}, refused, nil, nil},
		{"a cross-site PATCH from an untrusted origin is refused", listed, "PATCH", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", "cross-site"}, refused, nil, nil},
		{"a cross-site custom method from an untrusted origin is refused", listed, "PURGE", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", "cross-site"}, refused, nil, nil},
		{"a lower-case get is not the safe GET and is refused", listed, "get", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", "cross-site"}, refused, nil, nil},
		{"a lower-case options is not the safe OPTIONS and is refused", listed, "options", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", "cross-site"}, refused, nil, nil},

		// Sec-Fetch-Site decides when present; Origin against Host when not.
		{"a same-site POST is refused", listed, "POST", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", "same-site"}, refused, nil, nil},
		{"a same-origin POST passes", listed, "POST", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", "same-origin"}, 200, nil, varyOrigin},
		{"a POST the user started (Sec-Fetch-Site: none) passes", listed, "POST", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", "none"}, 200, nil, varyOrigin},
		{"a POST with a malformed Sec-Fetch-Site is refused", listed, "POST", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", "Same-Origin"}, refused, nil, nil},
		{"a POST with an unknown Sec-Fetch-Site is refused", listed, "POST", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", "bogus"}, refused, nil, nil},
		{"a cross-site POST without Origin is refused", listed, "POST", csrfHost,
			[]string{"Sec-Fetch-Site", "cross-site"}, refused, nil, nil},
		{"the first Sec-Fetch-Site line counts", listed, "POST", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Site", "same-origin"}, refused, nil, nil},
		{"without Sec-Fetch-Site, an Origin of another host is refused", listed, "POST", csrfHost,
			[]string{"Origin", evil}, refused, nil, nil},
		{"an empty Sec-Fetch-Site counts as absent", listed, "POST", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", ""}, refused, nil, nil},
		{"without Sec-Fetch-Site, an Origin of the request's host passes whatever its scheme", listed, "POST", csrfHost,
			[]string{"Origin", "http://" + csrfHost}, 200, nil, varyOrigin},
		{"without Sec-Fetch-Site, an Origin of the host on another port is refused", listed, "POST", csrfHost,
			[]string{"Origin", "https://" + csrfHost + ":8443"}, refused, nil, nil},
		{"without Sec-Fetch-Site, an Origin whose port the Host also names passes", listed, "POST", csrfHost + ":8443",
			[]string{"Origin", "https://" + csrfHost + ":8443"}, 200, nil, varyOrigin},
		{"without Sec-Fetch-Site, an Origin naming the default port the Host omits is refused", listed, "POST", csrfHost,
			[]string{"Origin", "https://" + csrfHost + ":443"}, refused, nil, nil},
		{"without Sec-Fetch-Site, an Origin in upper case is another host", listed, "POST", csrfHost,
			[]string{"Origin", "https://API.example.test"}, refused, nil, nil},
		{"without Sec-Fetch-Site, an IPv6 Origin of the Host passes", listed, "POST", "[::1]:8080",
			[]string{"Origin", "http://[::1]:8080"}, 200, nil, varyOrigin},
		{"without Sec-Fetch-Site, an Origin that is no URL is refused", listed, "POST", csrfHost,
			[]string{"Origin", "http://[::1"}, refused, nil, nil},
		{"a POST with neither header, from no browser, passes", listed, "POST", csrfHost,
			nil, 200, nil, varyOrigin},

		// Trust: exact entries, patterns and OriginFunc; never * or null.
		{"a cross-site POST from an exact origin passes with its grant", listed, "POST", csrfHost,
			[]string{"Origin", appOrigin, "Sec-Fetch-Site", "cross-site"}, 200, grant(appOrigin), varyOrigin},
		{"a cross-site POST from an origin a pattern allows passes with its grant", listed, "POST", csrfHost,
			[]string{"Origin", "https://shop.example.org", "Sec-Fetch-Site", "same-site"}, 200, grant("https://shop.example.org"), varyOrigin},
		{"a cross-site POST from an origin OriginFunc allows passes with its grant", listed, "POST", csrfHost,
			[]string{"Origin", tenantOrigin, "Sec-Fetch-Site", "cross-site"}, 200, grant(tenantOrigin), varyOrigin},
		{"a cross-site POST from an origin OriginFunc refuses is refused", listed, "POST", csrfHost,
			[]string{"Origin", "https://other.example.net", "Sec-Fetch-Site", "cross-site"}, refused, nil, nil},
		{"a cross-site POST from a look-alike of a pattern is refused", listed, "POST", csrfHost,
			[]string{"Origin", "https://example.org.evil.example", "Sec-Fetch-Site", "cross-site"}, refused, nil, nil},
		{"the first Origin counts: a trusted one passes, without a grant for two Origins", listed, "POST", csrfHost,
			[]string{"Origin", appOrigin, "Origin", evil, "Sec-Fetch-Site", "cross-site"}, 200, nil, varyOrigin},
		{"the first Origin counts: an untrusted one is refused", listed, "POST", csrfHost,
			[]string{"Origin", evil, "Origin", appOrigin, "Sec-Fetch-Site", "cross-site"}, refused, nil, nil},
		{"* trusts no origin for a cross-site POST", anyOrigin, "POST", csrfHost,
			[]string{"Origin", appOrigin, "Sec-Fetch-Site", "cross-site"}, refused, nil, nil},
		{"* trusts no origin for a write from another host", anyOrigin, "PUT", csrfHost,
			[]string{"Origin", appOrigin}, refused, nil, nil},
		{"* still answers a same-origin POST with its constant headers", anyOrigin, "POST", csrfHost,
			[]string{"Origin", "https://" + csrfHost, "Sec-Fetch-Site", "same-origin"}, 200, map[string]string{"Access-Control-Allow-Origin": "*"}, nil},
		{"* still lets any page read: a cross-site GET gets the constant headers", anyOrigin, "GET", csrfHost,
			[]string{"Origin", appOrigin, "Sec-Fetch-Site", "cross-site"}, 200, map[string]string{"Access-Control-Allow-Origin": "*"}, nil},
		{"null is never trusted, even listed", withNull, "POST", csrfHost,
			[]string{"Origin", "null", "Sec-Fetch-Site", "cross-site"}, refused, nil, nil},
		{"null listed is still allowed to read a same-origin answer", withNull, "POST", csrfHost,
			[]string{"Origin", "null", "Sec-Fetch-Site", "same-origin"}, 200, map[string]string{"Access-Control-Allow-Origin": "null"}, varyOrigin},
		{"an exact entry next to null is trusted", withNull, "POST", csrfHost,
			[]string{"Origin", appOrigin, "Sec-Fetch-Site", "cross-site"}, 200, map[string]string{"Access-Control-Allow-Origin": appOrigin}, varyOrigin},
		{"without crossOriginProtection a cross-site POST from an untrusted origin reaches the handler",
			with(listed, func(c *corsa.Config) { c.CrossOriginProtection = false }), "POST", csrfHost,
			[]string{"Origin", evil, "Sec-Fetch-Site", "cross-site"}, 200, nil, varyOrigin},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec recorder
			cfg := tt.cfg
			cfg.OnDecision = rec.record
			p := mustPolicy(t, cfg)
			ran := false
			h := p.Handler(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				ran = true
				w.WriteHeader(http.StatusOK)
			}))
			r := csrfRequest(tt.method, tt.host, tt.headers...)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			resp := w.Result()
			if tt.status != refused {
				if resp.StatusCode != tt.status || ran != (tt.status == 200) {
					t.Errorf("status %d, handler ran %v; want %d, the handler running for 200 only", resp.StatusCode, ran, tt.status)
				}
				checkCORSHeaders(t, resp.Header, tt.want, tt.vary)
				for _, e := range rec.events {
					if e.Decision.Reason() == corsa.CrossOriginRefused {
						t.Errorf("OnDecision heard of a refused cross-origin write: %+v", e)
					}
				}
				return
			}
			if resp.StatusCode != 403 || ran {
				t.Errorf("status %d, handler ran %v; want 403 without the handler", resp.StatusCode, ran)
			}
			for name := range resp.Header {
				if strings.HasPrefix(name, "Access-Control-") {
					t.Errorf("the refusal carries %s: %q", name, resp.Header[name])
				}
			}
			if tokens := varyTokens(resp.Header); !slices.Contains(tokens, "Origin") {
				t.Errorf("Vary tokens = %q, want Origin among them: the refusal depends on it", tokens)
			}
			if len(rec.events) != 1 {
				t.Fatalf("OnDecision heard of %d events, want the refusal", len(rec.events))
			}
			e := rec.events[0]
			if d := e.Decision; d.Reason() != corsa.CrossOriginRefused || d.Status() != 403 || d.Preflight() {
				t.Errorf("event decision: %v, status %d, preflight %v; want %v, 403, not a preflight", d.Reason(), d.Status(), d.Preflight(), corsa.CrossOriginRefused)
			}
			if e.Request.Method != tt.method || e.Request.Host != tt.host || e.Request.SecFetchSite != r.Header.Get("Sec-Fetch-Site") ||
				e.Request.Origin != r.Header.Get("Origin") {
				t.Errorf("event request = %+v, want the request's method, host, Origin and Sec-Fetch-Site", e.Request)
			}
			var req corsa.Request
			req.ReadHTTP(r)
			d := corsa.Decide(p, &req)
			after := http.Header{"Vary": {"Accept-Encoding"}}
			d.RestoreVary(after)
			if got := after["Vary"]; !slices.Equal(got, []string{"Accept-Encoding"}) {
				t.Errorf("RestoreVary added to a refusal no handler wrote: Vary %q", got)
			}
		})
	}
}

// For a policy of exact origins only, corsa refuses exactly the requests
// net/http.CrossOriginProtection refuses with the same origins trusted
// (SPEC.md §9), over every combination of method, Sec-Fetch-Site, Origin
// and Host below. With a pattern and an OriginFunc besides, the only
// differences are writes corsa lets through from an origin the policy
// allows and Go cannot be told to trust. No request asks for a preflight,
// which the CORS rules answer and Go lets through.
func TestCrossOriginProtectionAgreesWithNetHTTP(t *testing.T) {
	few := []string{"https://app.example.com", "http://localhost:8080", "https://[2001:db8::1]:8443"}
	many := append(slices.Clone(few), "https://e1.example", "https://e2.example", "https://e3.example",
		"https://e4.example", "https://e5.example", "https://e6.example") // past the size where a map takes over
	methods := []string{"GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH", "PURGE", "get", "head", "options", "post"}
	// Each value is a header line's, but for these two.
	const noLine, emptyLine = "(no line)", "(an empty line)"
	fetchSites := []string{noLine, emptyLine, "same-origin", "same-site", "cross-site", "none", "Cross-Site", "same-origin, cross-site", "bogus"}
	origins := []string{
		noLine, emptyLine, "https://app.example.com", "http://localhost:8080", "https://[2001:db8::1]:8443", "https://e6.example",
		"https://api.example.com", "http://api.example.com", "https://api.example.com:443", "https://api.example.com:8443",
		"https://API.example.com", "HTTPS://api.example.com", "https://user@api.example.com", "https://api.example.com/",
		"//api.example.com", "api.example.com", "https://api.example.com%2e", "https://api.example.com:",
		"http://[::1]:8080", "http://[::1]", "http://[::1", "http://localhost:8080/", "https://app.example.com:443",
		"null", "https://evil.example", "http://localhost", "https://caf%C3%A9.example", "https://caf%c3%a9.example:8443",
		tenantOrigin, "https://shop.example.com", "https://a.b.example.com:8443",
	}
	hosts := []string{"api.example.com", "api.example.com:443", "api.example.com:8443", "API.example.com",
		"[::1]:8080", "[::1]", "localhost:8080", "[2001:db8::1]:8443", "café.example", "café.example:8443", ""}
	for _, setup := range []struct {
		name    string
		cfg     corsa.Config
		trusted []string // by Go
		beyond  bool     // the policy allows origins Go does not trust
	}{
		{"3 exact origins", corsa.Config{Origins: few}, few, false},
		{"9 exact origins", corsa.Config{Origins: many}, many, false},
		{"3 exact origins, a pattern and an OriginFunc",
			corsa.Config{Origins: append(slices.Clone(few), "https://*.example.com"), OriginFunc: newTenants(tenantOrigin).allow}, few, true},
	} {
		setup.cfg.CrossOriginProtection = true
		p := mustPolicy(t, setup.cfg)
		cop := http.NewCrossOriginProtection()
		for _, o := range setup.trusted {
			if err := cop.AddTrustedOrigin(o); err != nil {
				t.Fatal(err)
			}
		}
		ran := false
		next := http.HandlerFunc(func(http.ResponseWriter, *http.Request) { ran = true })
		corsaH, goH := p.Handler(next), cop.Handler(next)
		refuses := func(h http.Handler, r *http.Request) bool {
			ran = false
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			return w.Code == 403 && !ran
		}
		disagreements, explained := 0, 0
		verdicts := map[bool]int{} // net/http's: refused or not
		for _, method := range methods {
			for _, sfs := range fetchSites {
				for _, origin := range origins {
					for _, host := range hosts {
						var lines []string
						for _, h := range [][2]string{{"Sec-Fetch-Site", sfs}, {"Origin", origin}} {
							switch h[1] {
							case noLine:
							case emptyLine:
								lines = append(lines, h[0], "")
							default:
								lines = append(lines, h[0], h[1])
							}
						}
						r := csrfRequest(method, host, lines...)
						c, g := refuses(corsaH, r), refuses(goH, r)
						verdicts[g]++
						if c == g {
							continue
						}
						if setup.beyond && !c && p.AllowsOrigin(origin) && !slices.Contains(setup.trusted, origin) {
							explained++
							continue
						}
						disagreements++
						if disagreements <= 20 {
							t.Errorf("%s, %s to Host %q with %s: corsa refuses %v, net/http %v",
								setup.name, method, host, describeLines(lines), c, g)
						}
					}
				}
			}
		}
		if disagreements > 0 {
			t.Errorf("%s: %d disagreements in all", setup.name, disagreements)
		}
		if verdicts[true] < 1000 || verdicts[false] < 1000 {
			t.Errorf("test bug: net/http refused %d requests and passed %d: too few of one kind to compare", verdicts[true], verdicts[false])
		}
		if setup.beyond && explained == 0 {
			t.Errorf("test bug: %s: no write from an origin only the pattern or the OriginFunc allows", setup.name)
		}
		t.Logf("%s: %d requests, %d passed by corsa because the policy allows their origin", setup.name, verdicts[true]+verdicts[false], explained)
	}
	t.Run("two Origin lines: the first counts for both", func(t *testing.T) {
		p := mustPolicy(t, corsa.Config{Origins: few, CrossOriginProtection: true})
		cop := http.NewCrossOriginProtection()
		for _, o := range few {
			if err := cop.AddTrustedOrigin(o); err != nil {
				t.Fatal(err)
			}
		}
		for _, pair := range [][2]string{{few[0], "https://evil.example"}, {"https://evil.example", few[0]}, {"", few[0]}} {
			for _, sfs := range []string{"", "cross-site"} {
				r := csrfRequest("POST", "api.example.com", "Origin", pair[0], "Origin", pair[1])
				if sfs != "" {
					r.Header.Set("Sec-Fetch-Site", sfs)
				}
				var req corsa.Request
				req.ReadHTTP(r)
				corsaRefuses := corsa.Decide(p, &req).Status() == 403
				if goRefuses := cop.Check(r) != nil; corsaRefuses != goRefuses {
					t.Errorf("Origin lines %q, Sec-Fetch-Site %q: corsa refuses %v, net/http %v", pair, sfs, corsaRefuses, goRefuses)
				}
			}
		}
	})
}

// describeLines prints header lines for a failure message.
func describeLines(lines []string) string {
	if len(lines) == 0 {
		return "no Origin or Sec-Fetch-Site"
	}
	var b strings.Builder
	for i := 0; i < len(lines); i += 2 {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s: %q", lines[i], lines[i+1])
	}
	return b.String()
}
