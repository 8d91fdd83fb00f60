package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/corsa-go/corsa/internal/fetch"
)

// probeTimeout bounds each connection of a probe.
const probeTimeout = 10 * time.Second

// probe plays a page's fetch() against a running server and judges its
// answers as a browser does.
func probe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corsa probe", flag.ContinueOnError)
	fs.SetOutput(stderr)
	page := pageFlags(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 || *page.origin == "" {
		fmt.Fprint(stderr, "corsa probe: want -origin and one URL\n"+usage)
		return 2
	}
	u, err := url.Parse(fs.Arg(0))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		fmt.Fprintf(stderr, "corsa probe: %q is not an http or https URL\n", fs.Arg(0))
		return 2
	}
	f := page.fetch()
	req := fetch.Request{Method: f.Method, URL: u.String(), Origin: f.Origin, Credentials: f.Credentials, Header: http.Header{}, Read: f.Read}
	for _, h := range f.Headers {
		name, value, found := strings.Cut(h, ":")
		if !found {
			value = "{not safelisted}"
		}
		req.Header.Add(strings.TrimSpace(name), strings.TrimSpace(value))
	}
	report, ok, err := Probe(req, fetch.Wire(probeTimeout, nil))
	fmt.Fprint(stdout, report)
	noteFileOrigin(f.Origin, stdout)
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "corsa probe: %v\n", err)
		return 2
	case !ok:
		return 1
	}
	return 0
}

// Probe plays req through t as a browser's fetch() does, and reports
// every exchange, the verdict (ok: the fetch succeeds and every header of
// req.Read is readable), why, what the server must send instead, where
// current Chromium decides otherwise, and whether a cache could hand an
// answer to another origin. err is set when the server could not be
// asked at all.
func Probe(req fetch.Request, t fetch.Transport) (report string, ok bool, err error) {
	var b strings.Builder
	res := fetch.Run(req, t)
	for _, x := range res.Exchanges {
		what := "request"
		if x.Preflight {
			what = "preflight"
		}
		fmt.Fprintf(&b, "%s: %s %s\n", what, x.Request.Method, x.Request.URL)
		for _, name := range []string{"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"} {
			if v := x.Request.Header.Get(name); v != "" {
				fmt.Fprintf(&b, "  > %s: %s\n", name, v)
			}
		}
		fmt.Fprintf(&b, "  < %d %s\n", x.Response.Status, http.StatusText(x.Response.Status))
		for _, f := range x.Response.Fields {
			if relevant(f.Name) {
				fmt.Fprintf(&b, "  < %s: %s\n", f.Name, f.Value)
			}
		}
	}
	var fe *fetch.Error
	switch {
	case res.Err == nil:
		b.WriteString("browser: the script can read the response\n")
		for _, h := range res.Readable {
			fmt.Fprintf(&b, "  reads %s: yes\n", h)
		}
		for _, h := range res.Unreadable {
			fmt.Fprintf(&b, "  reads %s: null: the response must list it in Access-Control-Expose-Headers (and have it)\n", h)
		}
		ok = len(res.Unreadable) == 0
	case errors.As(res.Err, &fe):
		fmt.Fprintf(&b, "browser: blocked: %s\n", fe.Console(req.URL, req.Origin))
		if fe.Preflight {
			b.WriteString("the browser stops here: the request itself is never sent\n")
		}
		if fix := serverFix(req, fe); fix != "" {
			fmt.Fprintf(&b, "fix: %s\n", fix)
		}
	default:
		if len(res.Exchanges) == 0 {
			return b.String(), false, res.Err
		}
		fmt.Fprintf(&b, "browser: fails: %v\n", res.Err)
	}
	chromium := req
	chromium.Chromium = true
	if cres := fetch.Run(chromium, t); (cres.Err == nil) != (res.Err == nil) {
		if cres.Err == nil {
			b.WriteString("Chromium today: the fetch succeeds, departing from the Fetch Standard (Authorization under a wildcard, a Range unit in upper case, or a dropped User-Agent); expect it to fail when Chromium follows the standard\n")
		} else {
			fmt.Fprintf(&b, "Chromium today: blocked: %v\n", cres.Err)
		}
	}
	if n := len(res.Exchanges); n > 0 && !res.Exchanges[n-1].Preflight {
		if err := fetch.CheckCacheSafe(req, res.Exchanges[n-1].Response); err != nil {
			fmt.Fprintf(&b, "cache: %v\n", err)
		}
	}
	return b.String(), ok, nil
}

// relevant reports the response headers a probe shows.
func relevant(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "access-control-") || n == "vary" || n == "location" || n == "cache-control"
}

// serverFix says what the server must send instead.
func serverFix(req fetch.Request, e *fetch.Error) string {
	switch msg := e.Message; {
	case strings.Contains(msg, "Access-Control-Allow-Credentials"):
		return "the server must send Access-Control-Allow-Credentials: true for credentialed requests (corsa: credentials: true)"
	case strings.Contains(msg, "must not be the wildcard"):
		return "the server must name the page's origin in Access-Control-Allow-Origin, not *, for credentialed requests"
	case strings.Contains(msg, "multiple values"):
		return "the server must send one Access-Control-Allow-Origin line, with one origin: two CORS middlewares are writing it"
	case strings.HasPrefix(msg, "Method "):
		return "the preflight's Access-Control-Allow-Methods must list " + req.NormalizedMethod()
	case strings.HasPrefix(msg, "Request header field "):
		return "the preflight's Access-Control-Allow-Headers must list " + strings.Fields(strings.TrimPrefix(msg, "Request header field "))[0]
	case strings.Contains(msg, "HTTP ok status"):
		return "the server must answer the preflight with a 2xx status: the OPTIONS request must reach the CORS middleware, not a router's 404 or 405"
	case strings.Contains(msg, "Redirect is not allowed for a preflight"):
		return "the preflight must be answered where it is sent, not redirected: put the CORS middleware in front of the router's redirects (a trailing slash, http to https)"
	case strings.Contains(msg, "No 'Access-Control-Allow-Origin'"):
		return "the server must grant the page's origin: Access-Control-Allow-Origin: " + req.Origin
	case strings.Contains(msg, "not equal to the supplied origin"):
		return "the server must echo the page's origin exactly: " + req.Origin
	}
	return ""
}
