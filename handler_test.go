package corsa_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/corsa-go/corsa"
)

const appOrigin = "https://app.example.com"

// Short names for the header constants, to keep the tables readable.
const (
	hOrigin = "Origin"
	hACRM   = "Access-Control-Request-Method"
	hACRH   = "Access-Control-Request-Headers"
	hACRPN  = "Access-Control-Request-Private-Network"
	hACAO   = "Access-Control-Allow-Origin"
	hACAC   = "Access-Control-Allow-Credentials"
	hACAM   = "Access-Control-Allow-Methods"
	hACAH   = "Access-Control-Allow-Headers"
	hACEH   = "Access-Control-Expose-Headers"
	hMaxAge = "Access-Control-Max-Age"
	hACAPN  = "Access-Control-Allow-Private-Network"
)

// The policies the handler tables share.
var (
	listedPolicy = corsa.Config{
		Origins:        []string{appOrigin},
		Methods:        []string{"PUT", "DELETE"},
		RequestHeaders: []string{"Content-Type", "X-Request-Id"},
		ExposedHeaders: []string{"X-Total-Count", "X-Request-Id"},
	}
	credentialedPolicy = corsa.Config{
		Origins:        []string{appOrigin},
		Credentials:    true,
		Methods:        []string{"PUT"},
		RequestHeaders: []string{"Authorization"},
		ExposedHeaders: []string{"X-Total-Count"},
	}
	anyOriginPolicy = corsa.Config{Origins: []string{"*"}}
	anythingPolicy  = corsa.Config{
		Origins:        []string{"*"},
		Methods:        []string{"*"},
		RequestHeaders: []string{"*"},
		ExposedHeaders: []string{"*"},
	}
)

// with returns c changed by edit, leaving the shared c untouched.
func with(c corsa.Config, edit func(*corsa.Config)) corsa.Config {
	edit(&c)
	return c
}

// preflightFrom builds the headers of a preflight from origin asking for
// method and, when not empty, the request headers acrh.
func preflightFrom(origin, method, acrh string) []string {
	h := []string{hOrigin, origin, hACRM, method}
	if acrh != "" {
		h = append(h, hACRH, acrh)
	}
	return h
}

type handlerCase struct {
	name       string
	cfg        corsa.Config
	method     string
	headers    []string
	status     int
	want       map[string]string // exact CORS headers; every other one must be absent
	vary       []string          // exact Vary tokens
	handlerRan bool
}

func runHandlerCases(t *testing.T, cases []handlerCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, ran := serve(t, tc.cfg, tc.method, tc.headers...)
			if resp.StatusCode != tc.status {
				t.Errorf("status = %d, want %d", resp.StatusCode, tc.status)
			}
			if ran != tc.handlerRan {
				t.Errorf("handler ran = %v, want %v", ran, tc.handlerRan)
			}
			checkCORSHeaders(t, resp.Header, tc.want, tc.vary)
		})
	}
}

// SPEC.md §1: how a request is classified.
func TestHandlerClassifiesRequests(t *testing.T) {
	runHandlerCases(t, []handlerCase{
		{name: "a GET without Origin reaches the handler with only Vary: Origin",
			cfg: listedPolicy, method: "GET",
			status: 200, vary: varyOrigin, handlerRan: true},
		{name: "a request without Origin gets the constant Allow-Origin * and no Vary from an any-origin policy",
			cfg: anyOriginPolicy, method: "POST",
			status: 200, want: map[string]string{hACAO: "*"}, handlerRan: true},
		{name: "a request without Origin gets the constant Allow-Origin * and Expose-Headers from an any-origin policy exposing headers",
			cfg: anythingPolicy, method: "GET",
			status: 200, want: map[string]string{hACAO: "*", hACEH: "*"}, handlerRan: true},
		{name: "an OPTIONS with Access-Control-Request-Method but no Origin gets the constant any-origin headers",
			cfg: anythingPolicy, method: "OPTIONS", headers: []string{hACRM, "PUT"},
			status: 200, want: map[string]string{hACAO: "*", hACEH: "*"}, handlerRan: true},
		{name: "an OPTIONS with Origin but no Access-Control-Request-Method gets the constant any-origin headers",
			cfg: anythingPolicy, method: "OPTIONS", headers: []string{hOrigin, appOrigin},
			status: 200, want: map[string]string{hACAO: "*", hACEH: "*"}, handlerRan: true},
		{name: "an OPTIONS with Access-Control-Request-Method but no Origin is not a preflight",
			cfg: listedPolicy, method: "OPTIONS", headers: []string{hACRM, "PUT"},
			status: 200, vary: varyOrigin, handlerRan: true},
		{name: "an OPTIONS with Origin but no Access-Control-Request-Method reaches the handler with the actual headers",
			cfg: listedPolicy, method: "OPTIONS", headers: []string{hOrigin, appOrigin, hACRH, "content-type"},
			status: 200, want: map[string]string{hACAO: appOrigin, hACEH: "X-Total-Count, X-Request-Id"}, vary: varyOrigin, handlerRan: true},
		{name: "a preflight is answered without calling the handler",
			cfg: listedPolicy, method: "OPTIONS", headers: preflightFrom(appOrigin, "PUT", ""),
			status: 204, want: map[string]string{hACAO: appOrigin, hACAM: "PUT, DELETE"}, vary: varyPreflight},
		{name: "a GET with Origin is an actual request",
			cfg: listedPolicy, method: "GET", headers: []string{hOrigin, appOrigin},
			status: 200, want: map[string]string{hACAO: appOrigin, hACEH: "X-Total-Count, X-Request-Id"}, vary: varyOrigin, handlerRan: true},
	})
}

