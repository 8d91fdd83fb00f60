package corsa_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// The origins of pathsConfig, one per entry, so that a response's
// Access-Control-Allow-Origin shows which entry answered.
const (
	pathsSite  = "https://site.example"
	pathsApp   = "https://app.example"
	pathsAdmin = "https://admin.example"
)

var put = []string{"PUT"}

// pathsConfig is a site with a credentialed API, a public corner of it, an
// admin area and a fallback.
func pathsConfig() map[string]corsa.Config {
	return map[string]corsa.Config{
		"/":           {Origins: []string{pathsSite}, Methods: put},
		"/api":        {Origins: []string{pathsApp}, Credentials: true, Methods: put},
		"/api/public": {Origins: []string{"*"}, Methods: put},
		"/admin":      {Origins: []string{pathsAdmin}, Credentials: true, Methods: put},
	}
}

// requestTo builds a request whose URL is target exactly as a client sent
// it: Path decoded, RawPath kept when the spelling is not the default, as
// net/http's server does, without cleaning anything.
func requestTo(t testing.TB, method, target string, headers ...string) *http.Request {
	t.Helper()
	u, err := url.ParseRequestURI(target)
	if err != nil {
		t.Fatalf("test bug: %q: %v", target, err)
	}
	r := httptest.NewRequest(method, "/", nil)
	r.URL = u
	r.RequestURI = target
	for i := 0; i < len(headers); i += 2 {
		r.Header.Add(headers[i], headers[i+1])
	}
	return r
}

// mustPaths builds a Paths the test relies on being valid.
func mustPaths(t testing.TB, m map[string]corsa.Config) *corsa.Paths {
	t.Helper()
	pp, err := corsa.NewPaths(m)
	if err != nil {
		t.Fatalf("NewPaths: %v", err)
	}
	return pp
}

// serveTo serves one request through h and reports whether the handler
// behind it ran.
func serveTo(t testing.TB, h func(http.Handler) http.Handler, r *http.Request) (*http.Response, bool) {
	t.Helper()
	ran := false
	next := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		ran = true
		w.WriteHeader(http.StatusOK)
	})
	rec := httptest.NewRecorder()
	h(next).ServeHTTP(rec, r)
	return rec.Result(), ran
}

func TestPathsAnswersEachPathWithTheLongestCoveringPrefix(t *testing.T) {
	pp := mustPaths(t, pathsConfig())
	// Preflights for PUT from each entry's origin: only the entry that
	// covers the path allows its own origin (SPEC.md §2 headers).
	credentialed := func(origin string) map[string]string {
		return map[string]string{
			"Access-Control-Allow-Origin":      origin,
			"Access-Control-Allow-Credentials": "true",
			"Access-Control-Allow-Methods":     "PUT",
		}
	}
	uncredentialed := func(origin string) map[string]string {
		return map[string]string{"Access-Control-Allow-Origin": origin, "Access-Control-Allow-Methods": "PUT"}
	}
	tests := []struct {
		name, path, origin string
		status             int
		want               map[string]string
	}{
		{"a path under /api gets the API policy", "/api/users", pathsApp, 204, credentialed(pathsApp)},
		{"the prefix itself is covered", "/api", pathsApp, 204, credentialed(pathsApp)},
		{"the prefix with a trailing slash is covered", "/api/", pathsApp, 204, credentialed(pathsApp)},
		{"a longer prefix wins over a shorter one", "/api/public/feed", "https://anyone.example", 204,
			uncredentialed("*")},
		{"/apix is not under /api and falls back to /", "/apix", pathsApp, 403, nil},
		{"/apix gets the fallback policy", "/apix", pathsSite, 204, uncredentialed(pathsSite)},
		{"/api/publicity is not under /api/public", "/api/publicity", "https://anyone.example", 403, nil},
		{"upper case that picks the same policy either way is fine", "/Static/app.js", pathsSite, 204, uncredentialed(pathsSite)},
		{"another prefix's origin is refused", "/admin/users", pathsApp, 403, nil},
		{"the admin origin is allowed under /admin", "/admin/users", pathsAdmin, 204, credentialed(pathsAdmin)},
		{"the root itself gets the fallback policy", "/", pathsSite, 204, uncredentialed(pathsSite)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := requestTo(t, "OPTIONS", tt.path, "Origin", tt.origin, "Access-Control-Request-Method", "PUT")
			resp, ran := serveTo(t, pp.Handler, r)
			if resp.StatusCode != tt.status || ran {
				t.Fatalf("status = %d, handler ran = %v; want %d from the middleware", resp.StatusCode, ran, tt.status)
			}
			checkCORSHeaders(t, resp.Header, tt.want, varyPreflight)
		})
	}
}

