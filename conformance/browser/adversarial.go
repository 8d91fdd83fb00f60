package browser

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/audits"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/corsa-go/corsa/internal/fetch"
)

// Adversarial responses and requests: what HTTP parsers, the Fetch
// Standard and Chromium handle differently. A raw TCP server writes each
// response byte for byte, and each case asserts that the checker
// (internal/fetch, behind corsa probe and the scoreboard), replaying the
// exchanges Chromium had, predicts what Chromium did, judging as Chromium
// where it knowingly departs from Fetch (fetch.Request.Chromium).

// otherHost is a host on another site than the page's, for a redirect
// that leaves the API's origin.
const otherHost = "other.test"

// rawEnv is where a run's adversaries live.
type rawEnv struct {
	app, evil  string // the page's origins
	api, other string // the raw server, as api.example.test and as otherHost
}

// adversary is one case: the bytes the raw server answers its requests
// with, and what the page does.
type adversary struct {
	label  string // the row of RESULTS.md, and the key of its URLs
	name   string // the subtest: a sentence
	answer func(e *rawEnv, r *http.Request) string
	run    func(s *rawSession)
}

// ok is a 200 that grants origin, with extra header lines.
func ok(origin string, lines ...string) string {
	return "HTTP/1.1 200 OK\r\n" +
		"Access-Control-Allow-Origin: " + origin + "\r\n" +
		strings.Join(append(lines, ""), "\r\n") +
		"Content-Type: text/plain\r\n" +
		"Content-Length: 2\r\n" +
		"Connection: close\r\n\r\n" +
		"ok"
}

const notFound = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"