// SPEC.md §2: preflight responses.
func TestHandlerAnswersPreflights(t *testing.T) {
	anythingWithAuthorization := with(anythingPolicy, func(c *corsa.Config) { c.RequestHeaders = []string{"*", "Authorization"} })
	runHandlerCases(t, []handlerCase{
		{name: "an allowed preflight answers 204 with the configured methods and headers",
			cfg: listedPolicy, method: "OPTIONS", headers: preflightFrom(appOrigin, "PUT", "content-type,x-request-id"),
			status: 204, want: map[string]string{hACAO: appOrigin, hACAM: "PUT, DELETE", hACAH: "Content-Type, X-Request-Id"}, vary: varyPreflight},
		{name: "an allowed preflight answers the configured status 200",
			cfg: with(listedPolicy, func(c *corsa.Config) { c.PreflightStatus = 200 }), method: "OPTIONS", headers: preflightFrom(appOrigin, "DELETE", ""),
			status: 200, want: map[string]string{hACAO: appOrigin, hACAM: "PUT, DELETE"}, vary: varyPreflight},
		{name: "an allowed preflight answers any configured 2xx status",
			cfg: with(listedPolicy, func(c *corsa.Config) { c.PreflightStatus = 299 }), method: "OPTIONS", headers: preflightFrom(appOrigin, "DELETE", ""),
			status: 299, want: map[string]string{hACAO: appOrigin, hACAM: "PUT, DELETE"}, vary: varyPreflight},
		{name: "a preflight for GET needs no listed method and gets no Allow-Methods from a policy without methods",
			cfg: corsa.Config{Origins: []string{appOrigin}}, method: "OPTIONS", headers: preflightFrom(appOrigin, "GET", ""),
			status: 204, want: map[string]string{hACAO: appOrigin}, vary: varyPreflight},
		{name: "a preflight for HEAD needs no listed method",
			cfg: corsa.Config{Origins: []string{appOrigin}}, method: "OPTIONS", headers: preflightFrom(appOrigin, "HEAD", ""),
			status: 204, want: map[string]string{hACAO: appOrigin}, vary: varyPreflight},
		{name: "a preflight for POST needs no listed method",
			cfg: listedPolicy, method: "OPTIONS", headers: preflightFrom(appOrigin, "POST", "content-type"),
			status: 204, want: map[string]string{hACAO: appOrigin, hACAM: "PUT, DELETE", hACAH: "Content-Type, X-Request-Id"}, vary: varyPreflight},
		{name: "a preflight from a refused origin answers 403 with only Vary",
			cfg: listedPolicy, method: "OPTIONS", headers: preflightFrom("https://evil.example.net", "PUT", "content-type"),
			status: 403, vary: varyPreflight},
		{name: "a preflight for an unlisted method answers 403 with only Vary",
			cfg: listedPolicy, method: "OPTIONS", headers: preflightFrom(appOrigin, "PATCH", ""),
			status: 403, vary: varyPreflight},
		{name: "a preflight for an unlisted header answers 403 with only Vary",
			cfg: listedPolicy, method: "OPTIONS", headers: preflightFrom(appOrigin, "PUT", "content-type,x-other"),
			status: 403, vary: varyPreflight},
		{name: "a refused preflight leaks no max-age",
			cfg: with(listedPolicy, func(c *corsa.Config) { c.MaxAge = corsa.Seconds(600) }), method: "OPTIONS", headers: preflightFrom(appOrigin, "PATCH", ""),
			status: 403, vary: varyPreflight},
		{name: "a credentialed preflight gets Allow-Credentials and the origin itself",
			cfg: credentialedPolicy, method: "OPTIONS", headers: preflightFrom(appOrigin, "PUT", "authorization"),
			status: 204, want: map[string]string{hACAO: appOrigin, hACAC: "true", hACAM: "PUT", hACAH: "Authorization"}, vary: varyPreflight},
		{name: "a credentialed preflight from a refused origin gets no Allow-Credentials",
			cfg: credentialedPolicy, method: "OPTIONS", headers: preflightFrom("https://evil.example.net", "PUT", ""),
			status: 403, vary: varyPreflight},
		{name: "an any-origin preflight gets Allow-Origin * and the full Vary",
			cfg: anyOriginPolicy, method: "OPTIONS", headers: preflightFrom("https://anyone.example.net", "GET", ""),
			status: 204, want: map[string]string{hACAO: "*"}, vary: varyPreflight},
		{name: "any method is answered with Allow-Methods *",
			cfg: anythingPolicy, method: "OPTIONS", headers: preflightFrom("https://anyone.example.net", "PURGE", ""),
			status: 204, want: map[string]string{hACAO: "*", hACAM: "*"}, vary: varyPreflight},
		{name: "any header is answered with Allow-Headers *",
			cfg: anythingPolicy, method: "OPTIONS", headers: preflightFrom("https://anyone.example.net", "PUT", "content-type,x-anything"),
			status: 204, want: map[string]string{hACAO: "*", hACAM: "*", hACAH: "*"}, vary: varyPreflight},
		{name: "* does not cover Authorization",
			cfg: anythingPolicy, method: "OPTIONS", headers: preflightFrom("https://anyone.example.net", "PUT", "authorization"),
			status: 403, vary: varyPreflight},
		{name: "* does not cover Authorization among other names",
			cfg: anythingPolicy, method: "OPTIONS", headers: preflightFrom("https://anyone.example.net", "PUT", "authorization,x-anything"),
			status: 403, vary: varyPreflight},
		{name: "* with Authorization listed by name allows it and says so",
			cfg: anythingWithAuthorization, method: "OPTIONS", headers: preflightFrom("https://anyone.example.net", "PUT", "authorization,x-anything"),
			status: 204, want: map[string]string{hACAO: "*", hACAM: "*", hACAH: "*, Authorization"}, vary: varyPreflight},
		{name: "a preflight gets no Expose-Headers",
			cfg: anythingPolicy, method: "OPTIONS", headers: preflightFrom("https://anyone.example.net", "GET", ""),
			status: 204, want: map[string]string{hACAO: "*", hACAM: "*"}, vary: varyPreflight},
	})
}

