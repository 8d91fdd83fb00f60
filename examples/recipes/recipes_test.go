package recipes_test

import (
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/examples/recipes"
)

// Names and origins used below.
const (
	acao  = "Access-Control-Allow-Origin"
	acac  = "Access-Control-Allow-Credentials"
	acam  = "Access-Control-Allow-Methods"
	acah  = "Access-Control-Allow-Headers"
	aceh  = "Access-Control-Expose-Headers"
	acma  = "Access-Control-Max-Age"
	acrm  = "Access-Control-Request-Method"
	acrh  = "Access-Control-Request-Headers"
	acrpn = "Access-Control-Request-Private-Network"

	site    = "https://example.com"
	app     = "https://app.example.com"
	anySite = "https://anywhere.example.net"
	evil    = "https://evil.example.net"
)

// Vary tokens the corsa package documentation prescribes: every preflight
// response gets
// preflightVary, and every other response of a policy that does not allow
// any origin gets actualVary.
var (
	preflightVary = []string{"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"}
	actualVary    = []string{"Origin"}
)

// exchange is one request a recipe's original was written for, and the
// response corsa must give.
type exchange struct {
	name string
	req  conformance.Request
	want conformance.Want
}

// request builds a request to path with header lines given as name, value
// pairs.
func request(method, path string, header ...string) conformance.Request {
	r := conformance.Request{Method: method, Path: path}
	for i := 0; i+1 < len(header); i += 2 {
		r.Header = append(r.Header, [2]string{header[i], header[i+1]})
	}
	return r
}

// preflight is a browser's preflight to the standard resource: from
// origin, for method, listing headers (lower-cased, sorted) unless empty.
func preflight(origin, method, headers string) conformance.Request {
	r := request(http.MethodOptions, conformance.PathResource, "Origin", origin, acrm, method)
	if headers != "" {
		r.Header = append(r.Header, [2]string{acrh, headers})
	}
	return r
}

func get(path, origin string) conformance.Request {
	if origin == "" {
		return request(http.MethodGet, path)
	}
	return request(http.MethodGet, path, "Origin", origin)
}

