package corsa_test

import (
	"cmp"
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

// fuzzPolicies are the policies FuzzHandler picks from: every kind of
// origin entry with credentials; "*" with Private Network Access; any
// method and header; cross-origin write protection over exact and
// pattern entries with credentials; and over "*".
var fuzzPolicies = []corsa.Config{
	fuzzConfig,
	{Origins: []string{"*"}, Methods: []string{"PUT"}, RequestHeaders: []string{"X-Request-Id"},
		ExposedHeaders: []string{"X-Total-Count"}, PrivateNetwork: true},
	{Origins: []string{"https://app.example.com"}, Methods: []string{"*"}, RequestHeaders: []string{"*"}, PreflightStatus: 200},
	{Origins: []string{"https://app.example.com", "https://*.example.org"}, Credentials: true, Methods: []string{"PUT"},
		ExposedHeaders: []string{"X-Total-Count"}, CrossOriginProtection: true},
	{Origins: []string{"*"}, RequestHeaders: []string{"*", "Authorization"}, CrossOriginProtection: true},
}

// outerOrigin is the origin an outer middleware's grant names.
const outerOrigin = "https://outer.example"

// priorHeaders are the headers an outer middleware (an outer corsa, or
// another CORS layer) set before corsa ran, chosen by the bits of set:
// bits 0-1 Access-Control-Allow-Origin (none, "*", another origin, the
// request's own), with it bit 2 Access-Control-Allow-Credentials and bit
// 3 Access-Control-Expose-Headers; bits 4 and 5 a Vary line of Origin and
// of Accept-Encoding; bit 6 a header that is none of corsa's business.
func priorHeaders(set uint8, origin string) http.Header {
	h := http.Header{}
	switch set & 3 {
	case 1:
		h["Access-Control-Allow-Origin"] = []string{"*"}
	case 2:
		h["Access-Control-Allow-Origin"] = []string{outerOrigin}
	case 3:
		h["Access-Control-Allow-Origin"] = []string{cmp.Or(origin, outerOrigin)}
	}
	if set&3 != 0 {
		if set&4 != 0 {
			h["Access-Control-Allow-Credentials"] = []string{"true"}
		}
		if set&8 != 0 {
			h["Access-Control-Expose-Headers"] = []string{"X-Outer"}
		}
	}
	if set&16 != 0 {
		h["Vary"] = append(h["Vary"], "Origin")
	}
	if set&32 != 0 {
		h["Vary"] = append(h["Vary"], "Accept-Encoding")
	}
	if set&64 != 0 {
		h["X-Outer"] = []string{"kept"}
	}
	return h
}

// FuzzHandler drives the full net/http request path, starting from the
// headers an outer middleware may have set, and checks the response
// against a model of SPEC.md (spec_model_test.go), against Decide and
// SetHeaders, and against Headers written as its documentation says.
func FuzzHandler(f *testing.F) {
	for _, seed := range []struct {
		method, origin, acrm, acrh string
		repeat                     bool
		acrpn, sfs, host           string
		policy, prior              uint8
	}{
		{"OPTIONS", "https://app.example.com", "PUT", "content-type,x-request-id", false, "", "", "example.com", 0, 0},
		{"GET", "https://a.b.example.org", "", "", false, "", "", "example.com", 0, 0},
		{"OPTIONS", "https://example.org", "PUT", "", false, "", "", "example.com", 0, 0},
		{"GET", "https://app.example.com.evil.com", "", "", false, "", "", "example.com", 0, 0},
		{"GET", "https://example.org%60.evil.com", "", "", false, "", "", "example.com", 0, 0},
		{"GET", "https://evil.com@x.example.org", "", "", false, "", "", "example.com", 0, 0},
		{"OPTIONS", "http://localhost:8080", "DELETE", "X-Request-Id ,, Content-Type", false, "", "", "example.com", 0, 0},
		{"OPTIONS", "http://localhost:0080", "PUT", "", false, "", "", "example.com", 0, 0},
		{"GET", "null", "", "", false, "", "", "example.com", 0, 0},
		{"GET", "https://app.example.com", "", "", true, "", "", "example.com", 0, 0},
		{"OPTIONS", "https://app.example.com", "put", strings.Repeat(",", 4096), false, "", "", "example.com", 0, 0},
		{"OPTIONS", "https://app.example.com", "PUT", "content-type\nx-request-id", false, "", "", "example.com", 0, 0},
		// Issue 22: an outer "*" corsa, then this one.
		{"GET", "", "", "", false, "", "", "example.com", 0, 1 | 8 | 32},
		{"GET", "https://app.example.com", "", "", false, "", "", "example.com", 0, 3 | 4 | 8 | 16},
		{"GET", "https://evil.example", "", "", false, "", "", "example.com", 0, 2 | 4 | 16 | 64},
		{"OPTIONS", "https://app.example.com", "PUT", "", false, "", "", "example.com", 0, 1 | 4 | 8},
		{"OPTIONS", "https://anyone.example", "PUT", "x-request-id", false, "true", "", "example.com", 1, 2 | 16},
		{"GET", "https://anyone.example", "", "", true, "", "", "example.com", 1, 3 | 4 | 8},
		{"GET", "", "", "", false, "", "", "example.com", 1, 2 | 4 | 16},
		{"OPTIONS", "https://app.example.com", "PURGE", "x-anything,authorization", false, "", "", "example.com", 2, 0},
		// Cross-origin writes (SPEC.md §9).
		{"POST", "https://evil.example", "", "", false, "", "cross-site", "api.example.com", 3, 1 | 16},
		{"POST", "https://a.example.org", "", "", false, "", "same-site", "api.example.com", 3, 0},
		{"PUT", "https://evil.example", "", "", false, "", "same-site", "api.example.com", 3, 3 | 4},
		{"DELETE", "https://evil.example", "", "", false, "", "", "api.example.com", 3, 0},
		{"PUT", "https://api.example.com", "", "", false, "", "", "api.example.com", 3, 0},
		{"POST", "", "", "", false, "", "Cross-Site", "api.example.com", 3, 0},
		{"patch", "https://evil.example", "", "", false, "", "same-origin", "api.example.com", 3, 0},
		{"POST", "https://anyone.example", "", "", false, "", "cross-site", "api.example.com", 4, 1},
		{"POST", "null", "", "", false, "", "", "api.example.com", 4, 0},
	} {
		f.Add(seed.method, seed.origin, seed.acrm, seed.acrh, seed.repeat, seed.acrpn, seed.sfs, seed.host, seed.policy, seed.prior)
	}
	var policies []*corsa.Policy
	for _, c := range fuzzPolicies {
		p, err := corsa.New(c)
		if err != nil {
			f.Fatal(err)
		}
		policies = append(policies, p)
	}
	f.Fuzz(func(t *testing.T, method, origin, acrm, acrh string, repeatOrigin bool, acrpn, sfs, host string, policy, prior uint8) {
		if !validMethod(method) {
			return // net/http would not deliver it
		}
		i := int(policy) % len(policies)
		p, cfg := policies[i], fuzzPolicies[i]
		r := httptest.NewRequest("GET", "/", nil)
		r.Method, r.Host = method, host
		mr := modelRequest{method: method, acrm: acrm, acrpn: acrpn, sfs: sfs, host: host}
		if origin != "" {
			mr.origins = []string{origin}
			if repeatOrigin {
				mr.origins = append(mr.origins, origin)
			}
			r.Header["Origin"] = mr.origins
		}
		if acrm != "" {
			r.Header.Set("Access-Control-Request-Method", acrm)
		}
		if acrh != "" {
			// A newline, which no header value holds, splits the list
			// over several lines, as some proxies do (SPEC.md §4).
			mr.acrh = strings.Split(acrh, "\n")
			r.Header["Access-Control-Request-Headers"] = mr.acrh
		}
		if acrpn != "" {
			r.Header.Set("Access-Control-Request-Private-Network", acrpn)
		}
		if sfs != "" {
			r.Header.Set("Sec-Fetch-Site", sfs)
		}
		before := priorHeaders(prior, origin)

		rec := httptest.NewRecorder()
		maps.Copy(rec.Header(), before)
		ran := false
		p.Handler(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { ran = true })).ServeHTTP(rec, r)
		h := rec.Header()
		status := 0
		if !ran {
			status = rec.Code
		}

		want := modelAnswerFor(cfg, mr)
		msg := modelCheck(want, before, h, status)
		if msg != "" && want.headerVerdictOpen {
			// A list longer than browsers send may be refused by length.
			msg = modelCheck(modelAnswer{status: 403, vary: want.vary}, before, h, status)
		}
		if msg != "" {
			t.Fatalf("policy %d, prior %q: %s\nresponse: %q (status %d, handler ran %v)", i, before, msg, h, rec.Code, ran)
		}
		if i == 0 {
			// An oracle for fuzzConfig's origins on top of the model.
			if acao := h.Get("Access-Control-Allow-Origin"); acao != "" && (acao != origin || !allowedByFuzzConfig(origin)) {
				t.Fatalf("Access-Control-Allow-Origin %q for request origin %q, which net/url reads as not allowed", acao, origin)
			}
		}

		// The Handler is Decide and SetHeaders; Headers, written as its
		// documentation says, writes the same.
		var req corsa.Request
		req.ReadHTTP(r)
		d := corsa.Decide(p, &req)
		fromDecide := before.Clone()
		d.SetHeaders(fromDecide)
		if !maps.EqualFunc(h, fromDecide, slices.Equal) {
			t.Fatalf("Handler wrote %q, Decide and SetHeaders %q", h, fromDecide)
		}
		if s := d.Status(); s != status {
			t.Fatalf("Decide's Status() = %d, the Handler answered %d", s, status)
		}
		fromHeaders := before.Clone()
		if _, outer := fromHeaders["Access-Control-Allow-Origin"]; outer {
			delete(fromHeaders, "Access-Control-Allow-Origin")
			delete(fromHeaders, "Access-Control-Allow-Credentials")
			delete(fromHeaders, "Access-Control-Expose-Headers")
		}
		for name, value := range d.Headers(req.Origin) {
			fromHeaders[name] = []string{value}
		}
		if v := d.Vary(); v != "" {
			fromHeaders["Vary"] = append(fromHeaders["Vary"], v)
		}
		if !maps.EqualFunc(fromHeaders, fromDecide, slices.Equal) {
			t.Fatalf("Headers written as documented give %q, SetHeaders %q", fromHeaders, fromDecide)
		}
	})
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
		if d := corsa.Decide(p, &req); !granted(d, origin) {
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
		if d := corsa.Decide(p, &req); d.Reason() != corsa.Allowed {
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