// SPEC.md §2: methods are case-sensitive tokens.
func TestHandlerComparesPreflightMethodsByteForByte(t *testing.T) {
	upper := corsa.Config{Origins: []string{appOrigin}, Methods: []string{"PATCH"}}
	lower := corsa.Config{Origins: []string{appOrigin}, Methods: []string{"patch"}}
	runHandlerCases(t, []handlerCase{
		{name: "PATCH is allowed when PATCH is listed",
			cfg: upper, method: "OPTIONS", headers: preflightFrom(appOrigin, "PATCH", ""),
			status: 204, want: map[string]string{hACAO: appOrigin, hACAM: "PATCH"}, vary: varyPreflight},
		{name: "patch is refused when only PATCH is listed",
			cfg: upper, method: "OPTIONS", headers: preflightFrom(appOrigin, "patch", ""),
			status: 403, vary: varyPreflight},
		{name: "patch is allowed when patch is listed",
			cfg: lower, method: "OPTIONS", headers: preflightFrom(appOrigin, "patch", ""),
			status: 204, want: map[string]string{hACAO: appOrigin, hACAM: "patch"}, vary: varyPreflight},
		{name: "PATCH is refused when only patch is listed",
			cfg: lower, method: "OPTIONS", headers: preflightFrom(appOrigin, "PATCH", ""),
			status: 403, vary: varyPreflight},
		{name: "a lower-case get is not the safelisted GET",
			cfg: upper, method: "OPTIONS", headers: preflightFrom(appOrigin, "get", ""),
			status: 403, vary: varyPreflight},
		{name: "an invalid method token is refused even by an any-method policy",
			cfg: anythingPolicy, method: "OPTIONS", headers: preflightFrom(appOrigin, "PU T", ""),
			status: 403, vary: varyPreflight},
	})
}

