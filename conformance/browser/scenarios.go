package browser

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"

	"github.com/corsa-go/corsa/conformance"
)

// scenario is one row of the matrix: what a page does, and what it must
// observe, with every adapter.
type scenario struct {
	label string // the matrix row, and the key of the scenario's URLs
	name  string // the subtest: a sentence
	run   func(s *session)
}

// scenarios are the matrix's rows, in order. Every expectation comes from
// SPEC.md and the Fetch Standard's CORS protocol, as Chromium implements
// it.
var scenarios = []scenario{
	{"simple GET", "an allowed origin reads a simple GET, sent without a preflight", simpleGet},
	{"preflighted PUT", "an allowed origin sends a PUT with a JSON body and a custom header after one preflight", preflightedPut},
	{"credentials", "a credentialed fetch carries the cookie the API set and an uncredentialed one does not", credentials},
	{"disallowed origin", "another origin reads neither a simple nor a preflighted response", disallowedOrigin},
	{"header not allowed", "a request header the policy does not list fails the preflight", headerNotAllowed},
	{"exposed headers", "the page reads exposed and safelisted response headers and nothing else", exposedHeaders},
	{"max-age 600", "a second preflight within max-age is not sent", maxAgeCaches},
	{"max-age 0", "with max-age 0 every request is preflighted again", maxAgeZero},
	{"any origin", "an any-origin policy shares with every origin but never with credentials", anyOrigin},
}

// session is one scenario against one adapter: a fresh tab, the adapter's
// site, and a key that makes the scenario's URLs its own.
type session struct {
	t    *testing.T
	tab  *tab
	site *site
	key  string
}

// open loads the probe page as origin.
func (s *session) open(origin string) {
	s.t.Helper()
	if err := s.tab.open(origin); err != nil {
		s.t.Fatalf("opening the page as %s: %v", origin, err)
	}
}

// fetch runs fetch(url, init) in the page.
func (s *session) fetch(url string, init fetchInit, names ...string) fetchResult {
	s.t.Helper()
	res, err := s.tab.fetch(url, init, names...)
	if err != nil {
		s.t.Fatalf("fetch %s: %v", url, err)
	}
	return res
}

// readable checks that the page could read a 200 response, and reports
// whether it could.
func (s *session) readable(url string, res fetchResult) bool {
	s.t.Helper()
	if !res.Resolved {
		reason, line := s.tab.reported(url)
		s.t.Errorf("fetch %s rejected (%s), want a readable response; Chromium: %s %s", url, res.Error, reason, line)
		return false
	}
	if res.Status != http.StatusOK {
		s.t.Errorf("fetch %s: status %d, want %d", url, res.Status, http.StatusOK)
		return false
	}
	return true
}

// blocked checks that the page got a TypeError and that Chromium blamed
// CORS for the reason want, in a DevTools issue and on the console.
func (s *session) blocked(url string, res fetchResult, want network.CorsError) {
	s.t.Helper()
	if res.Resolved {
		s.t.Errorf("fetch %s resolved with status %d and body %q, want a TypeError", url, res.Status, res.Body)
		return
	}
	if !strings.HasPrefix(res.Error, "TypeError:") {
		s.t.Errorf("fetch %s rejected with %q, want a TypeError", url, res.Error)
	}
	reason, line, err := s.tab.blockReason(url)
	if err != nil {
		s.t.Errorf("fetch %s: %v (issue %q, console %q)", url, err, reason, line)
		return
	}
	s.t.Logf("Chromium blocked %s: %s: %s", url, reason, line)
	if reason != want {
		s.t.Errorf("fetch %s blocked for %s, want %s", url, reason, want)
	}
	if !strings.Contains(line, "blocked by CORS policy") {
		s.t.Errorf("fetch %s: console says %q, want a CORS block", url, line)
	}
}

// header checks what response.headers.get(name) returned.
func (s *session) header(url string, res fetchResult, name string, want *string) {
	s.t.Helper()
	got := res.Headers[name]
	show := func(v *string) string {
		if v == nil {
			return "null"
		}
		return `"` + *v + `"`
	}
	if (got == nil) != (want == nil) || got != nil && *got != *want {
		s.t.Errorf("fetch %s: headers.get(%q) = %s, want %s", url, name, show(got), show(want))
	}
}