var adversaries = []adversary{
	{
		label: "forbidden request headers",
		name:  "request headers a script may not set are dropped, and cause no preflight",
		answer: func(e *rawEnv, _ *http.Request) string {
			// A preflight gets no Access-Control-Allow-Headers: one would fail.
			return ok(e.app)
		},
		run: forbiddenHeaders,
	},
	{
		label: "space before the colon",
		name:  "an Access-Control-Allow-Origin line with a space before its colon still counts, so two lines are multiple values",
		answer: func(e *rawEnv, _ *http.Request) string {
			return "HTTP/1.1 200 OK\r\n" +
				"Access-Control-Allow-Origin : " + e.evil + "\r\n" +
				"Access-Control-Allow-Origin: " + e.app + "\r\n" +
				"Content-Length: 2\r\n" +
				"Connection: close\r\n\r\n" +
				"ok"
		},
		run: spaceBeforeColon,
	},
	{
		label: "a header name that is not a token",
		name:  "a header named X(A), which Go's client refuses, does not fail the response",
		answer: func(e *rawEnv, _ *http.Request) string {
			return ok(e.app, "X(A): 1", "X-Read: yes", "Access-Control-Expose-Headers: *")
		},
		run: notAToken,
	},
	{
		label: "Transfer-Encoding",
		name:  "a chunked response's Transfer-Encoding is a header the script can read when exposed",
		answer: func(e *rawEnv, _ *http.Request) string {
			return "HTTP/1.1 200 OK\r\n" +
				"Access-Control-Allow-Origin: " + e.app + "\r\n" +
				"Access-Control-Expose-Headers: Transfer-Encoding\r\n" +
				"Transfer-Encoding: chunked\r\n" +
				"Connection: close\r\n\r\n" +
				"2\r\nok\r\n0\r\n\r\n"
		},
		run: transferEncoding,
	},
	{
		label: "cross-origin redirect",
		name:  "a redirect to another origin sends Origin: null, which the page's grant there does not match",
		answer: func(e *rawEnv, r *http.Request) string {
			if strings.HasPrefix(r.Host, otherHost+":") {
				return ok(e.app)
			}
			return "HTTP/1.1 307 Temporary Redirect\r\n" +
				"Location: " + e.other + r.URL.RequestURI() + "\r\n" +
				"Access-Control-Allow-Origin: " + e.app + "\r\n" +
				"Content-Length: 0\r\n" +
				"Connection: close\r\n\r\n"
		},
		run: crossOriginRedirect,
	},
	{
		label: "Authorization under a wildcard",
		name:  "Access-Control-Allow-Headers * covers Authorization in Chromium, which Fetch refuses",
		answer: func(e *rawEnv, r *http.Request) string {
			if r.Method == http.MethodOptions {
				return "HTTP/1.1 204 No Content\r\n" +
					"Access-Control-Allow-Origin: " + e.app + "\r\n" +
					"Access-Control-Allow-Headers: *\r\n" +
					"Content-Length: 0\r\n" +
					"Connection: close\r\n\r\n"
			}
			return ok(e.app)
		},
		run: authorizationWildcard,
	},
	{
		label: "Range unit in upper case",
		name:  "a Range of Bytes=0-1 is preflighted, as Fetch says, where bytes=0-1 is not",
		answer: func(e *rawEnv, r *http.Request) string {
			if r.Method == http.MethodOptions {
				return "HTTP/1.1 204 No Content\r\n" +
					"Access-Control-Allow-Origin: " + e.app + "\r\n" +
					"Access-Control-Allow-Headers: Range\r\n" +
					"Content-Length: 0\r\n" +
					"Connection: close\r\n\r\n"
			}
			return ok(e.app)
		},
		run: rangeUnitCase,
	},
	{
		label:  "User-Agent",
		name:   "a User-Agent set by the script is dropped by Chromium, and causes no preflight",
		answer: func(e *rawEnv, _ *http.Request) string { return ok(e.app) },
		run:    userAgent,
	},
	{
		label: "cached without Vary",
		name:  "a private, fresh response to a request without Origin and without Vary: Origin is reused from the browser's cache for a CORS fetch, which fails",
		answer: func(e *rawEnv, r *http.Request) string {
			grant := ""
			if r.Header.Get("Origin") != "" {
				grant = "Access-Control-Allow-Origin: " + e.app + "\r\n"
			}
			return "HTTP/1.1 200 OK\r\n" +
				grant +
				"Cache-Control: private, max-age=60\r\n" +
				"Content-Type: text/plain\r\n" +
				"Content-Length: 2\r\n" +
				"Connection: close\r\n\r\n" +
				"ok"
		},
		run: cachedWithoutVary,
	},
}

// rawSession is one adversary in a fresh tab.
type rawSession struct {
	t      *testing.T
	tab    *tab
	env    *rawEnv
	server *rawServer
	key    string
	// answer is the adversary's, for the cases that show what Go's
	// client makes of the same bytes.
	answer func(e *rawEnv, r *http.Request) string

	// did is what Chromium did; checker, what the checker said, and
	// where the Fetch Standard says otherwise than Chromium does.
	did, checker []string
}

func (s *rawSession) url(base, path string) string { return base + path + "?s=" + s.key }

// open loads the page as its allowed origin.
func (s *rawSession) open() {
	s.t.Helper()
	if err := s.tab.open(s.env.app); err != nil {
		s.t.Fatalf("opening the page: %v", err)
	}
}

// fetched is one fetch() of the page's: what the page observed, the
// checker's request and its replayed result, and what the server
// received.
type fetched struct {
	res     fetchResult
	req     fetch.Request
	run     fetch.Result
	sent    []rawExchange
	earlier []wire
}

// fetch runs fetch(url, init) in the page and replays it through the
// checker, judging as Chromium: any disagreement fails the test.
func (s *rawSession) fetch(url string, init fetchInit, names ...string) fetched {
	s.t.Helper()
	mark := s.server.mark()
	res, err := s.tab.fetch(probeHere, url, init, names...)
	if err != nil {
		s.t.Fatalf("fetch %s: %v", url, err)
	}
	f := fetched{res: res, req: fetch.Request{
		Method: init.Method, URL: url, Origin: s.env.app, Credentials: init.Credentials == "include",
		Header: http.Header{}, Read: names, Chromium: true,
	}}
	for name, v := range init.Headers {
		f.req.Header.Set(name, v)
	}
	f.sent, f.earlier = s.server.since(mark, s.key)
	f.run = s.replay(f, res)
	return f
}