// SPEC.md §2: Access-Control-Max-Age.
func TestHandlerSendsMaxAgeOnlyWhenSet(t *testing.T) {
	base := corsa.Config{Origins: []string{appOrigin}}
	runHandlerCases(t, []handlerCase{
		{name: "an unset max-age sends no header",
			cfg: base, method: "OPTIONS", headers: preflightFrom(appOrigin, "GET", ""),
			status: 204, want: map[string]string{hACAO: appOrigin}, vary: varyPreflight},
		{name: "a max-age of 0 is sent as 0",
			cfg: with(base, func(c *corsa.Config) { c.MaxAge = corsa.Seconds(0) }), method: "OPTIONS", headers: preflightFrom(appOrigin, "GET", ""),
			status: 204, want: map[string]string{hACAO: appOrigin, hMaxAge: "0"}, vary: varyPreflight},
		{name: "a max-age of 600 is sent as 600",
			cfg: with(base, func(c *corsa.Config) { c.MaxAge = corsa.Seconds(600) }), method: "OPTIONS", headers: preflightFrom(appOrigin, "GET", ""),
			status: 204, want: map[string]string{hACAO: appOrigin, hMaxAge: "600"}, vary: varyPreflight},
		{name: "an actual request gets no max-age",
			cfg: with(base, func(c *corsa.Config) { c.MaxAge = corsa.Seconds(600) }), method: "GET", headers: []string{hOrigin, appOrigin},
			status: 200, want: map[string]string{hACAO: appOrigin}, vary: varyOrigin, handlerRan: true},
	})
}

// SPEC.md §2: Private Network Access.
func TestHandlerAnswersPrivateNetworkAccess(t *testing.T) {
	on := corsa.Config{Origins: []string{appOrigin}, PrivateNetwork: true}
	off := corsa.Config{Origins: []string{appOrigin}}
	pna := func(origin string) []string { return append(preflightFrom(origin, "GET", ""), hACRPN, "true") }
	runHandlerCases(t, []handlerCase{
		{name: "a PNA preflight is allowed when the policy allows it",
			cfg: on, method: "OPTIONS", headers: pna(appOrigin),
			status: 204, want: map[string]string{hACAO: appOrigin, hACAPN: "true"}, vary: varyPreflightPNA},
		{name: "a PNA preflight asking for a header gets Allow-Headers and Allow-Private-Network",
			cfg:    with(on, func(c *corsa.Config) { c.RequestHeaders = []string{"X-Id"} }),
			method: "OPTIONS", headers: append(preflightFrom(appOrigin, "GET", "x-id"), hACRPN, "true"),
			status: 204, want: map[string]string{hACAO: appOrigin, hACAH: "X-Id", hACAPN: "true"}, vary: varyPreflightPNA},
		{name: "an ordinary preflight to a PNA policy gets no Allow-Private-Network but the PNA Vary",
			cfg: on, method: "OPTIONS", headers: preflightFrom(appOrigin, "GET", ""),
			status: 204, want: map[string]string{hACAO: appOrigin}, vary: varyPreflightPNA},
		{name: "a PNA preflight from a refused origin gets only the PNA Vary",
			cfg: on, method: "OPTIONS", headers: pna("https://evil.example.net"),
			status: 403, vary: varyPreflightPNA},
		{name: "a PNA preflight to a policy without PNA is answered as if it did not ask, without Allow-Private-Network",
			cfg: off, method: "OPTIONS", headers: pna(appOrigin),
			status: 204, want: map[string]string{hACAO: appOrigin}, vary: varyPreflight},
		{name: "a PNA preflight to an any-origin policy without PNA is answered as if it did not ask",
			cfg: anythingPolicy, method: "OPTIONS", headers: pna("https://anyone.example.net"),
			status: 204, want: map[string]string{hACAO: "*", hACAM: "*"}, vary: varyPreflight},
		{name: "a PNA preflight to a policy without PNA is still refused for its origin",
			cfg: off, method: "OPTIONS", headers: pna("https://evil.example.net"),
			status: 403, vary: varyPreflight},
		{name: "a PNA preflight to a policy without PNA is still refused for its method",
			cfg: off, method: "OPTIONS", headers: append(preflightFrom(appOrigin, "PUT", ""), hACRPN, "true"),
			status: 403, vary: varyPreflight},
		{name: "an actual request to a PNA policy gets no Allow-Private-Network",
			cfg: on, method: "GET", headers: []string{hOrigin, appOrigin, hACRPN, "true"},
			status: 200, want: map[string]string{hACAO: appOrigin}, vary: varyOrigin, handlerRan: true},
	})
}