// echo decodes a pathEcho response and compares it with want.
func (s *session) echo(url string, res fetchResult, want echoed) {
	s.t.Helper()
	var got echoed
	if err := json.Unmarshal([]byte(res.Body), &got); err != nil {
		s.t.Errorf("fetch %s: body %q: %v", url, res.Body, err)
		return
	}
	if got != want {
		s.t.Errorf("fetch %s: the server received %+v, want %+v", url, got, want)
	}
}

// preflights checks how many preflights a reached the server for path,
// and returns them.
func (s *session) preflights(a *api, path string, want int) []request {
	s.t.Helper()
	got := a.rec.preflights(uri(path, s.key))
	if len(got) != want {
		s.t.Errorf("the server saw %d preflights for %s, want %d", len(got), uri(path, s.key), want)
	}
	return got
}

// handlerRuns checks how many method requests for path a handler served.
func (s *session) handlerRuns(a *api, method, path string, want int) {
	s.t.Helper()
	if got := a.rec.handlerRuns(method, uri(path, s.key)); got != want {
		s.t.Errorf("the handler served %d %s %s, want %d", got, method, uri(path, s.key), want)
	}
}

// put is a preflighted request: PUT is not CORS-safelisted, nor is the
// custom header.
var put = fetchInit{Method: http.MethodPut, Headers: map[string]string{"X-Request-Id": "req-42"}}

func simpleGet(s *session) {
	s.open(s.site.app)
	u := s.site.listed.url(conformance.PathResource, s.key)
	if res := s.fetch(u, fetchInit{}); s.readable(u, res) && res.Body != conformance.ResourceBody {
		s.t.Errorf("fetch %s: body %q, want %q", u, res.Body, conformance.ResourceBody)
	}
	s.preflights(s.site.listed, conformance.PathResource, 0)
}

func preflightedPut(s *session) {
	s.open(s.site.app)
	u := s.site.listed.url(pathEcho, s.key)
	res := s.fetch(u, fetchInit{
		Method:  http.MethodPut,
		Headers: map[string]string{"Content-Type": "application/json", "X-Request-Id": "req-42"},
		Body:    `{"n":1}`,
	})
	if s.readable(u, res) {
		s.echo(u, res, echoed{Method: http.MethodPut, RequestID: "req-42", Body: `{"n":1}`})
	}
	// SPEC.md §4: browsers list the unsafe headers lower-cased, sorted,
	// without spaces; application/json makes Content-Type unsafe.
	want := request{
		Method: http.MethodOptions, URI: uri(pathEcho, s.key), Origin: s.site.app,
		RequestMethod: http.MethodPut, RequestHeaders: "content-type,x-request-id",
	}
	if got := s.preflights(s.site.listed, pathEcho, 1); len(got) == 1 && got[0] != want {
		s.t.Errorf("preflight %+v, want %+v", got[0], want)
	}
	s.handlerRuns(s.site.listed, http.MethodPut, pathEcho, 1)
}

func credentials(s *session) {
	s.open(s.site.app)
	include := fetchInit{Credentials: "include"}
	login := s.site.listed.url(pathLogin, s.key)
	s.readable(login, s.fetch(login, include))

	cookie := cookieName + "=" + cookieValue
	u := s.site.listed.url(pathEcho, s.key)
	if res := s.fetch(u, include); s.readable(u, res) {
		s.echo(u, res, echoed{Method: http.MethodGet, Cookie: cookie})
	}
	// The preflight itself never carries cookies; the PUT after it does,
	// and its response is readable only with Allow-Credentials.
	withPut := put
	withPut.Credentials = "include"
	if res := s.fetch(u, withPut); s.readable(u, res) {
		s.echo(u, res, echoed{Method: http.MethodPut, RequestID: "req-42", Cookie: cookie})
	}
	// fetch's default, "same-origin", sends no cookie to another origin.
	if res := s.fetch(u, fetchInit{}); s.readable(u, res) {
		s.echo(u, res, echoed{Method: http.MethodGet})
	}
}