var recipeTests = []struct {
	name      string
	policy    corsa.Config
	file      string // in policies/, the same policy as JSON
	exchanges []exchange
}{
	{
		name: "Express", policy: recipes.Express, file: "express.json",
		exchanges: []exchange{
			{"a GET from the site gets its origin and Vary: Origin",
				get(conformance.PathResource, site),
				conformance.Want{Status: 200, Headers: map[string]string{acao: site}, Vary: actualVary, HandlerRan: true, Body: conformance.ResourceBody}},
			{"the preflight of a JSON POST with X-Requested-With is answered with the listed headers and no method list",
				preflight(site, "POST", "content-type,x-requested-with"),
				conformance.Want{Status: 204, Headers: map[string]string{acao: site, acah: "X-Requested-With, Content-Type, Accept"}, Vary: preflightVary}},
			{"the preflight of a PUT is refused with 403, as browsers refused it for lack of Access-Control-Allow-Methods",
				preflight(site, "PUT", "content-type"),
				conformance.Want{Status: 403, Vary: preflightVary}},
			{"a GET from another origin reaches the handler without CORS headers",
				get(conformance.PathResource, evil),
				conformance.Want{Status: 200, Vary: actualVary, HandlerRan: true}},
			{"a GET without Origin gets no CORS header, only Vary: Origin",
				get(conformance.PathResource, ""),
				conformance.Want{Status: 200, Vary: actualVary, HandlerRan: true}},
			{"a 404 from the handler keeps the CORS headers",
				get(conformance.PathNotFound, site),
				conformance.Want{Status: 404, Headers: map[string]string{acao: site}, Vary: actualVary, HandlerRan: true}},
		},
	},
	{
		name: "Flask-CORS defaults", policy: recipes.FlaskCORS, file: "flask-cors.json",
		exchanges: []exchange{
			{"a GET from any origin gets * and no Vary: Origin",
				get(conformance.PathResource, anySite),
				conformance.Want{Status: 200, Headers: map[string]string{acao: "*"}, NoVary: actualVary, HandlerRan: true}},
			{"the preflight of a PATCH with Authorization and a custom header is allowed",
				preflight(anySite, "PATCH", "authorization,content-type,x-custom"),
				conformance.Want{Status: 204, Headers: map[string]string{acao: "*", acam: "DELETE, OPTIONS, PATCH, PUT", acah: "*, Authorization"}, Vary: preflightVary}},
			{"the preflight of a method Flask-CORS does not list is refused with 403",
				preflight(anySite, "PROPFIND", ""),
				conformance.Want{Status: 403, Vary: preflightVary}},
			{"a private network preflight is answered as if it did not ask, without Access-Control-Allow-Private-Network, as Flask-CORS does since 5.0",
				request(http.MethodOptions, conformance.PathResource, "Origin", anySite, acrm, "PUT", acrpn, "true"),
				conformance.Want{Status: 204, Headers: map[string]string{acao: "*", acam: "DELETE, OPTIONS, PATCH, PUT"}, Vary: preflightVary, NoVary: []string{acrpn}}},
			{"an OPTIONS without Access-Control-Request-Method reaches its handler with the actual headers",
				request(http.MethodOptions, conformance.PathOptions, "Origin", anySite),
				conformance.Want{Status: 200, Headers: map[string]string{acao: "*"}, HandlerRan: true, Body: conformance.OptionsBody}},
			{"a GET without Origin gets the same constant Access-Control-Allow-Origin: * and no Vary: Origin",
				get(conformance.PathResource, ""),
				conformance.Want{Status: 200, Headers: map[string]string{acao: "*"}, NoVary: actualVary, HandlerRan: true}},
		},
	},
	{
		name: "Apache Header set", policy: recipes.Apache, file: "apache.json",
		exchanges: []exchange{
			{"a GET from any origin gets * and no Vary: Origin",
				get(conformance.PathResource, anySite),
				conformance.Want{Status: 200, Headers: map[string]string{acao: "*"}, NoVary: actualVary, HandlerRan: true}},
			{"a form POST from any origin gets *",
				request(http.MethodPost, conformance.PathResource, "Origin", anySite, "Content-Type", "application/x-www-form-urlencoded"),
				conformance.Want{Status: 200, Headers: map[string]string{acao: "*"}, HandlerRan: true}},
			{"a 500 from the handler keeps Access-Control-Allow-Origin: *",
				get(conformance.PathServerError, anySite),
				conformance.Want{Status: 500, Headers: map[string]string{acao: "*"}, HandlerRan: true}},
			{"a GET without Origin gets the same Access-Control-Allow-Origin: *, as the original sends it, and no Vary: Origin",
				get(conformance.PathResource, ""),
				conformance.Want{Status: 200, Headers: map[string]string{acao: "*"}, NoVary: actualVary, HandlerRan: true}},
			{"the preflight of a JSON POST is refused with 403: the original allows no request header either",
				preflight(anySite, "POST", "content-type"),
				conformance.Want{Status: 403, Vary: preflightVary}},
		},
	},
	{
		name: "Spring WebFlux", policy: recipes.SpringWebFlux, file: "spring-webflux.json",
		exchanges: []exchange{
			{"the preflight of a PUT with Authorization and JSON is allowed, cached for 7200 seconds",
				preflight(app, "PUT", "authorization,content-type"),
				conformance.Want{Status: 204, Headers: map[string]string{
					acao: app, acac: "true", acam: "PUT, PATCH, DELETE",
					acah: "Content-Type, Authorization, X-Requested-With", acma: "7200",
				}, Vary: preflightVary}},
			{"a credentialed GET from the app gets its origin, credentials and the exposed header",
				request(http.MethodGet, conformance.PathResource, "Origin", app, "Cookie", "session=1"),
				conformance.Want{Status: 200, Headers: map[string]string{acao: app, acac: "true", aceh: "X-Total-Count"}, Vary: actualVary, HandlerRan: true}},
			{"a GET from any other origin gets no CORS header, where Spring before 5.3 reflected it with credentials",
				get(conformance.PathResource, evil),
				conformance.Want{Status: 200, Vary: actualVary, HandlerRan: true}},
			{"the preflight of a method not listed is refused with 403",
				preflight(app, "PROPFIND", ""),
				conformance.Want{Status: 403, Vary: preflightVary}},
			{"an OPTIONS without Access-Control-Request-Method reaches its handler instead of an unconditional 204",
				request(http.MethodOptions, conformance.PathOptions, "Origin", app),
				conformance.Want{Status: 200, Headers: map[string]string{acao: app, acac: "true", aceh: "X-Total-Count"}, Vary: actualVary, HandlerRan: true, Body: conformance.OptionsBody}},
			{"a panicking handler's 500 keeps the CORS headers",
				get(conformance.PathPanic, app),
				conformance.Want{Status: 500, Headers: map[string]string{acao: app, acac: "true", aceh: "X-Total-Count"}, Vary: actualVary, HandlerRan: true}},
		},
	},
	{
		name: "nginx wide open", policy: recipes.Nginx, file: "nginx.json",
		exchanges: []exchange{
			{"the preflight of a JSON POST is allowed, cached for 7200 seconds",
				preflight(anySite, "POST", "content-type,x-requested-with"),
				conformance.Want{Status: 204, Headers: map[string]string{
					acao: "*", acah: "User-Agent, X-Requested-With, If-Modified-Since, Cache-Control, Content-Type, Range", acma: "7200",
				}, Vary: preflightVary}},
			{"a HEAD gets the CORS headers too, which the original's GET and POST blocks never gave it",
				request(http.MethodHead, conformance.PathResource, "Origin", anySite),
				conformance.Want{Status: 200, Headers: map[string]string{acao: "*", aceh: "Content-Range"}, HandlerRan: true}},
			{"a 500 keeps the CORS headers, which add_header without always drops",
				get(conformance.PathServerError, anySite),
				conformance.Want{Status: 500, Headers: map[string]string{acao: "*", aceh: "Content-Range"}, HandlerRan: true}},
			{"the preflight of a PUT is refused with 403 rather than a 204 the browser rejects anyway",
				preflight(anySite, "PUT", ""),
				conformance.Want{Status: 403, Vary: preflightVary}},
			{"an OPTIONS without Origin reaches its handler with the constant headers rather than an unconditional 204",
				request(http.MethodOptions, conformance.PathOptions),
				conformance.Want{Status: 200, Headers: map[string]string{acao: "*", aceh: "Content-Range"}, NoVary: actualVary, HandlerRan: true, Body: conformance.OptionsBody}},
		},
	},
}