func TestPathsGivesNoCORSToAPathNoPrefixCovers(t *testing.T) {
	pp := mustPaths(t, map[string]corsa.Config{"/api": {Origins: []string{pathsApp}}})
	requests := []struct {
		name string
		r    *http.Request
	}{
		{"a preflight reaches the handler", requestTo(t, "OPTIONS", "/static/app.js", "Origin", pathsApp, "Access-Control-Request-Method", "PUT")},
		{"an actual request gets no headers", requestTo(t, "GET", "/static/app.js", "Origin", pathsApp)},
		{"a request without Origin gets no Vary", requestTo(t, "GET", "/static/app.js")},
		{"a sibling of the prefix is not covered", requestTo(t, "GET", "/apis", "Origin", pathsApp)},
	}
	for _, tt := range requests {
		t.Run(tt.name, func(t *testing.T) {
			resp, ran := serveTo(t, pp.Handler, tt.r)
			if resp.StatusCode != 200 || !ran {
				t.Fatalf("status = %d, handler ran = %v; want the handler's 200", resp.StatusCode, ran)
			}
			checkCORSHeaders(t, resp.Header, nil, nil)
		})
	}
}

// A path that routers read differently must not let a request choose a
// laxer policy than the one of the route it reaches: it gets no CORS at
// all, even with a "/" entry. Browsers never send these paths (they remove
// dot segments and turn "\" into "/"), so only hand-made requests lose,
// and requests whose letter case a case-insensitive router (fiber's
// default) would route under another prefix.
func TestPathsGivesNoCORSToPathsRoutersReadDifferently(t *testing.T) {
	pp := mustPaths(t, pathsConfig())
	for _, target := range []string{
		"/API/users",              // "/" here, "/api" for a router ignoring case
		"/Admin/users",            // same, for "/admin"
		"/api/PUBLIC/feed",        // "/api" here, "/api/public" ignoring case
		"//api/users",             // an empty segment: net/http redirects, fiber cleans, gin and chi do not
		"/api//users",             // same
		"/api/public/../../admin", // a dot segment: cleaning routers reach /admin
		"/api/public/./x",         // a single dot
		"/api/public/%2e%2e/x",    // a dot segment in percent-encoding
		"/api/public/.%2E/x",      // mixed
		"/api/public%2F..%2Fx",    // an encoded "/": chi and echo see one segment, net/http two
		"/api/public%2fx",         // lower-case encoding
		"/api/public%5Cx",         // an encoded "\"
		"/%61pi/users",            // decoded /api (gin), raw /%61pi (chi, echo): two policies
		"*",                       // OPTIONS * has no path
	} {
		t.Run(target+" gets no CORS headers", func(t *testing.T) {
			for _, origin := range []string{pathsSite, pathsApp, "https://anyone.example"} {
				r := requestTo(t, "GET", target, "Origin", origin)
				if target == "*" {
					r.URL = &url.URL{Path: "*"}
				}
				resp, ran := serveTo(t, pp.Handler, r)
				if !ran {
					t.Fatalf("from %s: the handler did not run", origin)
				}
				checkCORSHeaders(t, resp.Header, nil, nil)
			}
		})
	}
	t.Run("a backslash gets no policy", func(t *testing.T) {
		d := corsa.Decide(pp, &corsa.Request{Method: "GET", Path: `/api\users`, Origin: pathsSite})
		h := http.Header{}
		d.SetHeaders(h)
		if len(h) != 0 || d.Vary() != "" || d.Status() != 0 {
			t.Errorf("Decide for %q wrote %q, Vary %q, status %d; want the zero Decision", `/api\users`, h, d.Vary(), d.Status())
		}
	})
	// Adapters for routers that route on the raw path (chi, echo) hand it
	// to Decide as Path, with nothing decoded.
	for _, path := range []string{
		"/api/public%2Fx", "/api/public%2fx", "/api/public%5Cx", "/api/public%5cx",
		"/api/public/..", "/api/public/.", "/api/public/%2E%2e", "/api/public/%2e",
	} {
		t.Run("the raw path "+path+" gets no policy", func(t *testing.T) {
			if got := pathsPolicyOf(t, pp, path); got != "" {
				t.Errorf("the policy for %q allows %q, want none", path, got)
			}
		})
	}
	t.Run("a trailing slash and a percent sign keep the prefix's policy", func(t *testing.T) {
		for _, path := range []string{"/api/public/", "/api/public/100%25", "/api/public/%2"} {
			if got := pathsPolicyOf(t, pp, path); got == "" {
				t.Errorf("%q gets no policy", path)
			}
		}
	})
	t.Run("percent-encoding that keeps the same policy is fine", func(t *testing.T) {
		r := requestTo(t, "GET", "/api/caf%C3%A9s", "Origin", pathsApp)
		resp, _ := serveTo(t, pp.Handler, r)
		checkCORSHeaders(t, resp.Header, map[string]string{
			"Access-Control-Allow-Origin": pathsApp, "Access-Control-Allow-Credentials": "true",
		}, varyOrigin)
	})
}

