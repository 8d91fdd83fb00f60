package conformance

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// This file judges responses the way a browser does, following the Fetch
// Standard (https://fetch.spec.whatwg.org/) rather than corsa's own
// byte-level choices (SPEC.md §8): two servers that answer differently get the same
// verdict when a browser cannot tell them apart. The steps cited are those
// of Fetch's "CORS check", "CORS-preflight fetch", "CORS-safelisted
// request-header" and "CORS-safelisted response-header name" definitions,
// and of RFC 9111 §3 for what a shared cache stores.

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
	// headers"), not those the browser adds itself.
	Header http.Header
}

// method is r.Method as fetch() normalizes it.
func (r BrowserRequest) method() string {
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
// when its method is not CORS-safelisted (GET, HEAD, POST) or it carries a
// header that is not CORS-safelisted (Fetch, HTTP fetch step 4.1).
func (r BrowserRequest) NeedsPreflight() bool {
	return r.Origin != "" && (!corsSafelistedMethod(r.method()) || len(r.UnsafeHeaderNames()) > 0)
}

// UnsafeHeaderNames returns the names of r's CORS-unsafe request headers,
// lower-cased, sorted and without duplicates: the names a browser lists in
// Access-Control-Request-Headers (Fetch, "CORS-unsafe request-header
// names").
func (r BrowserRequest) UnsafeHeaderNames() []string {
	var unsafe, potentially []string
	size := 0
	for name, values := range r.Header {
		lower := strings.ToLower(name)
		for _, v := range values {
			if !corsSafelistedRequestHeader(lower, v) {
				unsafe = append(unsafe, lower)
			} else {
				potentially = append(potentially, lower)
				size += len(v)
			}
		}
	}
	// Safelisted values count together: past 1024 bytes, they are all
	// unsafe.
	if size > 1024 {
		unsafe = append(unsafe, potentially...)
	}
	slices.Sort(unsafe)
	return slices.Compact(unsafe)
}

// CheckPreflight reports why a browser would fail the preflight for r
// given its response, or nil when the preflight passes (Fetch,
// CORS-preflight fetch step 7): a CORS check that passes, an ok status
// (2xx), the method covered by Access-Control-Allow-Methods and every
// CORS-unsafe header by Access-Control-Allow-Headers.
func CheckPreflight(r BrowserRequest, preflight *http.Response) error {
	if err := CheckRead(r, preflight); err != nil {
		return fmt.Errorf("preflight: %w", err)
	}
	if preflight.StatusCode < 200 || preflight.StatusCode > 299 {
		return fmt.Errorf("preflight: status %d is not an ok status (2xx)", preflight.StatusCode)
	}
	methods, err := headerListValues(preflight.Header, "Access-Control-Allow-Methods")
	if err != nil {
		return fmt.Errorf("preflight: %w", err)
	}
	headerNames, err := headerListValues(preflight.Header, "Access-Control-Allow-Headers")
	if err != nil {
		return fmt.Errorf("preflight: %w", err)
	}
	// Methods compare byte for byte, header names case-insensitively; "*"
	// is a wildcard only without credentials (step 7.5, 7.7).
	m := r.method()
	if !slices.Contains(methods, m) && !corsSafelistedMethod(m) &&
		(r.Credentials || !slices.Contains(methods, "*")) {
		return fmt.Errorf("preflight: method %s not in Access-Control-Allow-Methods %q", m, methods)
	}
	// Authorization must be named even under "*" (step 7.6).
	for name := range r.Header {
		if strings.EqualFold(name, "Authorization") && !listedFold(headerNames, name) {
			return fmt.Errorf("preflight: Authorization not named in Access-Control-Allow-Headers %q", headerNames)
		}
	}
	for _, name := range r.UnsafeHeaderNames() {
		if !listedFold(headerNames, name) && (r.Credentials || !slices.Contains(headerNames, "*")) {
			return fmt.Errorf("preflight: header %s not in Access-Control-Allow-Headers %q", name, headerNames)
		}
	}
	return nil
}

// CheckRead reports why a script could not read resp, or nil when it can:
// Fetch's CORS check. Access-Control-Allow-Origin, all its lines combined,
// must be "*" without credentials or exactly r's origin, and with
// credentials Access-Control-Allow-Credentials must be exactly "true". A
// request without Origin is not a CORS request and is always readable.
func CheckRead(r BrowserRequest, resp *http.Response) error {
	if r.Origin == "" {
		return nil
	}
	// "Get" joins repeated lines with ", ": two lines never match an
	// origin (steps 1 and 4).
	acao, ok := combined(resp.Header, "Access-Control-Allow-Origin")
	switch {
	case !ok:
		return errors.New("no Access-Control-Allow-Origin")
	case acao == "*" && !r.Credentials:
		return nil
	case acao == "*":
		return errors.New(`Access-Control-Allow-Origin "*" with credentials`)
	case acao != r.Origin:
		return fmt.Errorf("Access-Control-Allow-Origin %q does not match origin %q", acao, r.Origin)
	case !r.Credentials:
		return nil
	}
	if acac, _ := combined(resp.Header, "Access-Control-Allow-Credentials"); acac != "true" {
		return fmt.Errorf(`Access-Control-Allow-Credentials %q with credentials, want "true"`, acac)
	}
	return nil
}

// ExposedHeaders returns the lower-cased names of the headers of resp that
// a script can read with response.headers.get, sorted, or nil when it can
// read none (CheckRead fails). They are the CORS-safelisted response
// headers and those Access-Control-Expose-Headers names ("*" naming all
// only without credentials), never Set-Cookie. A request without Origin
// reads every header but Set-Cookie.
func ExposedHeaders(r BrowserRequest, resp *http.Response) []string {
	if CheckRead(r, resp) != nil {
		return nil
	}
	listed, err := headerListValues(resp.Header, "Access-Control-Expose-Headers")
	all := r.Origin == "" || err == nil && !r.Credentials && slices.Contains(listed, "*")
	var out []string
	for name := range resp.Header {
		lower := strings.ToLower(name)
		if lower == "set-cookie" || lower == "set-cookie2" {
			continue
		}
		if all || slices.Contains(safelistedResponseHeaders, lower) || err == nil && listedFold(listed, lower) {
			out = append(out, lower)
		}
	}
	slices.Sort(out)
	return out
}

// CheckCacheSafe reports why a shared cache could hand resp, made for r,
// to a request from another origin, or nil when it cannot. It assumes resp
// comes from a route that answers CORS requests: the only answer that is
// the same for every origin is Access-Control-Allow-Origin "*"; any other
// answer, including none, depends on Origin. Such a response must carry
// Vary: Origin (or Vary: *) when a shared cache may store it by default
// (RFC 9111 §3): a GET or HEAD response without no-store or private,
// explicitly fresh or of a status that is heuristically cacheable (RFC 9110
// §15.1). OPTIONS responses and 403s, for example, are not stored.
func CheckCacheSafe(r BrowserRequest, resp *http.Response) error {
	if acao, _ := combined(resp.Header, "Access-Control-Allow-Origin"); acao == "*" {
		return nil
	}
	if !storable(r, resp) {
		return nil
	}
	for _, tok := range VaryTokens(resp.Header) {
		if tok == "*" || strings.EqualFold(tok, "Origin") {
			return nil
		}
	}
	return fmt.Errorf("a shared cache may store this %d response to %s, whose CORS headers depend on Origin, and it has no Vary: Origin", resp.StatusCode, r.method())
}

// storable reports whether a shared cache may store resp by default.
func storable(r BrowserRequest, resp *http.Response) bool {
	if m := r.method(); m != http.MethodGet && m != http.MethodHead {
		return false
	}
	directives := map[string]bool{}
	for _, line := range resp.Header.Values("Cache-Control") {
		for d := range strings.SplitSeq(line, ",") {
			name, _, _ := strings.Cut(d, "=")
			directives[strings.ToLower(strings.TrimSpace(name))] = true
		}
	}
	if directives["no-store"] || directives["private"] {
		return false
	}
	// A request with Authorization is stored only when the response
	// says so (RFC 9111 §3.5).
	if r.Header.Get("Authorization") != "" && !directives["public"] && !directives["s-maxage"] && !directives["must-revalidate"] {
		return false
	}
	if directives["public"] || directives["max-age"] || directives["s-maxage"] || resp.Header.Get("Expires") != "" {
		return true
	}
	return slices.Contains(heuristicallyCacheable, resp.StatusCode)
}

// heuristicallyCacheable are the statuses RFC 9110 §15.1 lets a cache store
// without explicit freshness.
var heuristicallyCacheable = []int{200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501}

// safelistedResponseHeaders are Fetch's CORS-safelisted response-header
// names, readable without Access-Control-Expose-Headers.
var safelistedResponseHeaders = []string{"cache-control", "content-language", "content-length", "content-type", "expires", "last-modified", "pragma"}

func corsSafelistedMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodPost
}

