package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/internal/fetch"
)

// A peer is judged by what a browser would do with its response, never by
// corsa's bytes: the browser-outcome checker (internal/fetch, which package
// conformance exports for net/http types) gives a
// verdict on the peer's response and on the response the case expects, and
// the two verdicts are compared. Where they agree, an exact-byte difference
// is one of corsa's choices, not a failure.

// modes are the two credentials modes a page can fetch with; a case's
// request does not say which, so both are judged.
var modes = []bool{false, true}

// verdict is what a browser concludes from one response in one
// credentials mode.
type verdict struct {
	// pass: the preflight passes, or for an actual request the script can
	// read the response.
	pass bool
	// exposed: the header names the script can read, comma-joined.
	exposed string
}

// judgement is one case's browser verdict on a peer's response.
type judgement struct {
	// Differs lists how the browser's outcome differs from the expected
	// one; empty means the browser cannot tell the peer from corsa.
	Differs []string
	// Grants: the browser lets through, in some credentials mode, a
	// request the case refuses: an origin reads the response, or a
	// preflight passes.
	Grants bool
	// Exploitable: what it lets through comes from an origin the policy
	// does not allow, or reads with credentials a policy without them.
	Exploitable bool
	// CacheUnsafe: a shared cache may store the peer's response and serve
	// it to another origin, where the expected response is safe.
	CacheUnsafe bool
}

// judge compares a browser's verdict on res's response with its verdict on
// the response res.Case expects.
func judge(res conformance.Result) judgement {
	var j judgement
	preflight := isPreflight(res.Case.Request)
	if !preflight && !reachable(res.Case.Policy, browserRequest(res.Case.Request, res.Case.Policy.Credentials)) {
		// A browser sends this request only after a preflight the policy
		// refuses: it never reaches the server from a page, whatever the
		// library answers.
		return j
	}
	got := res.Response
	want := expected(res.Case.Want, got)
	for _, creds := range modes {
		p := browserRequest(res.Case.Request, creds)
		g, w := judgeOne(p, got), judgeOne(p, want)
		mode := "without credentials"
		if creds {
			mode = "with credentials"
		}
		if g.pass != w.pass {
			what := "lets the script read the response"
			if preflight {
				what = "passes the preflight"
			}
			if w.pass {
				j.Differs = append(j.Differs, fmt.Sprintf("%s: the browser fails a request the case allows (%s)", mode, whyFails(p, got)))
			} else {
				j.Grants = true
				if !originAllowed(res.Case.Policy, p.Request) {
					j.Exploitable = true
				}
				j.Differs = append(j.Differs, fmt.Sprintf("%s: the browser %s although the case refuses it", mode, what))
			}
		} else if g.pass && g.exposed != w.exposed {
			j.Differs = append(j.Differs, fmt.Sprintf("%s: the script reads headers [%s], want [%s]", mode, g.exposed, w.exposed))
		}
	}
	if !preflight && res.Case.Want.HandlerRan {
		p := browserRequest(res.Case.Request, false)
		if judgeOne(p, want).pass && !ran(got) {
			j.Differs = append(j.Differs, fmt.Sprintf("the script reads a %d response its handler never produced", got.StatusCode))
		}
	}
	if !preflight {
		r := browserRequest(res.Case.Request, false).Request
		j.CacheUnsafe = fetch.CheckCacheSafe(r, asRead(got)) != nil && fetch.CheckCacheSafe(r, asRead(want)) == nil
	}
	return j
}

// page is the fetch() a browser made to produce a case's request: for a
// preflight, the request it asks about and the header names it asks for.
type page struct {
	fetch.Request
	preflight bool
	asked     []string
}

// asRead is resp as a browser reads it.
func asRead(resp *http.Response) *fetch.Response {
	return fetch.FromHTTP(resp.StatusCode, resp.Header)
}

// judgeOne is the browser's verdict on resp to p.
func judgeOne(p page, resp *http.Response) verdict {
	var v verdict
	if p.preflight {
		v.pass = fetch.CheckPreflightFor(p.Request, p.asked, asRead(resp)) == nil
	} else {
		v.pass = fetch.CheckRead(p.Request, asRead(resp)) == nil
		v.exposed = strings.Join(appHeaders(fetch.ExposedNames(p.Request, asRead(resp))), ",")
	}
	return v
}

// appHeaders drops the CORS headers and Vary from exposed header names:
// whether a script can read those is no part of what the server meant to
// share.
func appHeaders(names []string) []string {
	return slices.DeleteFunc(names, func(n string) bool {
		return strings.HasPrefix(n, "access-control-") || n == "vary"
	})
}

