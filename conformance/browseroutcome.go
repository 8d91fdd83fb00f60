package conformance

import (
	"net/http"

	"github.com/corsa-go/corsa/internal/fetch"
)

// This file is the browser-outcome checker for net/http types: it judges
// responses the way a browser does, following the Fetch Standard
// (https://fetch.spec.whatwg.org/) rather than corsa's own byte-level
// choices (SPEC.md §8), so that two servers that answer differently get
// the same verdict when a browser cannot tell them apart. The checker
// itself is corsa's one implementation, the one behind Policy.Explain and
// the corsa command's explain and probe, which the browser tests hold to
// what Chromium does; these functions only translate to and from it.

// BrowserRequest is a cross-origin request as a browser sends it, the input
// of the browser-outcome checks (CheckPreflight, CheckRead, ExposedHeaders,
// CheckCacheSafe).
type BrowserRequest struct {
	// Method is the request's method. fetch() upper-cases DELETE, GET,
	// HEAD, OPTIONS, POST and PUT in any spelling; other methods go out
	// exactly as written.
	Method string
	// URL is the request's URL.
	URL string
	// Origin is the serialized origin of the page: "https://app.example",
	// or "null" for an opaque origin such as a sandboxed iframe's. Empty
	// means the browser sends no Origin header (a same-origin GET, a
	// navigation): such a request is not a CORS request.
	Origin string
	// Credentials reports that the request's credentials mode is
	// "include" (fetch(url, {credentials: "include"})).
	Credentials bool
	// Header holds the request headers the script set (its "author request
	// headers"), not those the browser adds itself. A forbidden request
	// header (Cookie, Sec-*, Proxy-*, ...) is dropped, as browsers drop
	// it.
	Header http.Header
}

func (r BrowserRequest) fetch() fetch.Request {
	return fetch.Request{Method: r.Method, URL: r.URL, Origin: r.Origin, Credentials: r.Credentials, Header: r.Header}
}

// response is resp as the checker reads it.
func response(resp *http.Response) *fetch.Response {
	return fetch.FromHTTP(resp.StatusCode, resp.Header)
}

// orNil keeps a nil *fetch.Error a nil error.
func orNil(err *fetch.Error) error {
	if err == nil {
		return nil
	}
	return err
}

// NeedsPreflight reports whether a browser sends a preflight before r:
// when its method is not CORS-safelisted (GET, HEAD, POST) or it carries a
// header that is not CORS-safelisted (Fetch, HTTP fetch step 4.1).
func (r BrowserRequest) NeedsPreflight() bool { return r.fetch().NeedsPreflight() }

// UnsafeHeaderNames returns the names of r's CORS-unsafe request headers,
// lower-cased, sorted and without duplicates: the names a browser lists in
// Access-Control-Request-Headers (Fetch, "CORS-unsafe request-header
// names").
func (r BrowserRequest) UnsafeHeaderNames() []string { return r.fetch().UnsafeHeaderNames() }

// CheckPreflight reports why a browser would fail the preflight for r
// given its response, or nil when the preflight passes (Fetch,
// CORS-preflight fetch step 7): a CORS check that passes, an ok status
// (2xx), the method covered by Access-Control-Allow-Methods and every
// CORS-unsafe header by Access-Control-Allow-Headers. The error is worded
// as Chromium's console words it.
func CheckPreflight(r BrowserRequest, preflight *http.Response) error {
	return orNil(fetch.CheckPreflight(r.fetch(), response(preflight)))
}

// CheckRead reports why a script could not read resp, or nil when it can:
// Fetch's CORS check. Access-Control-Allow-Origin, all its lines combined,
// must be "*" without credentials or exactly r's origin, and with
// credentials Access-Control-Allow-Credentials must be exactly "true". A
// request without Origin is not a CORS request and is always readable.
func CheckRead(r BrowserRequest, resp *http.Response) error {
	return orNil(fetch.CheckRead(r.fetch(), response(resp)))
}

// ExposedHeaders returns the lower-cased names of the headers of resp that
// a script can read with response.headers.get, sorted, or nil when it can
// read none (CheckRead fails). They are the CORS-safelisted response
// headers and those Access-Control-Expose-Headers names ("*" naming all
// only without credentials), never Set-Cookie. A request without Origin
// reads every header but Set-Cookie.
func ExposedHeaders(r BrowserRequest, resp *http.Response) []string {
	return fetch.ExposedNames(r.fetch(), response(resp))
}

// CheckCacheSafe reports why a cache could hand resp, made for r, to a
// request from another origin, or nil when none can. It assumes resp
// comes from a route that answers CORS requests: the only answer that is
// the same for every origin is Access-Control-Allow-Origin "*"; any other
// answer, including none, depends on Origin, and must carry Vary: Origin
// (or Vary: *) when a cache may store it. Two caches count: a shared one
// stores a GET or HEAD response by default unless it is no-store or
// private (RFC 9111 §3), and the browser's own, which also stores private
// responses and reuses one while it is fresh, for a request from another
// origin too.
func CheckCacheSafe(r BrowserRequest, resp *http.Response) error {
	return fetch.CheckCacheSafe(r.fetch(), response(resp))
}