// pathsPolicyOf names the entry of pathsConfig-like Paths whose policy
// Decide uses for path, by the one of pathsSite, pathsApp and pathsAdmin
// it allows: "" when the path gets no policy at all.
func pathsPolicyOf(t *testing.T, pp *corsa.Paths, path string) string {
	t.Helper()
	for _, origin := range []string{pathsSite, pathsApp, pathsAdmin} {
		d := corsa.Decide(pp, &corsa.Request{Method: "GET", Path: path, Origin: origin})
		if granted(d, origin) {
			return origin
		}
		if d.Vary() == "" {
			return "" // the zero Decision: no policy, so no Vary either
		}
	}
	t.Fatalf("a policy refused all three origins for %q", path)
	return ""
}

// Lookup compares letter case exactly, and gives no policy when ignoring
// ASCII letter case, as fiber does by default, would pick another one.
func TestPathsPicksNoPolicyWhenLetterCaseWouldPickAnother(t *testing.T) {
	pp := mustPaths(t, map[string]corsa.Config{
		"/":    {Origins: []string{pathsSite}},
		"/api": {Origins: []string{pathsApp}},
		"/key": {Origins: []string{pathsAdmin}},
	})
	tests := []struct {
		name, path, want string
	}{
		{"an exact-case path gets its prefix's policy", "/api/x", pathsApp},
		{"an upper-case path that another prefix covers when folded gets none", "/API/x", ""},
		{"mixed case, too", "/Api", ""},
		{"a Kelvin sign is not the letter k, so no fold makes it /key", "/\u212aey", pathsSite},
		{"a Kelvin sign is not the letter k even where upper case is folded", "/\u212aEY", pathsSite},
		{"folding keeps segment boundaries", "/APIX", pathsSite},
		{"upper case that no other prefix covers keeps the policy", "/Other", pathsSite},
		{"upper case under the right prefix keeps its policy", "/api/Users", pathsApp},
		{"a path without a leading slash gets none", "api", ""},
		{"the empty path gets none", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pathsPolicyOf(t, pp, tt.path); got != tt.want {
				t.Errorf("the policy for %q allows %q, want %q", tt.path, got, tt.want)
			}
		})
	}
	// The other way round: a prefix in upper case, and a path in lower
	// case, which a router ignoring case routes to that prefix's handlers.
	upper := mustPaths(t, map[string]corsa.Config{
		"/":      {Origins: []string{pathsSite}},
		"/Admin": {Origins: []string{pathsAdmin}},
	})
	for _, tt := range []struct{ name, path, want string }{
		{"under an upper-case prefix, the exact-case path gets its policy", "/Admin/x", pathsAdmin},
		{"under an upper-case prefix, a lower-case path that folds to it gets none", "/admin/x", ""},
		{"under an upper-case prefix, a lower-case path no prefix covers folded keeps the policy", "/other", pathsSite},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := pathsPolicyOf(t, upper, tt.path); got != tt.want {
				t.Errorf("the policy for %q allows %q, want %q", tt.path, got, tt.want)
			}
		})
	}
}

