// Package migratetest checks that a server moved from another CORS
// library to corsa gives browsers the same outcome as before: each
// program of the migration guide serves the same requests with the old
// middleware and with corsa, and Check compares what a browser concludes
// from each, not the bytes, which differ (README.md, "What changes on the
// wire").
package migratetest

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/corsa-go/corsa/conformance"
)

// Serve serves one request, in memory: conformance.Recorder for an
// http.Handler, app.Test for fiber.
type Serve func(*http.Request) (*http.Response, error)

// The guide's policy, as every program writes it: two trusted origins
// calling with cookies, PUT and DELETE besides GET and POST, JSON bodies
// and bearer tokens, X-Total-Count exposed, preflights cached ten
// minutes. Every program serves it on path.
const (
	app   = "https://app.example.com"
	admin = "https://admin.example.com"
	evil  = "https://evil.example.net"

	path       = "/items"
	totalCount = "X-Total-Count"
)

// browserRequest is a request a page makes with fetch, with credentials
// (the application sends cookies).
type browserRequest struct {
	origin  string
	method  string
	headers []string // the names the script sets
}

// outcome is what a browser concludes, and all a migration must keep.
type outcome struct {
	preflightPasses bool
	cacheSeconds    int  // how long the passed preflight is cached
	readable        bool // the script may read the response
	exposed         bool // ... and its X-Total-Count header
}

var scenarios = []struct {
	name string
	req  browserRequest
	want outcome
}{
	{"a PUT with a JSON body and a bearer token from the app is preflighted, cached 600 s and readable",
		browserRequest{app, "PUT", []string{"authorization", "content-type"}},
		outcome{preflightPasses: true, cacheSeconds: 600, readable: true, exposed: true}},
	{"a DELETE from the admin origin is preflighted and readable",
		browserRequest{admin, "DELETE", []string{"authorization"}},
		outcome{preflightPasses: true, cacheSeconds: 600, readable: true, exposed: true}},
	{"a PUT from an unlisted origin fails its preflight",
		browserRequest{evil, "PUT", []string{"content-type"}},
		outcome{}},
	{"a PATCH, not in the policy, fails its preflight",
		browserRequest{app, "PATCH", []string{"content-type"}},
		outcome{}},
	{"a PUT asking for an unlisted header fails its preflight",
		browserRequest{app, "PUT", []string{"content-type", "x-debug"}},
		outcome{}},
	{"a credentialed GET from the app is readable, with X-Total-Count",
		browserRequest{app, "GET", nil},
		outcome{readable: true, exposed: true}},
	{"a credentialed GET from an unlisted origin is not readable",
		browserRequest{evil, "GET", nil},
		outcome{}},
}

// Check sends the requests of a single-page application through before,
// the server with the old middleware, and after, the same server with
// corsa, and fails t unless a browser concludes from both what the
// policy says.
func Check(t *testing.T, before, after Serve) {
	t.Helper()
	for _, sc := range scenarios {
		for _, srv := range []struct {
			name  string
			serve Serve
		}{{"before", before}, {"with corsa", after}} {
			t.Run(srv.name+": "+sc.name, func(t *testing.T) {
				got, err := browse(srv.serve, sc.req)
				if err != nil {
					t.Fatal(err)
				}
				if got != sc.want {
					t.Errorf("browser outcome %+v, want %+v", got, sc.want)
				}
			})
		}
	}
}

// browse does what a browser does for req in credentials mode "include",
// judged by the browser-outcome checks of package conformance: a
// preflight when one is needed, then, if it passed, the request and the
// CORS check of its response.
func browse(serve Serve, req browserRequest) (outcome, error) {
	var o outcome
	br := conformance.BrowserRequest{Method: req.method, URL: path, Origin: req.origin, Credentials: true, Header: http.Header{}}
	for _, name := range req.headers {
		// A value no CORS safelist admits: the script sets a JSON
		// Content-Type, a bearer token, a custom header.
		br.Header.Set(name, "application/json; x=(1)")
	}
	if br.NeedsPreflight() {
		r := httptest.NewRequest(http.MethodOptions, path, nil)
		r.Header.Set("Origin", req.origin)
		r.Header.Set("Access-Control-Request-Method", req.method)
		if names := br.UnsafeHeaderNames(); len(names) > 0 {
			r.Header.Set("Access-Control-Request-Headers", strings.Join(names, ","))
		}
		res, err := serve(r)
		if err != nil {
			return o, err
		}
		res.Body.Close()
		if conformance.CheckPreflight(br, res) != nil {
			return o, nil
		}
		o.preflightPasses = true
		o.cacheSeconds = 5 // Fetch's default without Access-Control-Max-Age
		if v := res.Header.Get("Access-Control-Max-Age"); v != "" {
			o.cacheSeconds, _ = strconv.Atoi(v)
		}
	}
	r := httptest.NewRequest(req.method, path, nil)
	r.Header.Set("Origin", req.origin)
	res, err := serve(r)
	if err != nil {
		return o, err
	}
	res.Body.Close()
	o.readable = conformance.CheckRead(br, res) == nil
	o.exposed = slices.Contains(conformance.ExposedHeaders(br, res), strings.ToLower(totalCount))
	return o, nil
}