// TestRecipes builds each recipe's policy, checks it against its JSON file
// and `corsa check` (no problem, no warning), then sends it the requests
// its original was meant for through (*corsa.Policy).Handler in front of
// the conformance suite's standard routes.
func TestRecipes(t *testing.T) {
	for _, rt := range recipeTests {
		t.Run(rt.name, func(t *testing.T) {
			p, err := corsa.New(rt.policy)
			if err != nil {
				t.Fatalf("corsa.New refused the recipe: %v", err)
			}
			if w := p.Warnings(); len(w) > 0 {
				t.Errorf("warnings %q, want none", w)
			}
			fromFile, err := corsa.LoadConfig(filepath.Join("policies", rt.file))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(fromFile, rt.policy) {
				t.Errorf("policies/%s = %+v, want the exported policy %+v", rt.file, fromFile, rt.policy)
			}
			srv := conformance.Recover(p.Handler(conformance.NewServeMux()))
			for _, ex := range rt.exchanges {
				t.Run(ex.name, func(t *testing.T) {
					resp, err := conformance.Recorder(srv)(ex.req.HTTP())
					if err != nil {
						t.Fatal(err)
					}
					body, err := io.ReadAll(resp.Body)
					if err != nil {
						t.Fatal(err)
					}
					for _, problem := range ex.want.Check(resp, body) {
						t.Errorf("%s: %s", ex.req, problem)
					}
				})
			}
		})
	}
}

// problem is one *corsa.ConfigError: its field, and the rule its message
// names, as `corsa check` prints it in README.md.
type problem struct {
	field string
	rule  string
}

// The rules README.md's `corsa check` transcripts show.
const (
	forbiddenHeader = "forbidden header name"
	starWithCreds   = `"*" cannot be combined with credentials`
	badMaxAge       = "invalid max-age"
)