// replay plays f.req through the checker over what the server received,
// and fails the test where its verdict is not what the page observed.
func (s *rawSession) replay(f fetched, res fetchResult) fetch.Result {
	s.t.Helper()
	run, problems := runAgainst(f.req, newReplay(wiresOf(f.sent), f.earlier), res)
	for _, p := range problems {
		s.t.Errorf("checker and Chromium disagree on %s: %s", f.req.URL, p)
	}
	return run
}

// wiresOf is what a replay takes of the raw server's exchanges.
func wiresOf(xs []rawExchange) []wire {
	var out []wire
	for _, x := range xs {
		out = append(out, x.wire)
	}
	return out
}

// standard is the Fetch Standard's verdict on f where Chromium departs
// from it: "" where they agree.
func standard(f fetched) string {
	req := f.req
	req.Chromium = false
	if names := req.UnsafeHeaderNames(); req.NeedsPreflight() && !f.req.NeedsPreflight() {
		return "the Fetch Standard sends a preflight first, for " + strings.Join(names, ", ")
	}
	run := fetch.Run(req, newReplay(wiresOf(f.sent), f.earlier).do)
	if (run.Err == nil) == (f.run.Err == nil) {
		return ""
	}
	if run.Err == nil {
		return "the Fetch Standard lets the page read it"
	}
	return "the Fetch Standard refuses it: " + run.Err.Error()
}

// verdict is the checker's verdict on f, in words.
func verdict(f fetched) string {
	if f.run.Err != nil {
		return "refused: " + portless(f.run.Err.Error())
	}
	v := "read without a preflight"
	if slices.ContainsFunc(f.run.Exchanges, func(x fetch.Exchange) bool { return x.Preflight }) {
		v = "read after a preflight"
	}
	for _, name := range f.run.Readable {
		got, _ := f.run.Exchanges[len(f.run.Exchanges)-1].Response.Get(name)
		v += fmt.Sprintf(", headers.get(%q) = %q", name, got)
	}
	return v
}

// observed is what the page observed of f, in words: read or refused,
// with the DevTools reason.
func (s *rawSession) observed(f fetched) string {
	s.t.Helper()
	if !f.res.Resolved {
		deadline := time.Now().Add(reasonTimeout)
		reason := s.issue()
		for ; reason == "" && time.Now().Before(deadline); reason = s.issue() {
			time.Sleep(20 * time.Millisecond)
		}
		if reason == "" {
			s.t.Errorf("fetch %s: no DevTools issue within %v", f.req.URL, reasonTimeout)
		}
		return fmt.Sprintf("refused (%s)", reason)
	}
	out := "read"
	for _, name := range f.req.Read {
		out += fmt.Sprintf(", headers.get(%q) = %s", name, show(f.res.Headers[name]))
	}
	return out
}

// issue is the CORS error of the tab's last DevTools issue about one of
// the session's URLs: a redirected fetch's issue names where it led.
func (s *rawSession) issue() network.CorsError {
	s.tab.mu.Lock()
	defer s.tab.mu.Unlock()
	for _, d := range slices.Backward(s.tab.issues) {
		if strings.Contains(d.Request.URL, "s="+s.key) {
			return d.CorsErrorStatus.CorsError
		}
	}
	return ""
}

// preflighted reports whether the server received a preflight.
func preflighted(sent []rawExchange) bool {
	return slices.ContainsFunc(sent, func(x rawExchange) bool { return x.preflight() })
}

// note records what Chromium did and what the checker said of f.
func (s *rawSession) note(what string, f fetched, chromium string) {
	s.did = append(s.did, what+": "+chromium)
	c := verdict(f)
	if std := standard(f); std != "" {
		c += "; " + std
	}
	s.checker = append(s.checker, c)
}

