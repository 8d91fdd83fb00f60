package fetch

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Request is a cross-origin request as a page's script makes it.
type Request struct {
	// Method is the method as the script wrote it; fetch() upper-cases
	// DELETE, GET, HEAD, OPTIONS, POST and PUT in any spelling, and sends
	// other methods as written. Empty means GET.
	Method string
	// URL is the request's URL.
	URL string
	// Origin is the serialized origin of the page: "https://app.example",
	// or "null" for an opaque origin. Empty means no Origin header: not a
	// CORS request.
	Origin string
	// Credentials reports credentials mode "include"
	// (fetch(url, {credentials: "include"})).
	Credentials bool
	// Header holds the request headers the script set (its author request
	// headers), not those the browser adds.
	Header http.Header
	// Read names the response headers the script reads
	// (response.headers.get(name)).
	Read []string
	// Chromium judges as current Chromium does where it knowingly departs
	// from Fetch: it drops a User-Agent set by the script instead of
	// sending it, and lets Access-Control-Allow-Headers "*" cover
	// Authorization (with a deprecation warning). Fetch's verdict is the
	// default.
	Chromium bool
}

// NormalizedMethod is r's method as fetch() sends it (Fetch, "normalize").
func (r Request) NormalizedMethod() string {
	for _, m := range []string{"DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"} {
		if strings.EqualFold(r.Method, m) {
			return m
		}
	}
	if r.Method == "" {
		return http.MethodGet
	}
	return r.Method
}

// NeedsPreflight reports whether a browser sends a preflight before r:
// its method is not CORS-safelisted (GET, HEAD, POST) or it carries a
// CORS-unsafe request header (Fetch, HTTP fetch step 4.1).
func (r Request) NeedsPreflight() bool {
	return r.Origin != "" && (!safelistedMethod(r.NormalizedMethod()) || len(r.UnsafeHeaderNames()) > 0)
}

// Sent returns the author request headers a browser sends: all but the
// forbidden request-headers, which Fetch drops without an error (and, for
// Chromium, User-Agent).
func (r Request) Sent() http.Header {
	h := http.Header{}
	for name, values := range r.Header {
		for _, v := range values {
			if !Forbidden(name, v) && !(r.Chromium && strings.EqualFold(name, "User-Agent")) {
				h.Add(name, v)
			}
		}
	}
	return h
}

// UnsafeHeaderNames returns the names of r's CORS-unsafe request headers,
// lower-cased, sorted and without duplicates: what a browser lists in
// Access-Control-Request-Headers (Fetch, "CORS-unsafe request-header
// names"). Forbidden headers are not sent, so they are never listed.
func (r Request) UnsafeHeaderNames() []string {
	var unsafe, potentially []string
	size := 0
	for name, values := range r.Sent() {
		lower := strings.ToLower(name)
		for _, v := range values {
			if !SafelistedRequestHeader(lower, v) {
				unsafe = append(unsafe, lower)
			} else {
				potentially = append(potentially, lower)
				size += len(v)
			}
		}
	}
	// Safelisted values count together: past 1024 bytes, all are unsafe.
	if size > 1024 {
		unsafe = append(unsafe, potentially...)
	}
	slices.Sort(unsafe)
	return slices.Compact(unsafe)
}

// Forbidden reports a forbidden request-header (Fetch): one a script can
// set but a browser never sends: Cookie, Host, Sec-* and Proxy-* names
// among others, and the method-override headers when they name a
// forbidden method.
func Forbidden(name, value string) bool {
	lower := strings.ToLower(name)
	switch lower {
	case "accept-charset", "accept-encoding", "access-control-request-headers",
		"access-control-request-method", "connection", "content-length", "cookie",
		"cookie2", "date", "dnt", "expect", "host", "keep-alive", "origin", "referer",
		"set-cookie", "te", "trailer", "transfer-encoding", "upgrade", "via":
		return true
	case "x-http-method", "x-http-method-override", "x-method-override":
		for m := range strings.SplitSeq(value, ",") {
			switch strings.ToUpper(strings.Trim(m, " \t")) {
			case "CONNECT", "TRACE", "TRACK":
				return true
			}
		}
		return false
	}
	return strings.HasPrefix(lower, "proxy-") || strings.HasPrefix(lower, "sec-")
}

func safelistedMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodPost
}

// SafelistedRequestHeader reports whether a script may send lower: value
// without a preflight (Fetch, "CORS-safelisted request-header").
func SafelistedRequestHeader(lower, value string) bool {
	if len(value) > 128 {
		return false
	}
	switch lower {
	case "accept":
		return !strings.ContainsFunc(value, unsafeByte)
	case "accept-language", "content-language":
		return !strings.ContainsFunc(value, func(c rune) bool {
			return !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || strings.ContainsRune(" *,-.;=", c))
		})
	case "content-type":
		if strings.ContainsFunc(value, unsafeByte) {
			return false
		}
		essence, _, _ := strings.Cut(value, ";")
		essence = strings.ToLower(strings.Trim(essence, " \t\r\n"))
		return essence == "application/x-www-form-urlencoded" || essence == "multipart/form-data" || essence == "text/plain"
	case "range":
		return singleRange(value)
	}
	return false
}

// unsafeByte is Fetch's "CORS-unsafe request-header byte".
func unsafeByte(c rune) bool {
	return c < 0x20 && c != '\t' || c == 0x7f || strings.ContainsRune(`"():<>?@[\]{}`, c)
}

// singleRange reports whether v is one "bytes=start-[end]" range (Fetch,
// "parse a single range header value"): the unit in lower case, as
// Chromium requires it too.
func singleRange(v string) bool {
	spec, ok := strings.CutPrefix(v, "bytes=")
	if !ok {
		return false
	}
	start, end, ok := strings.Cut(spec, "-")
	if !ok || !digits(start) || end != "" && !digits(end) {
		return false
	}
	if end == "" {
		return true
	}
	s, err1 := strconv.ParseUint(start, 10, 64)
	e, err2 := strconv.ParseUint(end, 10, 64)
	return err1 == nil && err2 == nil && s <= e
}

func digits(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(c rune) bool { return c < '0' || c > '9' })
}
