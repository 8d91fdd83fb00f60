package fetch

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Probe plays req through t as a browser's fetch() does, and reports
// every exchange, the verdict (ok: the fetch succeeds and every header of
// req.Read is readable), why, what the server must send instead, where
// current Chromium decides otherwise, and whether a cache could hand an
// answer to another origin. err is set when the server could not be
// asked at all.
func Probe(req Request, t Transport) (report string, ok bool, err error) {
	var b strings.Builder
	res := Run(req, t)
	for _, x := range res.Exchanges {
		what := "request"
		if x.Preflight {
			what = "preflight"
		}
		fmt.Fprintf(&b, "%s: %s %s\n", what, x.Request.Method, x.Request.URL)
		for _, name := range []string{"Origin", "Sec-Fetch-Site", "Access-Control-Request-Method", "Access-Control-Request-Headers"} {
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
	var fe *Error
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
		} else if refusedWrite(res) {
			b.WriteString("server: 403 to a cross-origin write, without a CORS grant: the server refuses the write itself " +
				"(cross-origin write protection, such as corsa's crossOriginProtection or Go's http.CrossOriginProtection), " +
				"so its handler most likely did not run, and a form post from this page is refused too\n")
		}
		fix := serverFix(req, fe)
		if refusedWrite(res) {
			fix = "the server must trust " + req.Origin + " for writes and grant it (Access-Control-Allow-Origin: " + req.Origin +
				"); with corsa, add it to origins, which both read"
		}
		if fix != "" {
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
	if cres := Run(chromium, t); (cres.Err == nil) != (res.Err == nil) {
		if cres.Err == nil {
			b.WriteString("Chromium today: the fetch succeeds, departing from the Fetch Standard (Authorization under a wildcard, or a dropped User-Agent); expect it to fail when Chromium follows the standard\n")
		} else {
			fmt.Fprintf(&b, "Chromium today: blocked: %v\n", cres.Err)
		}
	}
	if n := len(res.Exchanges); n > 0 && !res.Exchanges[n-1].Preflight {
		if err := CheckCacheSafe(req, res.Exchanges[n-1].Response); err != nil {
			fmt.Fprintf(&b, "cache: %v\n", err)
		}
	}
	return b.String(), ok, nil
}

// refusedWrite reports a fetch whose last request, a write (neither GET
// nor HEAD), was answered 403 without Access-Control-Allow-Origin: the
// answer of a cross-origin write protection, which refuses before any
// CORS middleware grants.
func refusedWrite(res Result) bool {
	if len(res.Exchanges) == 0 {
		return false
	}
	x := res.Exchanges[len(res.Exchanges)-1]
	_, granted := x.Response.Get("Access-Control-Allow-Origin")
	return !x.Preflight && x.Response.Status == http.StatusForbidden && !granted &&
		x.Request.Method != http.MethodGet && x.Request.Method != http.MethodHead
}

// relevant reports the response headers a probe shows.
func relevant(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "access-control-") || n == "vary" || n == "location" || n == "cache-control"
}

// serverFix says what the server must send instead.
func serverFix(req Request, e *Error) string {
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
	case strings.Contains(msg, "No 'Access-Control-Allow-Origin'") && e.Preflight:
		// A server that refuses a preflight, for its origin, method or
		// one header, may send no grant at all (corsa does): name all.
		allow := []string{"the page's origin " + req.Origin}
		if m := req.NormalizedMethod(); !safelistedMethod(m) {
			allow = append(allow, "the method "+m)
		}
		if names := req.UnsafeHeaderNames(); len(names) > 0 {
			allow = append(allow, "the headers "+strings.Join(names, ", "))
		}
		return "the server must allow " + strings.Join(allow, ", ") + ": it refused the preflight without saying which"
	case strings.Contains(msg, "No 'Access-Control-Allow-Origin'"):
		return "the server must grant the page's origin: Access-Control-Allow-Origin: " + req.Origin
	case strings.Contains(msg, "not equal to the supplied origin"):
		return "the server must echo the page's origin exactly: " + req.Origin
	}
	return ""
}