// TestLiteralTranslationsAreRefused checks that corsa refuses the
// originals translated word for word, naming every problem at once.
func TestLiteralTranslationsAreRefused(t *testing.T) {
	tests := []struct {
		name string
		file string
		want []problem
	}{
		{"Express's Origin request header is refused as forbidden", "express-literal.json",
			[]problem{{"requestHeaders[0]", forbiddenHeader}}},
		{"Flask-CORS's defaults with supports_credentials are refused for each *", "flask-cors-credentials.json",
			[]problem{{"origins[0]", starWithCreds}, {"requestHeaders[0]", starWithCreds}}},
		{"Spring's * with credentials and 20-day max-age are refused, all four at once", "spring-webflux-literal.json",
			[]problem{
				{"origins[0]", starWithCreds}, {"methods[0]", starWithCreds},
				{"requestHeaders[0]", starWithCreds}, {"maxAge", badMaxAge},
			}},
		{"nginx's DNT request header and 20-day max-age are refused", "nginx-literal.json",
			[]problem{{"requestHeaders[0]", forbiddenHeader}, {"maxAge", badMaxAge}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// LoadConfig reports New's problems itself, each with its
			// position in the file.
			_, err := corsa.LoadConfig(filepath.Join("policies", tt.file))
			got := configErrors(errors.Unwrap(err))
			if len(got) != len(tt.want) {
				t.Fatalf("%d problems, want %d: %v", len(got), len(tt.want), err)
			}
			for i, ce := range got {
				want := tt.want[i]
				if ce.Field != want.field || !strings.Contains(ce.Error(), ": "+want.rule) {
					t.Errorf("problem %d: %q, want %s: %s", i, ce, want.field, want.rule)
				}
			}
		})
	}
}

// configErrors lists the *corsa.ConfigError values joined in err, sorted
// by field as the fields of corsa.Config are ordered.
func configErrors(err error) []*corsa.ConfigError {
	var list []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		list = joined.Unwrap()
	} else if err != nil {
		list = []error{err}
	}
	var out []*corsa.ConfigError
	for _, e := range list {
		var ce *corsa.ConfigError
		if !errors.As(e, &ce) {
			ce = &corsa.ConfigError{Field: "not a *corsa.ConfigError", Value: e.Error()}
		}
		out = append(out, ce)
	}
	order := map[string]int{"origins": 0, "methods": 1, "requestHeaders": 2, "exposedHeaders": 3, "maxAge": 4}
	slices.SortStableFunc(out, func(a, b *corsa.ConfigError) int {
		return order[strings.Split(a.Field, "[")[0]] - order[strings.Split(b.Field, "[")[0]]
	})
	return out
}

// TestWarnings checks what `corsa check` warns about in near-translations
// that corsa accepts: each warning must name every listed word.
func TestWarnings(t *testing.T) {
	nginxWithContentLength := recipes.Nginx
	nginxWithContentLength.ExposedHeaders = []string{"Content-Length", "Content-Range"}
	springAtFirefoxCap := recipes.SpringWebFlux
	springAtFirefoxCap.MaxAge = corsa.Seconds(86400)
	flaskWordForWord := corsa.Config{
		Origins:        []string{"*"},
		Methods:        []string{"DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"},
		RequestHeaders: []string{"*"},
	}
	tests := []struct {
		name   string
		policy corsa.Config
		want   [][]string
	}{
		{"exposing nginx's Content-Length is accepted with a warning that it has no effect", nginxWithContentLength,
			[][]string{{`exposedHeaders[0] "Content-Length"`, "no effect"}}},
		{"a max-age of 86400 is accepted with a warning that Chromium caps it at 7200", springAtFirefoxCap,
			[][]string{{"86400", "7200"}}},
		{"Flask-CORS's defaults word for word are accepted without warning", flaskWordForWord, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := corsa.New(tt.policy)
			if err != nil {
				t.Fatal(err)
			}
			got := p.Warnings()
			if len(got) != len(tt.want) {
				t.Fatalf("warnings %q, want %d", got, len(tt.want))
			}
			for i, words := range tt.want {
				for _, w := range words {
					if !strings.Contains(got[i], w) {
						t.Errorf("warning %q lacks %q", got[i], w)
					}
				}
			}
		})
	}
}
