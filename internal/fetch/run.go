package fetch

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// Transport sends one request as the browser puts it on the wire and
// returns the response as the browser parses it, without following a
// redirect.
type Transport func(*http.Request) (*Response, error)

// Exchange is one request a browser sent for a fetch(), and its answer.
type Exchange struct {
	Request   *http.Request
	Response  *Response
	Preflight bool
}

// Result is what a page's fetch() comes to.
type Result struct {
	// Exchanges are the requests the browser sent, in order: preflights,
	// the request, and each redirect's next request.
	Exchanges []Exchange
	// Err is why fetch() rejects, or why the script cannot read the
	// response; nil when it can. An *Error for a CORS failure.
	Err error
	// Readable and Unreadable split Request.Read (see Readable).
	Readable, Unreadable []string
}

// maxRedirects is Fetch's redirect limit.
const maxRedirects = 20

// Run plays r as a browser's fetch() does, through t: a CORS-preflight
// request first when r needs one, then the request, then each redirect
// (Fetch, "HTTP-redirect fetch"): the CORS check runs on every response
// of a CORS request, a redirect to another origin from one not the page's
// sends "Origin: null" from then on, 301 and 302 turn a POST into a GET
// and 303 anything but HEAD, and each new request is preflighted again
// when it needs it. A preflight that is redirected fails.
func Run(r Request, t Transport) Result {
	var res Result
	method, headers := r.NormalizedMethod(), r.Sent()
	origin := r.Origin
	cur, err := url.Parse(r.URL)
	if err != nil {
		res.Err = fmt.Errorf("invalid URL %q: %w", r.URL, err)
		return res
	}
	tainted, cors := false, false
	// Sec-Fetch-Site is the farthest relation of any URL of the chain to
	// the page (Fetch Metadata): one cross-site hop makes the rest
	// cross-site.
	site := siteSameOrigin
	for hop := 0; ; hop++ {
		if hop > maxRedirects {
			res.Err = errors.New("too many redirects")
			return res
		}
		// Once a request left the page's origin, every later response is
		// CORS-checked (Fetch's response tainting "cors" sticks).
		cors = cors || origin != "" && !sameOrigin(origin, cur)
		sent := origin
		if tainted {
			sent = "null"
		}
		// The request as judged at this hop: its origin as sent now.
		at := r
		at.Method, at.Header, at.Origin = method, headers, ""
		if cors {
			at.Origin = sent
		}
		if origin != "" {
			site = max(site, siteOf(origin, cur))
		}
		if cors && at.NeedsPreflight() {
			pre := preflightRequest(cur, sent, method, at.UnsafeHeaderNames())
			setFetchMetadata(pre, origin, site)
			resp, err := t(pre)
			if err != nil {
				res.Err = err
				return res
			}
			res.Exchanges = append(res.Exchanges, Exchange{pre, resp, true})
			if isRedirect(resp.Status) {
				res.Err = &Error{Preflight: true, Message: "Redirect is not allowed for a preflight request.", access: true}
				return res
			}
			if e := CheckPreflight(at, resp); e != nil {
				res.Err = e
				return res
			}
		}
		req := &http.Request{Method: method, URL: cur, Header: headers.Clone(), Host: cur.Host}
		if cors || method != "GET" && method != "HEAD" && origin != "" {
			req.Header.Set("Origin", sent)
		}
		setFetchMetadata(req, origin, site)
		resp, err := t(req)
		if err != nil {
			res.Err = err
			return res
		}
		res.Exchanges = append(res.Exchanges, Exchange{req, resp, false})
		if cors {
			if e := CheckRead(at, resp); e != nil {
				res.Err = e
				return res
			}
		}
		loc, hasLoc := resp.Get("Location")
		if !isRedirect(resp.Status) || !hasLoc {
			res.Readable, res.Unreadable = Readable(at, resp)
			return res
		}
		next, err := cur.Parse(loc)
		if err != nil {
			res.Err = fmt.Errorf("invalid Location %q: %w", loc, err)
			return res
		}
		if cors && next.User != nil {
			res.Err = &Error{Message: fmt.Sprintf("Redirect location '%s' contains a username and password, which is disallowed for cross-origin requests.", next)}
			return res
		}
		if origin != "" && !sameOrigin(originOf(cur), next) && !sameOrigin(origin, cur) {
			tainted = true
		}
		if resp.Status == 303 && method != "HEAD" || (resp.Status == 301 || resp.Status == 302) && method == "POST" {
			method = "GET"
			headers = headers.Clone()
			for _, h := range []string{"Content-Type", "Content-Encoding", "Content-Language", "Content-Location"} {
				headers.Del(h)
			}
		}
		cur = next
	}
}

// preflightRequest is the CORS-preflight request for method and the
// CORS-unsafe header names, from origin to u: no credentials, and only
// the preflight's own headers besides what the browser always sends.
func preflightRequest(u *url.URL, origin, method string, names []string) *http.Request {
	h := http.Header{"Origin": {origin}, "Access-Control-Request-Method": {method}}
	if len(names) > 0 {
		h["Access-Control-Request-Headers"] = []string{strings.Join(names, ",")}
	}
	return &http.Request{Method: "OPTIONS", URL: u, Header: h, Host: u.Host}
}

// setFetchMetadata sets the Sec-Fetch-Site a browser sends with r from
// a page of origin: only to a potentially trustworthy URL, and only when
// the page's origin is known.
func setFetchMetadata(r *http.Request, origin string, site int) {
	if origin != "" && trustworthy(r.URL) {
		r.Header.Set("Sec-Fetch-Site", siteNames[site])
	}
}

func isRedirect(status int) bool {
	return slices.Contains([]int{301, 302, 303, 307, 308}, status)
}

// originOf serializes u's origin: scheme://host[:port], without the
// scheme's default port.
func originOf(u *url.URL) string {
	host, port := u.Hostname(), u.Port()
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	scheme := strings.ToLower(u.Scheme)
	if port == "" || scheme == "http" && port == "80" || scheme == "https" && port == "443" {
		return scheme + "://" + strings.ToLower(host)
	}
	return scheme + "://" + strings.ToLower(host) + ":" + port
}

// sameOrigin reports whether origin, serialized, is u's origin.
func sameOrigin(origin string, u *url.URL) bool { return origin == originOf(u) }
