package browser

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"

	"github.com/chromedp/cdproto/network"
)

// What the scenarios expect of corsa. Each check goes through
// session.expect, so that a peer that does otherwise is reported, not
// failed.

// testPort matches the port of a *.test URL, which changes every run.
var testPort = regexp.MustCompile(`(\.test):\d+`)

// portless drops the ports from msg, so that RESULTS.md is the same every
// run.
func portless(msg string) string { return testPort.ReplaceAllString(msg, "$1") }

// readable checks that the page could read a 200 response, and reports
// whether it could.
func (s *session) readable(url string, res fetchResult) bool {
	s.t.Helper()
	if !res.Resolved {
		reason, _ := s.tab.reported(url)
		s.expect("fetch %s rejected (%s: %s), want a readable response", url, res.Error, reason)
		return false
	}
	if res.Status != http.StatusOK {
		s.expect("fetch %s: status %d, want %d", url, res.Status, http.StatusOK)
		return false
	}
	return true
}

// blocked checks that the page got a TypeError and that Chromium blamed
// CORS for the reason want, in a DevTools issue and on the console.
func (s *session) blocked(url string, res fetchResult, want network.CorsError) {
	s.t.Helper()
	if res.Resolved {
		s.expect("fetch %s resolved with status %d, want a TypeError", url, res.Status)
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
		s.expect("fetch %s blocked for %s, want %s", url, reason, want)
	}
	if !strings.Contains(line, "blocked by CORS policy") {
		s.t.Errorf("fetch %s: console says %q, want a CORS block", url, line)
	}
}

// header checks what response.headers.get(name) returned.
func (s *session) header(url string, res fetchResult, name string, want *string) {
	s.t.Helper()
	got := res.Headers[name]
	if (got == nil) != (want == nil) || got != nil && *got != *want {
		s.expect("fetch %s: headers.get(%q) = %s, want %s", url, name, show(got), show(want))
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
		s.expect("fetch %s: the server received %+v, want %+v", url, got, want)
	}
}

// preflights checks how many preflights reached the server for path, and
// returns them.
func (s *session) preflights(a *api, path string, want int) []request {
	s.t.Helper()
	got := a.rec.preflights(uri(path, s.key))
	if len(got) != want {
		s.expect("the server saw %d preflights for %s, want %d", len(got), uri(path, s.key), want)
	}
	return got
}

// handlerRuns checks how many method requests for path a handler served.
func (s *session) handlerRuns(a *api, method, path string, want int) {
	s.t.Helper()
	if got := a.rec.handlerRuns(method, uri(path, s.key)); got != want {
		s.expect("the handler served %d %s %s, want %d", got, method, uri(path, s.key), want)
	}
}
