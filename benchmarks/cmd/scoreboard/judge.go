package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
)

// A peer is judged by what a browser would do with its response, never by
// corsa's bytes: the browser-outcome checker of package conformance gives a
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
		br := browserRequest(res.Case.Request, creds)
		g, w := judgeOne(br, preflight, got), judgeOne(br, preflight, want)
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
				j.Differs = append(j.Differs, fmt.Sprintf("%s: the browser fails a request the case allows (%s)", mode, whyFails(br, preflight, got)))
			} else {
				j.Grants = true
				if !originAllowed(res.Case.Policy, br) {
					j.Exploitable = true
				}
				j.Differs = append(j.Differs, fmt.Sprintf("%s: the browser %s although the case refuses it", mode, what))
			}
		} else if g.pass && g.exposed != w.exposed {
			j.Differs = append(j.Differs, fmt.Sprintf("%s: the script reads headers [%s], want [%s]", mode, g.exposed, w.exposed))
		}
	}
	if !preflight && res.Case.Want.HandlerRan {
		br := browserRequest(res.Case.Request, false)
		if judgeOne(br, false, want).pass && !ran(got) {
			j.Differs = append(j.Differs, fmt.Sprintf("the script reads a %d response its handler never produced", got.StatusCode))
		}
	}
	if !preflight {
		br := browserRequest(res.Case.Request, false)
		j.CacheUnsafe = conformance.CheckCacheSafe(br, got) != nil && conformance.CheckCacheSafe(br, want) == nil
	}
	return j
}

// judgeOne is the browser's verdict on resp in the credentials mode of br.
func judgeOne(br conformance.BrowserRequest, preflight bool, resp *http.Response) verdict {
	var v verdict
	if preflight {
		v.pass = conformance.CheckPreflight(br, resp) == nil
	} else {
		v.pass = conformance.CheckRead(br, resp) == nil
		v.exposed = strings.Join(appHeaders(conformance.ExposedHeaders(br, resp)), ",")
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

// originAllowed reports whether policy lets br's origin read a simple GET
// in br's credentials mode: the policy's origin rules alone, independent of
// methods and headers, as the reference middleware applies them (the suite
// holds it to SPEC.md byte for byte).
func originAllowed(policy corsa.Config, br conformance.BrowserRequest) bool {
	p, err := corsa.New(policy)
	if err != nil {
		return false
	}
	req := httptest.NewRequest(http.MethodGet, "http://api.example.test/", nil)
	req.Header.Set("Origin", br.Origin)
	rec := httptest.NewRecorder()
	p.Handler(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})).ServeHTTP(rec, req)
	return conformance.CheckRead(conformance.BrowserRequest{Method: http.MethodGet, Origin: br.Origin, Credentials: br.Credentials}, rec.Result()) == nil
}

// reachable reports whether a browser can send br as an actual request
// under policy: it needs no preflight, or the preflight it needs passes
// with the reference middleware.
func reachable(policy corsa.Config, br conformance.BrowserRequest) bool {
	if !br.NeedsPreflight() {
		return true
	}
	p, err := corsa.New(policy)
	if err != nil {
		return false
	}
	req := httptest.NewRequest(http.MethodOptions, "http://api.example.test"+br.URL, nil)
	req.Header.Set("Origin", br.Origin)
	req.Header.Set("Access-Control-Request-Method", br.Method)
	if names := br.UnsafeHeaderNames(); len(names) > 0 {
		req.Header.Set("Access-Control-Request-Headers", strings.Join(names, ","))
	}
	rec := httptest.NewRecorder()
	p.Handler(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})).ServeHTTP(rec, req)
	return conformance.CheckPreflight(br, rec.Result()) == nil
}

// whyFails says why the browser fails br with resp.
func whyFails(br conformance.BrowserRequest, preflight bool, resp *http.Response) string {
	var err error
	if preflight {
		err = conformance.CheckPreflight(br, resp)
	} else {
		err = conformance.CheckRead(br, resp)
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
// preflight, the request it asks about (its method and the headers it
// lists, with values no safelist covers); otherwise r itself, the headers
// the browser adds removed. Origin is taken as sent, every line joined, so
// that a request no browser sends is judged as the server saw it.
func browserRequest(r conformance.Request, creds bool) conformance.BrowserRequest {
	br := conformance.BrowserRequest{Method: r.Method, URL: r.Path, Credentials: creds, Header: http.Header{}}
	var origins []string
	for _, h := range r.Header {
		if strings.EqualFold(h[0], "Origin") {
			origins = append(origins, h[1])
		}
	}
	br.Origin = strings.Join(origins, ", ")
	if !isPreflight(r) {
		for _, h := range r.Header {
			if !strings.EqualFold(h[0], "Origin") {
				br.Header.Add(h[0], h[1])
			}
		}
		return br
	}
	br.Method, _ = header(r, "Access-Control-Request-Method")
	for _, h := range r.Header {
		if !strings.EqualFold(h[0], "Access-Control-Request-Headers") {
			continue
		}
		for name := range strings.SplitSeq(h[1], ",") {
			if name = strings.TrimSpace(name); name != "" {
				// A value no CORS safelist admits, so that every listed
				// name needs the server's approval, as in the preflight.
				br.Header.Add(name, "\x01")
			}
		}
	}
	return br
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