func TestNewPathsRefusesEveryBadEntryAtOnce(t *testing.T) {
	valid := corsa.Config{Origins: []string{pathsApp}}
	_, err := corsa.NewPaths(map[string]corsa.Config{
		"/ok":         valid,
		"api":         valid,
		"/trailing/":  valid,
		"/users/*":    valid,
		"/users/:id":  valid,
		"/{tenant}":   valid,
		"/caf%C3%A9":  valid,
		"/a//b":       valid,
		"/a/../b":     valid,
		"":            valid,
		"/Admin":      valid,
		"/admin":      valid,
		"/bad-policy": {Origins: []string{"*"}, Credentials: true, Methods: []string{"get"}},
	})
	if err == nil {
		t.Fatal("NewPaths accepted invalid entries")
	}
	// In sorted order of the prefixes: "" < "/Admin" < "/a/../b" < ...
	want := []struct{ field, value, mentions string }{
		{"paths", "", `starting with "/"`},
		{"paths", "/a/../b", "clean"},
		{"paths", "/a//b", "clean"},
		{"paths", "/admin", `"/Admin" only in letter case`},
		{`paths["/bad-policy"].origins[0]`, "*", "credentials"},
		{`paths["/bad-policy"].methods[0]`, "get", "GET"},
		{"paths", "/caf%C3%A9", `'%'`},
		{"paths", "/trailing/", `"/trailing" already covers`},
		{"paths", "/users/*", "literal"},
		{"paths", "/users/:id", "literal"},
		{"paths", "/{tenant}", "literal"},
		{"paths", "api", `starting with "/"`},
	}
	got := configErrors(t, err)
	if len(got) != len(want) {
		t.Fatalf("%d errors, want %d:\n%v", len(got), len(want), err)
	}
	for i, w := range want {
		g := got[i]
		if g.Field != w.field || g.Value != w.value || !strings.Contains(g.Error(), w.mentions) {
			t.Errorf("error %d = %q (field %q, value %q), want field %q, value %q, mentioning %q",
				i, g.Error(), g.Field, g.Value, w.field, w.value, w.mentions)
		}
	}
	for _, g := range got {
		if g.Field == "paths" && !strings.Contains(g.Error(), ": invalid path prefix: ") {
			t.Errorf("error %q does not say the prefix is invalid", g)
		}
	}
	if !strings.Contains(err.Error(), `corsa: paths["/bad-policy"].origins[0] "*": "*" cannot be combined with credentials`) {
		t.Errorf("the message does not name the prefix of a bad policy and New's rule:\n%v", err)
	}
	t.Run("an empty map is refused", func(t *testing.T) {
		_, err := corsa.NewPaths(nil)
		if errs := configErrors(t, err); len(errs) != 1 || errs[0].Field != "paths" || !strings.Contains(errs[0].Detail, `"/"`) {
			t.Errorf("NewPaths(nil) error = %v, want one on paths suggesting \"/\"", err)
		}
	})
}