// originAllowed reports whether policy lets r's origin read a simple GET
// in r's credentials mode: the policy's origin rules alone, independent of
// methods and headers, as the reference middleware applies them (the suite
// holds it to SPEC.md byte for byte).
func originAllowed(policy corsa.Config, r fetch.Request) bool {
	p, err := corsa.New(policy)
	if err != nil {
		return false
	}
	req := httptest.NewRequest(http.MethodGet, "http://api.example.test/", nil)
	req.Header.Set("Origin", r.Origin)
	rec := httptest.NewRecorder()
	p.Handler(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})).ServeHTTP(rec, req)
	return fetch.CheckRead(fetch.Request{Method: http.MethodGet, Origin: r.Origin, Credentials: r.Credentials}, asRead(rec.Result())) == nil
}

// reachable reports whether a browser can send p as an actual request
// under policy: it needs no preflight, or the preflight it needs passes
// with the reference middleware.
func reachable(policy corsa.Config, p page) bool {
	if !p.NeedsPreflight() {
		return true
	}
	pol, err := corsa.New(policy)
	if err != nil {
		return false
	}
	req := httptest.NewRequest(http.MethodOptions, "http://api.example.test"+p.URL, nil)
	req.Header.Set("Origin", p.Origin)
	req.Header.Set("Access-Control-Request-Method", p.NormalizedMethod())
	if names := p.UnsafeHeaderNames(); len(names) > 0 {
		req.Header.Set("Access-Control-Request-Headers", strings.Join(names, ","))
	}
	rec := httptest.NewRecorder()
	pol.Handler(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})).ServeHTTP(rec, req)
	return fetch.CheckPreflight(p.Request, asRead(rec.Result())) == nil
}

// whyFails says why the browser fails p with resp, in Chromium's words.
func whyFails(p page, resp *http.Response) string {
	var err *fetch.Error
	if p.preflight {
		err = fetch.CheckPreflightFor(p.Request, p.asked, asRead(resp))
	} else {
		err = fetch.CheckRead(p.Request, asRead(resp))
	}
	if err == nil {
		return "it passes"
	}
	return err.Error()
}

func ran(resp *http.Response) bool {
	return resp.Header.Get(conformance.HandlerHeader) == conformance.HandlerRan
}

// isPreflight reports whether r is a CORS preflight: OPTIONS with Origin
// and Access-Control-Request-Method.
func isPreflight(r conformance.Request) bool {
	_, origin := header(r, "Origin")
	_, acrm := header(r, "Access-Control-Request-Method")
	return r.Method == http.MethodOptions && origin && acrm
}

// header returns the first value of name in r, and whether r has it.
func header(r conformance.Request, name string) (string, bool) {
	for _, h := range r.Header {
		if strings.EqualFold(h[0], name) {
			return h[1], true
		}
	}
	return "", false
}

// browserRequest is the fetch a browser made to produce r: for a
// preflight, the request it asks about (its method) and the header names
// it lists, each of which needs the server's approval as in the
// preflight; otherwise r itself, the headers the browser adds removed.
// Origin is taken as sent, every line joined, so that a request no
// browser sends is judged as the server saw it.
func browserRequest(r conformance.Request, creds bool) page {
	p := page{Request: fetch.Request{Method: r.Method, URL: r.Path, Credentials: creds, Header: http.Header{}}}
	var origins []string
	for _, h := range r.Header {
		if strings.EqualFold(h[0], "Origin") {
			origins = append(origins, h[1])
		}
	}
	p.Origin = strings.Join(origins, ", ")
	if !isPreflight(r) {
		for _, h := range r.Header {
			if !strings.EqualFold(h[0], "Origin") {
				p.Header.Add(h[0], h[1])
			}
		}
		return p
	}
	p.preflight = true
	p.Method, _ = header(r, "Access-Control-Request-Method")
	for _, h := range r.Header {
		if !strings.EqualFold(h[0], "Access-Control-Request-Headers") {
			continue
		}
		for name := range strings.SplitSeq(h[1], ",") {
			if name = strings.TrimSpace(name); name != "" {
				p.asked = append(p.asked, name)
			}
		}
	}
	return p
}

// expected is the response w describes, built on got so that what the case
// leaves open (the handler's own headers, a status within a class) is the
// peer's: got's Access-Control-* headers and Vary replaced by w's, and the
// status w demands.
func expected(w conformance.Want, got *http.Response) *http.Response {
	resp := &http.Response{StatusCode: got.StatusCode, Header: http.Header{}}
	for k, v := range got.Header {
		if strings.HasPrefix(k, "Access-Control-") || k == "Vary" {
			continue
		}
		resp.Header[k] = slices.Clone(v)
	}
	for k, v := range w.Headers {
		resp.Header.Set(k, v)
	}
	if len(w.Vary) > 0 {
		resp.Header.Set("Vary", strings.Join(w.Vary, ", "))
	}
	switch {
	case w.Status != 0:
		resp.StatusCode = w.Status
	case w.Class != 0 && got.StatusCode/100 != w.Class:
		resp.StatusCode = w.Class * 100
	}
	if w.HandlerRan {
		resp.Header.Set(conformance.HandlerHeader, conformance.HandlerRan)
	} else {
		resp.Header.Del(conformance.HandlerHeader)
	}
	return resp
}