// SPEC.md §3: actual responses.
func TestHandlerDecoratesActualRequests(t *testing.T) {
	noMethods := corsa.Config{Origins: []string{appOrigin}}
	runHandlerCases(t, []handlerCase{
		{name: "an allowed origin gets Allow-Origin, Expose-Headers and Vary: Origin",
			cfg: listedPolicy, method: "GET", headers: []string{hOrigin, appOrigin},
			status: 200, want: map[string]string{hACAO: appOrigin, hACEH: "X-Total-Count, X-Request-Id"}, vary: varyOrigin, handlerRan: true},
		{name: "a credentialed actual request gets Allow-Credentials",
			cfg: credentialedPolicy, method: "POST", headers: []string{hOrigin, appOrigin},
			status: 200, want: map[string]string{hACAO: appOrigin, hACAC: "true", hACEH: "X-Total-Count"}, vary: varyOrigin, handlerRan: true},
		{name: "an any-origin actual request gets Allow-Origin * and no Vary",
			cfg: anyOriginPolicy, method: "GET", headers: []string{hOrigin, "https://anyone.example.net"},
			status: 200, want: map[string]string{hACAO: "*"}, handlerRan: true},
		{name: "exposing * sends Expose-Headers *",
			cfg: anythingPolicy, method: "GET", headers: []string{hOrigin, "https://anyone.example.net"},
			status: 200, want: map[string]string{hACAO: "*", hACEH: "*"}, handlerRan: true},
		{name: "a policy without exposed headers sends no Expose-Headers",
			cfg: noMethods, method: "GET", headers: []string{hOrigin, appOrigin},
			status: 200, want: map[string]string{hACAO: appOrigin}, vary: varyOrigin, handlerRan: true},
		{name: "a refused origin still reaches the handler, with only Vary: Origin",
			cfg: listedPolicy, method: "GET", headers: []string{hOrigin, "https://evil.example.net"},
			status: 200, vary: varyOrigin, handlerRan: true},
		{name: "a refused origin on a credentialed policy gets only Vary: Origin",
			cfg: credentialedPolicy, method: "POST", headers: []string{hOrigin, "https://evil.example.net"},
			status: 200, vary: varyOrigin, handlerRan: true},
		{name: "null is covered by * without credentials and gets the constant answer",
			cfg: anyOriginPolicy, method: "GET", headers: []string{hOrigin, "null"},
			status: 200, want: map[string]string{hACAO: "*"}, handlerRan: true},
		{name: "null gets the constant Expose-Headers from an any-origin policy too",
			cfg: anythingPolicy, method: "POST", headers: []string{hOrigin, "null"},
			status: 200, want: map[string]string{hACAO: "*", hACEH: "*"}, handlerRan: true},
		{name: "a preflight from null is allowed by * with the preflight Vary",
			cfg: anythingPolicy, method: "OPTIONS", headers: preflightFrom("null", "PUT", "x-anything"),
			status: 204, want: map[string]string{hACAO: "*", hACAM: "*", hACAH: "*"}, vary: varyPreflight},
		{name: "null listed next to * changes nothing",
			cfg: corsa.Config{Origins: []string{"*", "null"}, DangerouslyAllowNullOrigin: true}, method: "GET", headers: []string{hOrigin, "null"},
			status: 200, want: map[string]string{hACAO: "*"}, handlerRan: true},
		{name: "* next to listed origins answers a listed origin with the constant * too",
			cfg: corsa.Config{Origins: []string{appOrigin, "*"}}, method: "GET", headers: []string{hOrigin, appOrigin},
			status: 200, want: map[string]string{hACAO: "*"}, handlerRan: true},
		{name: "null is allowed when listed with the opt-in",
			cfg: corsa.Config{Origins: []string{"null"}, DangerouslyAllowNullOrigin: true}, method: "GET", headers: []string{hOrigin, "null"},
			status: 200, want: map[string]string{hACAO: "null"}, vary: varyOrigin, handlerRan: true},
		{name: "a HEAD is decorated like a GET",
			cfg: noMethods, method: "HEAD", headers: []string{hOrigin, appOrigin},
			status: 200, want: map[string]string{hACAO: appOrigin}, vary: varyOrigin, handlerRan: true},
		{name: "the method of an actual DELETE is not checked",
			cfg: noMethods, method: "DELETE", headers: []string{hOrigin, appOrigin},
			status: 200, want: map[string]string{hACAO: appOrigin}, vary: varyOrigin, handlerRan: true},
		{name: "the method of an actual custom-method request is not checked",
			cfg: noMethods, method: "PURGE", headers: []string{hOrigin, appOrigin},
			status: 200, want: map[string]string{hACAO: appOrigin}, vary: varyOrigin, handlerRan: true},
		{name: "an actual request with two Origin headers is refused",
			cfg: listedPolicy, method: "GET", headers: []string{hOrigin, appOrigin, hOrigin, appOrigin},
			status: 200, vary: varyOrigin, handlerRan: true},
		{name: "an any-origin actual request with two Origin headers gets the constant answer",
			cfg: anyOriginPolicy, method: "GET", headers: []string{hOrigin, appOrigin, hOrigin, "https://other.example.net"},
			status: 200, want: map[string]string{hACAO: "*"}, handlerRan: true},
		{name: "an any-origin preflight with two Origin headers answers 403",
			cfg: anythingPolicy, method: "OPTIONS", headers: append(preflightFrom(appOrigin, "PUT", ""), hOrigin, appOrigin),
			status: 403, vary: varyPreflight},
		{name: "a preflight with two Origin headers answers 403",
			cfg: listedPolicy, method: "OPTIONS", headers: append(preflightFrom(appOrigin, "PUT", ""), hOrigin, appOrigin),
			status: 403, vary: varyPreflight},
	})
}