func forbiddenHeaders(s *rawSession) {
	s.open()
	set := map[string]string{
		"Cookie": "a=b", "Sec-Foo": "1", "Proxy-X": "1", "Keep-Alive": "timeout=5", "X-HTTP-Method-Override": "TRACE",
	}
	f := s.fetch(s.url(s.env.api, "/forbidden"), fetchInit{Headers: set})
	var arrived []string
	for _, x := range f.sent {
		for name, v := range set {
			if slices.Contains(x.header.Values(name), v) {
				arrived = append(arrived, name)
			}
		}
	}
	slices.Sort(arrived)
	chromium := s.observed(f)
	if preflighted(f.sent) {
		chromium += ", after a preflight"
		s.t.Error("Chromium sent a preflight for headers a script may not set")
	}
	if len(arrived) > 0 {
		chromium += ", sending " + strings.Join(arrived, ", ")
		s.t.Errorf("Chromium sent the script's %s", strings.Join(arrived, ", "))
	} else {
		chromium += ", without a preflight and without any of them"
	}
	s.note("GET with Cookie, Sec-Foo, Proxy-X, Keep-Alive and X-HTTP-Method-Override: TRACE", f, chromium)
}

func spaceBeforeColon(s *rawSession) {
	// The case is one only because Go's client reads these bytes
	// otherwise: it files the first line under another name.
	res, err := http.ReadResponse(bufio.NewReader(strings.NewReader(s.answer(s.env, nil))), nil)
	if err != nil {
		s.t.Fatalf("Go's client fails the response: %v", err)
	}
	if got := res.Header.Values("Access-Control-Allow-Origin"); len(got) != 1 {
		s.t.Fatalf("Go's client reads Access-Control-Allow-Origin %q: the case proves nothing", got)
	}
	s.open()
	f := s.fetch(s.url(s.env.api, "/space-before-colon"), fetchInit{})
	s.note("GET", f, s.observed(f))
	if f.res.Resolved {
		s.t.Error("Chromium read a response with two Access-Control-Allow-Origin lines")
	}
}

func notAToken(s *rawSession) {
	if _, err := http.ReadResponse(bufio.NewReader(strings.NewReader(s.answer(s.env, nil))), nil); err == nil {
		s.t.Fatal("Go's client reads X(A) without an error: the case proves nothing")
	}
	s.open()
	f := s.fetch(s.url(s.env.api, "/not-a-token"), fetchInit{}, "X-Read")
	s.note("GET", f, s.observed(f))

	// Every header name the script sees (Expose-Headers: *), against
	// the checker's.
	u := s.url(s.env.api, "/not-a-token-names")
	mark := s.server.mark()
	var names []string
	err := s.tab.do(func(ctx context.Context) error {
		var err error
		names, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](
			fmt.Sprintf(`fetch(%q).then((r) => [...r.headers.keys()])`, u), chromedp.EvalAwaitPromise))
		return err
	})
	if err != nil {
		s.t.Fatalf("listing the header names of %s: %v", u, err)
	}
	sent, _ := s.server.since(mark, s.key)
	if len(sent) != 1 || sent[0].resp == nil {
		s.t.Fatalf("the server saw %d requests for %s, want 1", len(sent), u)
	}
	predicted := fetch.ExposedNames(fetch.Request{Origin: s.env.app, Chromium: true}, sent[0].resp)
	if !slices.Equal(names, predicted) {
		s.t.Errorf("checker and Chromium disagree on %s: the script sees the header names %q, the checker %q", u, names, predicted)
	}
	s.did = append(s.did, "the header names the script sees: "+strings.Join(names, ", "))
	s.checker = append(s.checker, "the same names")
}

