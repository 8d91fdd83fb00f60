package browser

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/internal/fetch"
)

// judge holds the browser-outcome checker (internal/fetch, which package
// conformance exports) to what Chromium did with one fetch, twice. First
// fetch.Run replays the whole fetch() as the page made it, each request
// it sends answered with the response Chromium got for the same request
// (or, where Chromium sent none, from the cache that answered it): it
// must send the requests Chromium sent, with the same Origin and
// requested headers, and predict whether fetch() resolved and what
// headers.get returned. Then conformance's checks, given the preflight
// and the request the server saw, must predict whether a preflight was
// sent and passed, whether the page could read the response, and which
// headers it could read. Any disagreement fails the test, for corsa and
// for every peer alike: it is the checker that is wrong. It also notes
// what Chromium did, for RESULTS.md.
func (s *session) judge(origin string, a *api, mark int, url string, init fetchInit, res fetchResult, names []string) {
	s.t.Helper()
	r := conformance.BrowserRequest{
		Method: init.Method, URL: url, Origin: origin,
		Credentials: init.Credentials == "include", Header: http.Header{},
	}
	for name, v := range init.Headers {
		r.Header.Set(name, v)
	}
	// fetch() sends a string body as text/plain;charset=UTF-8 unless
	// told otherwise, a CORS-safelisted header.
	if init.Body != "" && r.Header.Get("Content-Type") == "" {
		r.Header.Set("Content-Type", "text/plain;charset=UTF-8")
	}
	method := http.MethodGet
	if init.Method != "" {
		method = init.Method
	}
	path, _, _ := strings.Cut(strings.TrimPrefix(url, a.base), "?")
	label := method + " " + path
	if r.Credentials {
		label += " with credentials"
	}
	if origin == "null" {
		label += " from Origin: null"
	}

	disagree := func(format string, args ...any) {
		s.t.Helper()
		s.t.Errorf("checker and Chromium disagree on %s: "+format, append([]any{url}, args...)...)
	}

	// The whole fetch(), replayed.
	sent, earlier := a.rec.wires(mark)
	run, problems := runAgainst(fetch.Request{
		Method: init.Method, URL: url, Origin: origin, Credentials: r.Credentials,
		Header: r.Header, Read: names, Chromium: true,
	}, newReplay(sent, earlier), res)
	for _, p := range problems {
		disagree("%s", p)
	}

	var pre, act *exchange
	for _, x := range a.rec.since(mark, strings.TrimPrefix(url, a.base)) {
		switch {
		case x.req.Method == http.MethodOptions && x.req.RequestMethod != "":
			pre = &x
		case x.req.Method == method:
			act = &x
		}
	}
	chromium := "read"
	if res.Resolved && res.Status != http.StatusOK {
		chromium += fmt.Sprintf(" (%d)", res.Status)
	}
	if !res.Resolved {
		chromium = "refused"
		// A sandboxed iframe's issues do not reach the tab.
		if reason, err := s.tab.blockIssue(url); err != nil {
			s.t.Logf("fetch %s: %v", url, err)
		} else {
			chromium += fmt.Sprintf(" (%s)", reason)
		}
	}
	// The preflight: sent when the checker says it is needed, with the
	// header names it lists, and passed when it says so.
	preflightErr := error(nil)
	switch {
	case !r.NeedsPreflight() && pre != nil:
		disagree("Chromium sent a preflight the checker says is not needed")
	case r.NeedsPreflight() && pre == nil && act == nil:
		disagree("the checker says a preflight is needed; the server saw neither it nor the request (Chromium: %s)", chromium)
		return
	case r.NeedsPreflight() && pre == nil:
		chromium += ", preflight cached"
	case r.NeedsPreflight():
		if want := strings.Join(r.UnsafeHeaderNames(), ","); pre.req.RequestHeaders != want {
			disagree("the preflight asked for headers %q, the checker lists %q", pre.req.RequestHeaders, want)
		}
		if pre.resp == nil {
			disagree("the preflight got no recorded response")
			return
		}
		preflightErr = conformance.CheckPreflight(r, pre.resp)
		if preflightErr == nil {
			chromium += " after a preflight"
		}
	}
	chromium += hops(run)
	s.did = append(s.did, label+": "+chromium)
	if preflightErr != nil {
		if act != nil {
			disagree("the checker fails the preflight (%v), Chromium sent the request", preflightErr)
		}
		if res.Resolved {
			disagree("the checker fails the preflight (%v), the page read the response", preflightErr)
		}
		return
	}
	if act == nil || act.resp == nil {
		disagree("the checker passes the preflight, Chromium did not send the request (%s)", chromium)
		return
	}

	// The response: readable, and which headers.
	readErr := conformance.CheckRead(r, act.resp)
	if (readErr == nil) != res.Resolved {
		disagree("the checker says readable=%v (%v), Chromium: %s", readErr == nil, readErr, chromium)
		return
	}
	exposed := conformance.ExposedHeaders(r, act.resp)
	for _, name := range names {
		want := (*string)(nil)
		if slices.Contains(exposed, strings.ToLower(name)) {
			v := strings.Join(act.resp.Header.Values(name), ", ")
			want = &v
		}
		got := res.Headers[name]
		if (got == nil) != (want == nil) || got != nil && *got != *want {
			disagree("headers.get(%q): the checker says %s, Chromium returned %s", name, show(want), show(got))
		}
	}
}

// show prints what headers.get returned.
func show(v *string) string {
	if v == nil {
		return "null"
	}
	return fmt.Sprintf("%q", *v)
}
