package browser

import (
	"fmt"
	"net/http"
	"slices"
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
	{"null origin", "a sandboxed page, whose origin is null, reads a response shared with any origin", nullOrigin},
	{"no Origin", "a request without Origin gets Access-Control-Allow-Origin * from an any-origin policy", noOrigin},
	{"README one-liner", "a policy of only the page's origin lets the page POST JSON after one preflight", readmeOneLiner},
	{"trailing slash", "a preflighted PUT to a route's path with a trailing slash passes its preflight, and where the router redirects it (gin), the redirect carries CORS too", trailingSlash},
}

// session is one scenario against one server: a fresh tab, the server's
// site, and a key that makes the scenario's URLs its own.
type session struct {
	t      *testing.T
	tab    *tab
	site   *site
	key    string
	server adapter
	origin string // the page's origin, set by open

	// did is what Chromium did, one line per request, for RESULTS.md.
	did []string
	// differs lists where the server did not do what the scenario
	// expects of corsa.
	differs []string
}

// expect reports that the server did not do what the scenario expects of
// corsa: a failure for corsa's adapters, a difference to report for a
// peer.
func (s *session) expect(format string, args ...any) {
	s.t.Helper()
	msg := fmt.Sprintf(format, args...)
	s.differs = append(s.differs, portless(msg))
	if s.server.peer {
		s.t.Logf("differs from corsa: %s", msg)
		return
	}
	s.t.Error(msg)
}

// need skips the scenario when the server cannot express a's policy.
func (s *session) need(a *api) {
	s.t.Helper()
	if a.cannot != nil {
		s.did = append(s.did, a.cannot.Error())
		s.t.Skipf("%s %v", s.server.name, a.cannot)
	}
}

// open loads the probe page as origin.
func (s *session) open(origin string) {
	s.t.Helper()
	if err := s.tab.open(origin); err != nil {
		s.t.Fatalf("opening the page as %s: %v", origin, err)
	}
	s.origin = origin
}

// fetch runs fetch(url, init) in the page, for the api a serves, and
// checks that the browser-outcome checker agrees with what Chromium did.
func (s *session) fetch(a *api, url string, init fetchInit, names ...string) fetchResult {
	s.t.Helper()
	return s.probe(probeHere, s.origin, a, url, init, names)
}

// fetchSandboxed is fetch from a sandboxed iframe of the page, whose
// origin is "null".
func (s *session) fetchSandboxed(a *api, url string, init fetchInit, names ...string) fetchResult {
	s.t.Helper()
	return s.probe(probeSandboxed, "null", a, url, init, names)
}

func (s *session) probe(fn, origin string, a *api, url string, init fetchInit, names []string) fetchResult {
	s.t.Helper()
	s.need(a)
	mark := a.rec.mark()
	res, err := s.tab.fetch(fn, url, init, names...)
	if err != nil {
		s.t.Fatalf("fetch %s: %v", url, err)
	}
	s.judge(origin, a, mark, url, init, res, names)
	return res
}

// put is a preflighted request: PUT is not CORS-safelisted, nor is the
// custom header.
var put = fetchInit{Method: http.MethodPut, Headers: map[string]string{"X-Request-Id": "req-42"}}

func simpleGet(s *session) {
	s.open(s.site.app)
	u := s.site.listed.url(conformance.PathResource, s.key)
	if res := s.fetch(s.site.listed, u, fetchInit{}); s.readable(u, res) && res.Body != conformance.ResourceBody {
		s.expect("fetch %s: body %q, want %q", u, res.Body, conformance.ResourceBody)
	}
	s.preflights(s.site.listed, conformance.PathResource, 0)
}