func transferEncoding(s *rawSession) {
	res, err := http.ReadResponse(bufio.NewReader(strings.NewReader(s.answer(s.env, nil))), nil)
	if err != nil || res.Header.Get("Transfer-Encoding") != "" {
		s.t.Fatalf("Go's client keeps Transfer-Encoding among the header (%v): the case proves nothing", err)
	}
	s.open()
	f := s.fetch(s.url(s.env.api, "/chunked"), fetchInit{}, "Transfer-Encoding")
	chromium := s.observed(f)
	if f.res.Resolved {
		chromium += fmt.Sprintf(", body %q", f.res.Body)
		if f.res.Body != "ok" {
			s.t.Errorf("body %q, want the chunked body \"ok\"", f.res.Body)
		}
	}
	s.note("GET", f, chromium)
}

func crossOriginRedirect(s *rawSession) {
	s.open()
	f := s.fetch(s.url(s.env.api, "/redirect"), fetchInit{})
	chromium := s.observed(f)
	if len(f.sent) != 2 || f.sent[1].origin != "null" {
		s.t.Errorf("the server received %d requests, want 2, the second with Origin: null", len(f.sent))
	} else {
		chromium = fmt.Sprintf("307 to %s, then GET there with Origin: null: %s", otherHost, chromium)
	}
	s.note("GET", f, chromium)
	if f.res.Resolved {
		s.t.Error("Chromium read a grant of the page's origin after a cross-origin redirect")
	}
}

func authorizationWildcard(s *rawSession) {
	var mu sync.Mutex
	var deprecations []string
	err := chromedp.Listen(s.tab.ctx, func(ev any) {
		if e, ok := ev.(*audits.EventIssueAdded); ok && e.Issue.Details.DeprecationIssueDetails != nil {
			mu.Lock()
			deprecations = append(deprecations, e.Issue.Details.DeprecationIssueDetails.Type)
			mu.Unlock()
		}
	})
	if err != nil {
		s.t.Fatal(err)
	}
	s.open()
	f := s.fetch(s.url(s.env.api, "/authorization"), fetchInit{Headers: map[string]string{"Authorization": "Bearer x"}})
	chromium := s.observed(f)
	if preflighted(f.sent) {
		chromium += " after a preflight"
	}
	mu.Lock()
	if len(deprecations) > 0 {
		chromium += ", with the deprecation issue " + strings.Join(deprecations, ", ")
	}
	mu.Unlock()
	s.note("GET with Authorization", f, chromium)
	// Fetch refuses it: Authorization is never covered by "*".
	fetchStd := f.req
	fetchStd.Chromium = false
	var fe *fetch.Error
	if run := fetch.Run(fetchStd, newReplay(wiresOf(f.sent), f.earlier).do); !errors.As(run.Err, &fe) || !fe.Preflight {
		s.t.Errorf("the checker judging by Fetch: %v, want the preflight refused", run.Err)
	}
}

func rangeUnitCase(s *rawSession) {
	s.open()
	for _, unit := range []string{"bytes", "Bytes"} {
		value := unit + "=0-1"
		f := s.fetch(s.url(s.env.api, "/range-"+unit), fetchInit{Headers: map[string]string{"Range": value}})
		chromium := s.observed(f)
		if i := slices.IndexFunc(f.sent, func(x rawExchange) bool { return x.preflight() }); i >= 0 {
			chromium += " after a preflight asking for " + f.sent[i].acrh
		} else {
			chromium += " without a preflight"
		}
		// What reaches the server is Chromium's own spelling of the
		// range, whatever the script wrote.
		if n := len(f.sent); n > 0 {
			chromium += ", sending Range: " + f.sent[n-1].header.Get("Range")
		}
		s.note("GET with Range: "+value, f, chromium)
	}
}