// varyFirst stands for an outer middleware, such as compression, that sets
// its own Vary before corsa runs.
func varyFirst(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Vary", "Accept-Encoding")
		next.ServeHTTP(w, r)
	})
}

// SPEC.md §2-3: Vary is added to, never replaced.
func TestHandlerAddsToVaryFromOtherLayers(t *testing.T) {
	tests := []struct {
		name    string
		cfg     corsa.Config
		method  string
		headers []string
		vary    []string
	}{
		{"it adds Origin for a request without Origin",
			listedPolicy, "GET", nil,
			[]string{"Accept-Encoding", "Origin", "Accept-Language"}},
		{"it adds Origin for an allowed actual request",
			listedPolicy, "GET", []string{hOrigin, appOrigin},
			[]string{"Accept-Encoding", "Origin", "Accept-Language"}},
		{"it adds Origin for a refused actual request",
			listedPolicy, "GET", []string{hOrigin, "https://evil.example.net"},
			[]string{"Accept-Encoding", "Origin", "Accept-Language"}},
		{"it leaves Vary alone for an any-origin actual request",
			anyOriginPolicy, "GET", []string{hOrigin, appOrigin},
			[]string{"Accept-Encoding", "Accept-Language"}},
		{"it leaves Vary alone for an any-origin request without Origin",
			anyOriginPolicy, "GET", nil,
			[]string{"Accept-Encoding", "Accept-Language"}},
		{"it leaves Vary alone for an any-origin request from null",
			anyOriginPolicy, "GET", []string{hOrigin, "null"},
			[]string{"Accept-Encoding", "Accept-Language"}},
		{"it adds the preflight tokens for an allowed preflight",
			listedPolicy, "OPTIONS", preflightFrom(appOrigin, "PUT", "content-type"),
			append([]string{"Accept-Encoding"}, varyPreflight...)},
		{"it adds the preflight tokens for a refused preflight",
			listedPolicy, "OPTIONS", preflightFrom("https://evil.example.net", "PUT", ""),
			append([]string{"Accept-Encoding"}, varyPreflight...)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := mustPolicy(t, tc.cfg)
			inner := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Add("Vary", "Accept-Language")
			})
			resp := do(t, varyFirst(p.Handler(inner)), tc.method, tc.headers...)
			if got := varyTokens(resp.Header); !slices.Equal(got, tc.vary) {
				t.Errorf("Vary tokens = %q, want %q", got, tc.vary)
			}
		})
	}
}