func preflightedPut(s *session) {
	s.open(s.site.app)
	u := s.site.listed.url(pathEcho, s.key)
	res := s.fetch(s.site.listed, u, fetchInit{
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
	s.readable(login, s.fetch(s.site.listed, login, include))

	cookie := cookieName + "=" + cookieValue
	u := s.site.listed.url(pathEcho, s.key)
	if res := s.fetch(s.site.listed, u, include); s.readable(u, res) {
		s.echo(u, res, echoed{Method: http.MethodGet, Cookie: cookie})
	}
	// The preflight itself never carries cookies; the PUT after it does,
	// and its response is readable only with Allow-Credentials.
	withPut := put
	withPut.Credentials = "include"
	if res := s.fetch(s.site.listed, u, withPut); s.readable(u, res) {
		s.echo(u, res, echoed{Method: http.MethodPut, RequestID: "req-42", Cookie: cookie})
	}
	// fetch's default, "same-origin", sends no cookie to another origin.
	if res := s.fetch(s.site.listed, u, fetchInit{}); s.readable(u, res) {
		s.echo(u, res, echoed{Method: http.MethodGet})
	}
}

func disallowedOrigin(s *session) {
	s.open(s.site.evil)
	u := s.site.listed.url(conformance.PathResource, s.key)
	s.blocked(u, s.fetch(s.site.listed, u, fetchInit{}), network.CorsErrorMissingAllowOriginHeader)
	// SPEC.md §3: the server does not block; the browser does.
	s.handlerRuns(s.site.listed, http.MethodGet, conformance.PathResource, 1)

	p := s.site.listed.url(pathEcho, s.key)
	// SPEC.md §2: a refused preflight has no Access-Control-Allow-*
	// header. Chromium checks the origin before the status (403), so the
	// missing origin is what it reports.
	s.blocked(p, s.fetch(s.site.listed, p, put), network.CorsErrorPreflightMissingAllowOriginHeader)
	s.preflights(s.site.listed, pathEcho, 1)
	s.handlerRuns(s.site.listed, http.MethodPut, pathEcho, 0)
}

func headerNotAllowed(s *session) {
	s.open(s.site.app)
	u := s.site.listed.url(pathEcho, s.key)
	init := fetchInit{Method: http.MethodPut, Headers: map[string]string{"X-Request-Id": "req-42", "X-Unlisted": "1"}}
	s.blocked(u, s.fetch(s.site.listed, u, init), network.CorsErrorPreflightMissingAllowOriginHeader)
	if got := s.preflights(s.site.listed, pathEcho, 1); len(got) == 1 && got[0].RequestHeaders != "x-request-id,x-unlisted" {
		s.t.Errorf("preflight asked for headers %q, want %q", got[0].RequestHeaders, "x-request-id,x-unlisted")
	}
	s.handlerRuns(s.site.listed, http.MethodPut, pathEcho, 0)
}

func exposedHeaders(s *session) {
	s.open(s.site.app)
	u := s.site.listed.url(conformance.PathResource, s.key)
	res := s.fetch(s.site.listed, u, fetchInit{}, conformance.TotalCountHeader, conformance.HandlerHeader, "Content-Type")
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
	s.need(a)
	s.open(s.site.app)
	u := a.url(pathEcho, s.key)
	s.readable(u, s.fetch(a, u, put))
	time.Sleep(pause)
	s.readable(u, s.fetch(a, u, put))
	s.preflights(a, pathEcho, preflights)
	s.handlerRuns(a, http.MethodPut, pathEcho, 2)
}

// maxAgeCaches waits out Chromium's default cache time, so that only the
// policy's 600 s can explain a cached answer.
func maxAgeCaches(s *session) { twoPuts(s, s.site.listed, chromiumDefaultMaxAge+time.Second, 1) }

func maxAgeZero(s *session) { twoPuts(s, s.site.noCache, 0, 2) }

func anyOrigin(s *session) {
	s.need(s.site.anyOrigin)
	s.open(s.site.evil)
	u := s.site.anyOrigin.url(conformance.PathResource, s.key)
	res := s.fetch(s.site.anyOrigin, u, fetchInit{}, conformance.HandlerHeader)
	if s.readable(u, res) {
		ran := conformance.HandlerRan
		s.header(u, res, conformance.HandlerHeader, &ran) // exposed by "*"
	}
	p := s.site.anyOrigin.url(pathEcho, s.key)
	anyHeader := fetchInit{Method: http.MethodPut, Headers: map[string]string{"X-Anything": "1"}}
	if res := s.fetch(s.site.anyOrigin, p, anyHeader); s.readable(p, res) {
		s.echo(p, res, echoed{Method: http.MethodPut})
	}
	// "*" means any origin only without credentials (Fetch, CORS check).
	c := s.site.anyOrigin.url(conformance.PathResource, s.key+"-credentials")
	s.blocked(c, s.fetch(s.site.anyOrigin, c, fetchInit{Credentials: "include"}), network.CorsErrorWildcardOriginNotAllowed)
}

// nullOrigin is SPEC.md revision 2's first rule: "*" without credentials
// covers the "null" origin, as Fetch's CORS check does. The page is a
// sandboxed iframe, whose opaque origin Chromium sends as "null".
func nullOrigin(s *session) {
	s.need(s.site.public)
	s.open(s.site.app)
	u := s.site.public.url(conformance.PathResource, s.key)
	mark := s.site.public.rec.mark()
	if res := s.fetchSandboxed(s.site.public, u, fetchInit{}); s.readable(u, res) && res.Body != conformance.ResourceBody {
		s.expect("fetch %s: body %q, want %q", u, res.Body, conformance.ResourceBody)
	}
	// The scenario is only real if Chromium sent Origin: null.
	for _, x := range s.site.public.rec.since(mark, uri(conformance.PathResource, s.key)) {
		if x.req.Origin != "null" {
			s.t.Errorf("the sandboxed page sent Origin %q, want \"null\"", x.req.Origin)
		}
	}
}

// noOrigin is SPEC.md revision 2's second rule: under "*" without
// credentials every response carries the same constant headers, with or
// without Origin: Access-Control-Allow-Origin "*" and no Vary: Origin. A
// top-level navigation sends no Origin; its response is checked as the
// server sent it, since no CORS check applies to a navigation.
func noOrigin(s *session) {
	a := s.site.public
	s.need(a)
	u := a.url(conformance.PathResource, s.key)
	mark := a.rec.mark()
	if err := s.tab.navigate(u); err != nil {
		s.t.Fatalf("navigating to %s: %v", u, err)
	}
	xs := a.rec.since(mark, uri(conformance.PathResource, s.key))
	if len(xs) != 1 || xs[0].resp == nil {
		s.t.Fatalf("the server saw %d requests for %s, want 1 answered", len(xs), u)
	}
	x := xs[0]
	if x.req.Origin != "" {
		s.t.Fatalf("the navigation sent Origin %q, want none", x.req.Origin)
	}
	acao := strings.Join(x.resp.Header.Values("Access-Control-Allow-Origin"), ", ")
	varyOrigin := slices.ContainsFunc(conformance.VaryTokens(x.resp.Header), func(v string) bool { return strings.EqualFold(v, "Origin") })
	cache := "cache-safe"
	r := conformance.BrowserRequest{Method: http.MethodGet, URL: u}
	if err := conformance.CheckCacheSafe(r, x.resp); err != nil {
		cache = "not cache-safe"
	}
	s.did = append(s.did, fmt.Sprintf("GET %s without Origin: Access-Control-Allow-Origin %q, Vary: Origin %v, %s", conformance.PathResource, acao, varyOrigin, cache))
	if acao != "*" {
		s.expect("GET %s without Origin: Access-Control-Allow-Origin %q, want \"*\"", u, acao)
	}
	if varyOrigin {
		s.expect("GET %s without Origin: Vary %q names Origin, want a constant answer", u, x.resp.Header.Values("Vary"))
	}
}

// readmeOneLiner is issue 14's first use: the README's one-liner,
// corsa.Config{Origins: []string{app}}, serving a page that POSTs JSON.
// application/json makes Content-Type unsafe, so the POST is preflighted,
// and only the default request headers (Content-Type, SPEC.md) let the
// preflight pass.
func readmeOneLiner(s *session) {
	a := s.site.originOnly
	s.need(a)
	s.open(s.site.app)
	u := a.url(pathEcho, s.key)
	res := s.fetch(a, u, fetchInit{
		Method:  http.MethodPost,
		Headers: map[string]string{"Content-Type": "application/json"},
		Body:    "{}",
	})
	if s.readable(u, res) {
		s.echo(u, res, echoed{Method: http.MethodPost, Body: "{}"})
	}
	want := request{
		Method: http.MethodOptions, URI: uri(pathEcho, s.key), Origin: s.site.app,
		RequestMethod: http.MethodPost, RequestHeaders: "content-type",
	}
	if got := s.preflights(a, pathEcho, 1); len(got) == 1 && got[0] != want {
		s.t.Errorf("preflight %+v, want %+v", got[0], want)
	}
	s.handlerRuns(a, http.MethodPost, pathEcho, 1)
}

// trailingSlash sends a preflighted PUT to pathItems+"/", which is no
// route: a router answers it itself. gin's redirects it to pathItems
// (307) before the middleware installed with Use runs, so only CORS in
// front of the engine, as corsa-serve and the README do on gin, gives the
// redirect the grant Chromium needs to follow it; it then preflights and
// sends the PUT again there. Other routers answer 404, or serve pathItems
// (fiber, which ignores a trailing slash), with the middleware's headers;
// either way the page reads the answer.
func trailingSlash(s *session) {
	s.open(s.site.app)
	a := s.site.listed
	u := a.url(pathItems+"/", s.key)
	res := s.fetch(a, u, put)
	if !res.Resolved {
		reason, _ := s.tab.reported(u)
		s.expect("fetch %s rejected (%s: %s), want the router's answer readable", u, res.Error, reason)
		return
	}
	s.preflights(a, pathItems+"/", 1)
	// Where the router redirected, Chromium followed to the route and
	// preflighted again there, and the handler answered.
	if len(a.rec.since(0, uri(pathItems, s.key))) > 0 {
		if res.Status != http.StatusOK {
			s.expect("fetch %s: status %d after the redirect, want %d", u, res.Status, http.StatusOK)
		}
		s.preflights(a, pathItems, 1)
		s.handlerRuns(a, http.MethodPut, pathItems, 1)
	}
}