func disallowedOrigin(s *session) {
	s.open(s.site.evil)
	u := s.site.listed.url(conformance.PathResource, s.key)
	s.blocked(u, s.fetch(u, fetchInit{}), network.CorsErrorMissingAllowOriginHeader)
	// SPEC.md §3: the server does not block; the browser does.
	s.handlerRuns(s.site.listed, http.MethodGet, conformance.PathResource, 1)

	p := s.site.listed.url(pathEcho, s.key)
	// SPEC.md §2: a refused preflight has no Access-Control-Allow-*
	// header. Chromium checks the origin before the status (403), so the
	// missing origin is what it reports.
	s.blocked(p, s.fetch(p, put), network.CorsErrorPreflightMissingAllowOriginHeader)
	s.preflights(s.site.listed, pathEcho, 1)
	s.handlerRuns(s.site.listed, http.MethodPut, pathEcho, 0)
}

func headerNotAllowed(s *session) {
	s.open(s.site.app)
	u := s.site.listed.url(pathEcho, s.key)
	init := fetchInit{Method: http.MethodPut, Headers: map[string]string{"X-Request-Id": "req-42", "X-Unlisted": "1"}}
	s.blocked(u, s.fetch(u, init), network.CorsErrorPreflightMissingAllowOriginHeader)
	if got := s.preflights(s.site.listed, pathEcho, 1); len(got) == 1 && got[0].RequestHeaders != "x-request-id,x-unlisted" {
		s.t.Errorf("preflight asked for headers %q, want %q", got[0].RequestHeaders, "x-request-id,x-unlisted")
	}
	s.handlerRuns(s.site.listed, http.MethodPut, pathEcho, 0)
}

func exposedHeaders(s *session) {
	s.open(s.site.app)
	u := s.site.listed.url(conformance.PathResource, s.key)
	res := s.fetch(u, fetchInit{}, conformance.TotalCountHeader, conformance.HandlerHeader, "Content-Type")
	if !s.readable(u, res) {
		return
	}
	total, contentType := conformance.TotalCount, "text/plain; charset=utf-8"
	s.header(u, res, conformance.TotalCountHeader, &total) // exposed
	s.header(u, res, conformance.HandlerHeader, nil)       // sent, not exposed
	s.header(u, res, "Content-Type", &contentType)         // CORS-safelisted
}

// chromiumDefaultMaxAge is how long Chromium caches a preflight answer
// that has no Access-Control-Max-Age.
const chromiumDefaultMaxAge = 5 * time.Second

// twoPuts sends put to a twice, pause apart, and checks how many
// preflights that took.
func twoPuts(s *session, a *api, pause time.Duration, preflights int) {
	s.open(s.site.app)
	u := a.url(pathEcho, s.key)
	s.readable(u, s.fetch(u, put))
	time.Sleep(pause)
	s.readable(u, s.fetch(u, put))
	s.preflights(a, pathEcho, preflights)
	s.handlerRuns(a, http.MethodPut, pathEcho, 2)
}

// maxAgeCaches waits out Chromium's default cache time, so that only the
// policy's 600 s can explain a cached answer.
func maxAgeCaches(s *session) { twoPuts(s, s.site.listed, chromiumDefaultMaxAge+time.Second, 1) }

func maxAgeZero(s *session) { twoPuts(s, s.site.noCache, 0, 2) }

func anyOrigin(s *session) {
	s.open(s.site.evil)
	u := s.site.anyOrigin.url(conformance.PathResource, s.key)
	res := s.fetch(u, fetchInit{}, conformance.HandlerHeader)
	if s.readable(u, res) {
		ran := conformance.HandlerRan
		s.header(u, res, conformance.HandlerHeader, &ran) // exposed by "*"
	}
	p := s.site.anyOrigin.url(pathEcho, s.key)
	anyHeader := fetchInit{Method: http.MethodPut, Headers: map[string]string{"X-Anything": "1"}}
	if res := s.fetch(p, anyHeader); s.readable(p, res) {
		s.echo(p, res, echoed{Method: http.MethodPut})
	}
	// "*" means any origin only without credentials (Fetch, CORS check).
	c := s.site.anyOrigin.url(conformance.PathResource, s.key+"-credentials")
	s.blocked(c, s.fetch(c, fetchInit{Credentials: "include"}), network.CorsErrorWildcardOriginNotAllowed)
}
