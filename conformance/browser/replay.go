package browser

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/corsa-go/corsa/internal/fetch"
)

// wire is one request a server received and the answer it gave, as
// Chromium read it: the input of a replay.
type wire struct {
	method, uri string
	// host is the Host the request named; "" where the server has one
	// name only.
	host   string
	origin string
	// acrm and acrh are a preflight's Access-Control-Request-Method and
	// Access-Control-Request-Headers.
	acrm, acrh string
	// site is the Sec-Fetch-Site it carried.
	site string
	resp *fetch.Response // nil when the server never answered
}

func (w wire) preflight() bool { return w.method == http.MethodOptions && w.acrm != "" }

// replay is a fetch.Transport over what the servers received for one
// fetch() of Chromium's: it answers each request fetch.Run sends with the
// response Chromium got for the same request, so that the checker judges
// exactly what Chromium judged, and notes where the checker's requests
// are not Chromium's.
type replay struct {
	sent []wire // received since the fetch began, in order
	used []bool
	// earlier is what the servers received before the fetch: where
	// Chromium sent nothing, one of its caches answered, from one of
	// these.
	earlier []wire
	// cached lists the requests a cache answered; differs, where the
	// checker's requests differ from Chromium's.
	cached, differs []string
}

func newReplay(sent, earlier []wire) *replay {
	return &replay{sent: sent, used: make([]bool, len(sent)), earlier: earlier}
}

// errNotSent is a request the checker sends and Chromium did not, which
// no cache explains.
var errNotSent = errors.New("not a request Chromium sent")

// do is the fetch.Transport.
func (p *replay) do(r *http.Request) (*fetch.Response, error) {
	uri := r.URL.RequestURI()
	preflight := r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
	what := r.Method + " " + portless(r.URL.String())
	if preflight {
		what = "the preflight for " + r.Header.Get("Access-Control-Request-Method") + " " + portless(r.URL.String())
	}
	same := func(w wire) bool {
		return w.uri == uri && (w.host == "" || w.host == r.URL.Host) && w.method == r.Method && w.preflight() == preflight
	}
	for i, w := range p.sent {
		if p.used[i] || !same(w) {
			continue
		}
		p.used[i] = true
		if got := r.Header.Get("Origin"); got != w.origin {
			p.differs = append(p.differs, fmt.Sprintf("%s: Chromium sent Origin %q, the checker %q", what, w.origin, got))
		}
		if got := r.Header.Get("Sec-Fetch-Site"); got != w.site {
			p.differs = append(p.differs, fmt.Sprintf("%s: Chromium sent Sec-Fetch-Site %q, the checker %q", what, w.site, got))
		}
		if got := r.Header.Get("Access-Control-Request-Headers"); preflight && got != w.acrh {
			p.differs = append(p.differs, fmt.Sprintf("%s: Chromium asked for headers %q, the checker for %q", what, w.acrh, got))
		}
		if w.resp == nil {
			return nil, fmt.Errorf("%s: the server never answered", what)
		}
		return w.resp, nil
	}
	// Chromium sent nothing: its preflight cache answers a preflight
	// it passed before; its HTTP cache, a response CheckCacheSafe says
	// it may reuse for another origin.
	for _, w := range slices.Backward(p.earlier) {
		if !same(w) || w.resp == nil {
			continue
		}
		if preflight || fetch.CheckCacheSafe(fetch.Request{Method: w.method}, w.resp) != nil {
			p.cached = append(p.cached, what)
			return w.resp, nil
		}
	}
	return nil, fmt.Errorf("%s: %w", what, errNotSent)
}

// unsent lists what Chromium sent and the checker did not.
func (p *replay) unsent() []string {
	var out []string
	for i, w := range p.sent {
		if !p.used[i] {
			out = append(out, w.method+" "+w.uri)
		}
	}
	return out
}

// runAgainst plays req through fetch.Run over p and compares its verdict
// with what the page observed: whether fetch() resolved, and for each of
// req.Read whether headers.get returned it, and what. It returns the
// checker's result and every disagreement.
func runAgainst(req fetch.Request, p *replay, res fetchResult) (fetch.Result, []string) {
	run := fetch.Run(req, p.do)
	var problems []string
	problems = append(problems, p.differs...)
	for _, u := range p.unsent() {
		problems = append(problems, fmt.Sprintf("Chromium sent %s, which the checker does not", u))
	}
	var fe *fetch.Error
	switch {
	case run.Err != nil && !errors.As(run.Err, &fe):
		problems = append(problems, fmt.Sprintf("the checker could not replay the fetch: %v", run.Err))
		return run, problems
	case (run.Err == nil) != res.Resolved:
		problems = append(problems, fmt.Sprintf("the checker says the fetch succeeds: %v (%v); Chromium: resolved %v (%s)", run.Err == nil, run.Err, res.Resolved, res.Error))
		return run, problems
	case run.Err != nil:
		return run, problems
	}
	last := run.Exchanges[len(run.Exchanges)-1].Response
	for _, name := range req.Read {
		var want *string
		if slices.Contains(run.Readable, name) {
			v, _ := last.Get(name)
			want = &v
		}
		if got := res.Headers[name]; (got == nil) != (want == nil) || got != nil && *got != *want {
			problems = append(problems, fmt.Sprintf("headers.get(%q): the checker says %s, Chromium returned %s", name, show(want), show(got)))
		}
	}
	return run, problems
}

// hops describes the redirects of a fetch, "" for none: each redirect's
// status and where it led, and whether the browser preflighted again
// there, or where the fetch stopped at one.
func hops(run fetch.Result) string {
	var out []string
	stopped := ""
	for i, x := range run.Exchanges {
		loc, ok := x.Response.Get("Location")
		if x.Preflight || !ok || x.Response.Status < 300 || x.Response.Status > 399 {
			continue
		}
		hop := fmt.Sprintf("%d to %s", x.Response.Status, strings.SplitN(portless(loc), "?", 2)[0])
		if i == len(run.Exchanges)-1 {
			stopped = ", at a " + hop
			continue
		}
		if run.Exchanges[i+1].Preflight {
			hop += " (preflighted again)"
		}
		out = append(out, hop)
	}
	if len(out) > 0 {
		return ", redirected: " + strings.Join(out, ", ") + stopped
	}
	return stopped
}