func TestPathsReconfigureSwapsEveryEntryOnlyWhenAllAreValid(t *testing.T) {
	var pp corsa.Paths
	status := func(path, origin string) int {
		r := requestTo(t, "OPTIONS", path, "Origin", origin, "Access-Control-Request-Method", "GET")
		resp, ran := serveTo(t, pp.Handler, r)
		if ran {
			return 0 // no prefix covers it: the handler got the preflight
		}
		return resp.StatusCode
	}
	if got := status("/api", pathsApp); got != 0 {
		t.Fatalf("a zero Paths answered a preflight with %d, want it passed on", got)
	}
	if err := pp.Reconfigure(map[string]corsa.Config{"/api": {Origins: []string{pathsApp}}}); err != nil {
		t.Fatal(err)
	}
	if got := status("/api", pathsApp); got != 204 {
		t.Fatalf("after Reconfigure: status = %d, want 204", got)
	}
	err := pp.Reconfigure(map[string]corsa.Config{
		"/":    {Origins: []string{pathsSite}},
		"/api": {Origins: []string{"*"}, Credentials: true},
	})
	if errs := configErrors(t, err); len(errs) != 1 || errs[0].Field != `paths["/api"].origins[0]` || errs[0].Value != "*" {
		t.Fatalf("Reconfigure error = %v, want one about paths[\"/api\"].origins[0] \"*\"", err)
	}
	if got, gotRoot := status("/api", pathsApp), status("/other", pathsSite); got != 204 || gotRoot != 0 {
		t.Errorf("after a refused Reconfigure: /api = %d, /other = %d; want 204 and passed on (old entries kept, none added)", got, gotRoot)
	}
}

func TestPathsLookupAllocatesNothingAndServingOnce(t *testing.T) {
	pp := mustPaths(t, map[string]corsa.Config{
		"/":           benchConfig,
		"/api":        benchConfig,
		"/api/v2":     benchConfig,
		"/api/public": {Origins: []string{"*"}},
		"/admin":      benchConfig,
	})
	for _, path := range []string{"/api/v2/resource", "/API/V2/RESOURCE", "/nothing/here", "/api/public/../../admin", "/api/caf%C3%A9"} {
		t.Run("deciding for "+path+" allocates nothing", func(t *testing.T) {
			r := requestTo(t, "GET", path, "Origin", "https://example.com")
			if allocs := testing.AllocsPerRun(100, func() {
				var req corsa.Request
				req.ReadHTTP(r)
				_ = corsa.Decide(pp, &req)
			}); allocs != 0 {
				t.Errorf("%v allocations, want 0", allocs)
			}
		})
	}
	h := pp.Handler(okHandler)
	for _, sc := range scenarios() {
		t.Run("serving the "+sc.name+" scenario allocates once, for the header values", func(t *testing.T) {
			w := newDiscardWriter()
			h.ServeHTTP(w, sc.req)
			if w.status != sc.wantStatus {
				t.Fatalf("status = %d, want %d", w.status, sc.wantStatus)
			}
			if allocs := testing.AllocsPerRun(100, func() {
				w.reset()
				h.ServeHTTP(w, sc.req)
			}); allocs != 1 {
				t.Errorf("%v allocations per request, want 1", allocs)
			}
		})
	}
}

// Run with -race: requests in flight while the entries are swapped each
// see one whole table, the old or the new, never a mix.
func TestPathsReconfigureUnderConcurrentRequests(t *testing.T) {
	tables := []map[string]corsa.Config{
		{"/api": {Origins: []string{pathsApp}}},
		{"/api": {Origins: []string{pathsAdmin}}, "/": {Origins: []string{pathsSite}}},
	}
	pp := mustPaths(t, tables[0])
	h := pp.Handler(okHandler)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 200 {
			if err := pp.Reconfigure(tables[i%2]); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for {
		select {
		case <-done:
			return
		default:
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, requestTo(t, "GET", "/api/x", "Origin", pathsApp))
		switch got := rec.Header().Values("Access-Control-Allow-Origin"); {
		case len(got) == 0, len(got) == 1 && got[0] == pathsApp:
		default:
			t.Fatalf("Access-Control-Allow-Origin = %q, want %q or none", got, pathsApp)
		}
	}
}