// corsSafelistedRequestHeader reports whether a script may send name:
// value without a preflight (Fetch, "CORS-safelisted request-header").
func corsSafelistedRequestHeader(lower, value string) bool {
	if len(value) > 128 {
		return false
	}
	switch lower {
	case "accept":
		return !strings.ContainsFunc(value, corsUnsafeByte)
	case "accept-language", "content-language":
		return !strings.ContainsFunc(value, func(c rune) bool {
			return !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || strings.ContainsRune(" *,-.;=", c))
		})
	case "content-type":
		if strings.ContainsFunc(value, corsUnsafeByte) {
			return false
		}
		// Only the essence matters; parameters need not parse the way
		// mime.ParseMediaType wants them.
		essence, _, _ := strings.Cut(value, ";")
		essence = strings.ToLower(strings.Trim(essence, " \t\r\n"))
		return essence == "application/x-www-form-urlencoded" || essence == "multipart/form-data" || essence == "text/plain"
	case "range":
		return simpleRange(value)
	}
	return false
}

// corsUnsafeByte is Fetch's "CORS-unsafe request-header byte".
func corsUnsafeByte(c rune) bool {
	return c < 0x20 && c != '\t' || c == 0x7f || strings.ContainsRune(`"():<>?@[\]{}`, c)
}