func userAgent(s *rawSession) {
	const ua = "corsa-browser-test/1"
	s.open()
	f := s.fetch(s.url(s.env.api, "/user-agent"), fetchInit{Headers: map[string]string{"User-Agent": ua}})
	chromium := s.observed(f)
	if preflighted(f.sent) {
		chromium += " after a preflight"
	} else {
		chromium += " without a preflight"
	}
	sentUA := slices.ContainsFunc(f.sent, func(x rawExchange) bool { return x.header.Get("User-Agent") == ua })
	if sentUA {
		chromium += ", sending the script's User-Agent"
		s.t.Error("Chromium sent the User-Agent the script set")
	} else {
		chromium += ", sending its own User-Agent"
	}
	s.note("GET with User-Agent: "+ua, f, chromium)
}

func cachedWithoutVary(s *rawSession) {
	u := s.url(s.env.api, "/cached")
	mark := s.server.mark()
	if err := s.tab.navigate(u); err != nil {
		s.t.Fatalf("navigating to %s: %v", u, err)
	}
	nav, _ := s.server.since(mark, s.key)
	if len(nav) != 1 || nav[0].origin != "" || nav[0].resp == nil {
		s.t.Fatalf("the navigation made %d requests, want 1 without Origin", len(nav))
	}
	// The checker, given the navigation's answer: a cache may hand it to
	// a CORS request.
	cacheErr := fetch.CheckCacheSafe(fetch.Request{Method: http.MethodGet, URL: u}, nav[0].resp)
	if cacheErr == nil || !strings.Contains(cacheErr.Error(), "browser's own cache") {
		s.t.Errorf("CheckCacheSafe = %v, want the browser's own cache named", cacheErr)
	}
	s.open()
	f := s.fetch(u, fetchInit{})
	chromium := s.observed(f)
	if len(f.sent) == 0 {
		chromium += " from its cache, the server never asked"
	} else {
		chromium += ", asking the server again"
	}
	s.did = append(s.did, "GET by navigation, without Origin: "+nav[0].resp.Header().Get("Cache-Control")+", no Vary")
	s.checker = append(s.checker, "CheckCacheSafe: "+portless(fmt.Sprint(cacheErr)))
	s.note("then GET by fetch() from the page", f, chromium)
}

func keyOf(label string) string { return strings.ReplaceAll(label, " ", "-") }

// runAdversaries serves the adversaries on a raw server and runs each in
// a fresh tab of b, for the page on pagePort.
func runAdversaries(t *testing.T, b *browser, pagePort int) {
	env := &rawEnv{
		app:  fmt.Sprintf("http://%s:%d", appHost, pagePort),
		evil: fmt.Sprintf("http://%s:%d", evilHost, pagePort),
	}
	srv, port, err := startRaw(func(r *http.Request) string {
		key := r.URL.Query().Get("s")
		for _, a := range adversaries {
			if keyOf(a.label) == key {
				return a.answer(env, r)
			}
		}
		return notFound
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := srv.close(); err != nil {
			t.Errorf("stopping the raw server: %v", err)
		}
	})
	env.api = fmt.Sprintf("http://%s:%d", apiHost, port)
	env.other = fmt.Sprintf("http://%s:%d", otherHost, port)
	for _, a := range adversaries {
		t.Run(a.name, func(t *testing.T) {
			s := &rawSession{t: t, env: env, server: srv, key: keyOf(a.label), answer: a.answer}
			defer func() { adversarial.record(a.label, s) }()
			tab, err := b.newTab()
			if err != nil {
				t.Fatal(err)
			}
			defer tab.cancel()
			s.tab = tab
			a.run(s)
		})
	}
}

// adversarial holds the last run of every adversary, for RESULTS.md.
var adversarial adversarialLog

type adversarialLog struct {
	mu    sync.Mutex
	cases map[string]adversarialCase
}

type adversarialCase struct {
	did, checker []string
	failed       bool
}

func (l *adversarialLog) record(label string, s *rawSession) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cases == nil {
		l.cases = map[string]adversarialCase{}
	}
	l.cases[label] = adversarialCase{did: s.did, checker: s.checker, failed: s.t.Failed()}
}

func (l *adversarialLog) get(label string) (adversarialCase, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	c, ok := l.cases[label]
	return c, ok
}