// recoverWith500 stands for an outer recovery middleware.
func recoverWith500(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if recover() != nil {
				w.WriteHeader(http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// SPEC.md §3: the headers survive every status the handler produces.
func TestHandlerHeadersSurviveEveryOutcome(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
		status  int
	}{
		{"they survive a 201", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusCreated) }, 201},
		{"they survive a redirect", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/elsewhere", http.StatusFound) }, 302},
		{"they survive http.NotFound", http.NotFound, 404},
		{"they survive a 500", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusInternalServerError) }, 500},
		{"they survive http.Error", func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "upstream down", http.StatusBadGateway) }, 502},
		{"they survive a panic recovered further out", func(http.ResponseWriter, *http.Request) { panic("handler bug") }, 500},
		{"they survive a handler that writes a body without a status", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok")) }, 200},
	}
	p := mustPolicy(t, credentialedPolicy)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp := do(t, recoverWith500(p.Handler(tc.handler)), "GET", hOrigin, appOrigin)
			if resp.StatusCode != tc.status {
				t.Errorf("status = %d, want %d", resp.StatusCode, tc.status)
			}
			checkCORSHeaders(t, resp.Header,
				map[string]string{hACAO: appOrigin, hACAC: "true", hACEH: "X-Total-Count"}, varyOrigin)
		})
	}
}

// §7 attacker origins, each refused on actual requests and preflights by
// exact, subdomain and port policies.
func TestHandlerRefusesAttackerOrigins(t *testing.T) {
	policies := []struct {
		name string
		cfg  corsa.Config
	}{
		{"an exact policy", corsa.Config{Origins: []string{"https://example.com"}, Credentials: true, Methods: []string{"PUT"}}},
		{"a subdomain policy", corsa.Config{Origins: []string{"https://*.example.com"}, Credentials: true, Methods: []string{"PUT"}}},
		{"a port policy", corsa.Config{Origins: []string{"https://example.com:*"}, Credentials: true, Methods: []string{"PUT"}}},
	}
	attackers := []string{
		"null",
		"https://attacker.example.net",
		"https://example.com.evil.com",
		"https://evilexample.com",
		"https://example.com_.evil.com",
		"https://example.com%60.evil.com",
		"https://exampleXcom",
		"http://example.com",
		"https://EXAMPLE.com",
		"https://example.com/",
		"https://example.com/path",
		"https://www.example.com.evil.com",
		"https://www.evilexample.com",
		"http://www.example.com",
		"https://WWW.example.com",
		"https://www.example.com/",
		"https://evil.com@www.example.com",
		"https://www.example.com@evil.com",
		"https://www.example.com%60.evil.com",
		"https://example.com:8443/",
		"HTTPS://example.com",
		"https://example.com ",
	}
	for _, pol := range policies {
		for _, origin := range attackers {
			t.Run(pol.name+" refuses "+origin, func(t *testing.T) {
				resp, ran := serve(t, pol.cfg, "GET", hOrigin, origin)
				if !ran || resp.StatusCode != 200 {
					t.Errorf("actual: handler ran = %v, status = %d; want the handler to run and answer 200", ran, resp.StatusCode)
				}
				checkCORSHeaders(t, resp.Header, nil, varyOrigin)

				resp, ran = serve(t, pol.cfg, "OPTIONS", preflightFrom(origin, "PUT", "")...)
				if ran || resp.StatusCode != 403 {
					t.Errorf("preflight: handler ran = %v, status = %d; want 403 without the handler", ran, resp.StatusCode)
				}
				checkCORSHeaders(t, resp.Header, nil, varyPreflight)
			})
		}
	}
}