// simpleRange reports whether v is a single "bytes=start-[end]" range.
func simpleRange(v string) bool {
	spec, ok := strings.CutPrefix(v, "bytes=")
	if !ok {
		return false
	}
	start, end, ok := strings.Cut(spec, "-")
	if !ok || !allDigits(start) || end != "" && !allDigits(end) {
		return false
	}
	if end == "" {
		return true
	}
	s, err1 := strconv.ParseUint(start, 10, 64)
	e, err2 := strconv.ParseUint(end, 10, 64)
	return err1 == nil && err2 == nil && s <= e
}

func allDigits(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(c rune) bool { return c < '0' || c > '9' })
}

// combined is Fetch's "get": every line of name joined with ", ", and
// whether there was one.
func combined(h http.Header, name string) (string, bool) {
	v := h.Values(name)
	return strings.Join(v, ", "), len(v) > 0
}

// headerListValues is Fetch's "extracting header list values": the
// comma-separated tokens of every line of name, empty elements skipped,
// nil when the header is absent, and an error when an element is not a
// token (a browser then fails the request).
func headerListValues(h http.Header, name string) ([]string, error) {
	var out []string
	for _, line := range h.Values(name) {
		for v := range strings.SplitSeq(line, ",") {
			v = strings.Trim(v, " \t")
			if v == "" {
				continue
			}
			if !isToken(v) {
				return nil, fmt.Errorf("%s: %q is not a token", name, v)
			}
			out = append(out, v)
		}
	}
	return out, nil
}

// isToken reports whether s is an RFC 9110 token.
func isToken(s string) bool {
	return !strings.ContainsFunc(s, func(c rune) bool {
		return c <= ' ' || c >= 0x7f || strings.ContainsRune(`"(),/:;<=>?@[\]{}`, c)
	})
}

// listedFold reports whether list holds name in any case.
func listedFold(list []string, name string) bool {
	return slices.ContainsFunc(list, func(e string) bool { return strings.EqualFold(e, name) })
}
