package conformance

import (
	"slices"
	"strconv"
	"strings"
)

// Tier says what kind of promise a case checks, and so how a library other
// than corsa is judged on it. corsa's own adapters must pass every tier,
// byte for byte.
type Tier string

const (
	// TierBrowser cases send a request a browser can send and check the
	// outcome a browser sees: does the preflight pass, can the script read
	// the response, which headers are exposed, may a shared cache serve it
	// to another origin. The case's exact headers are corsa's answer; another
	// library's answer may differ and still give the browser the same
	// outcome.
	TierBrowser Tier = "browser"

	// TierConfig cases check that a configuration SPEC.md §5 forbids is
	// refused when the server is built. No request is sent.
	TierConfig Tier = "config"

	// TierHardening cases send input no browser sends (malformed, repeated
	// or oversized headers, origins no URL serializes to, requests only a
	// script outside a browser makes) and check that it is refused or
	// ignored safely.
	TierHardening Tier = "hardening"

	// TierCorsa cases check corsa's own choices where Fetch leaves the
	// choice to the server: 403 on a refused preflight, 204 on an allowed
	// one, the full method list, configured spelling and order, Vary on
	// preflights, Max-Age and Private Network Access headers. Another
	// library that differs here is not wrong.
	TierCorsa Tier = "corsa"
)

// Tiers lists every tier, in the order a report shows them.
var Tiers = []Tier{TierBrowser, TierConfig, TierHardening, TierCorsa}

// tierOf is the tier of a case that does not name one: config for a policy
// that must be refused, hardening for a request no browser sends, browser
// otherwise. Cases that check one of corsa's choices say TierCorsa
// themselves.
func tierOf(c Case) Tier {
	switch {
	case c.Tier != "":
		return c.Tier
	case c.Want.Rejected:
		return TierConfig
	case !browserSends(c.Request):
		return TierHardening
	}
	return TierBrowser
}

// maxBrowserRequest bounds the header block a page's fetch produces in
// practice; larger requests in the suite are attacks on the parser.
const maxBrowserRequest = 16 << 10

// BrowserSends reports whether a browser's Fetch can produce r, the test
// that puts a case in TierHardening when it does not. A report judging
// cases by browser outcome uses it for TierCorsa cases too, some of which
// check corsa's answer to input no browser sends.
func (r Request) BrowserSends() bool { return browserSends(r) }

// browserSends reports whether a browser's Fetch can produce r: what Fetch
// adds itself (Origin, Access-Control-Request-*) is in the form Fetch
// writes, on one line each, and only where Fetch writes it.
func browserSends(r Request) bool {
	if r.size() > maxBrowserRequest || !browserMethod(r.Method) {
		return false
	}
	values := map[string][]string{}
	for _, h := range r.Header {
		k := strings.ToLower(h[0])
		values[k] = append(values[k], h[1])
	}
	for _, v := range values {
		if len(v) > 1 {
			return false
		}
	}
	get := func(name string) (string, bool) {
		v, ok := values[strings.ToLower(name)]
		if !ok {
			return "", false
		}
		return v[0], true
	}
	origin, hasOrigin := get("Origin")
	switch {
	case !hasOrigin:
		// Fetch sends Origin on every request but a same-origin GET or HEAD.
		return (r.Method == "GET" || r.Method == "HEAD") && len(values) == 0
	case !serializedOrigin(origin):
		return false
	}
	acrm, preflight := get("Access-Control-Request-Method")
	if !preflight {
		return len(values) == 1 // a script cannot set Access-Control-* request headers
	}
	if r.Method != "OPTIONS" || !browserMethod(acrm) {
		return false
	}
	if list, ok := get("Access-Control-Request-Headers"); ok && !browserHeaderList(list) {
		return false
	}
	if pna, ok := get("Access-Control-Request-Private-Network"); ok && pna != "true" {
		return false
	}
	return true
}

// browserMethod reports whether Fetch sends m as a method: a token, not a
// forbidden method, and upper case if it is one of the methods Fetch
// normalizes ("put" is sent as "PUT", "patch" as is).
func browserMethod(m string) bool {
	if m == "" || strings.ContainsFunc(m, func(r rune) bool { return !isTokenChar(r) }) {
		return false
	}
	up := strings.ToUpper(m)
	switch up {
	case "CONNECT", "TRACE", "TRACK":
		return false
	case "DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT":
		return m == up
	}
	return true
}

// browserHeaderList reports whether list is in the form Fetch writes
// Access-Control-Request-Headers: lower-case names, sorted, without
// duplicates, joined by "," alone, none of them forbidden.
func browserHeaderList(list string) bool {
	names := strings.Split(list, ",")
	for i, n := range names {
		if n == "" || n != strings.ToLower(n) || strings.ContainsFunc(n, func(r rune) bool { return !isTokenChar(r) }) {
			return false
		}
		if i > 0 && names[i-1] >= n {
			return false
		}
		if slices.Contains(forbiddenRequestHeaders, n) || strings.HasPrefix(n, "sec-") || strings.HasPrefix(n, "proxy-") {
			return false
		}
	}
	return true
}

// forbiddenRequestHeaders are Fetch's forbidden request-header names that a
// case might list; a script cannot set them.
var forbiddenRequestHeaders = []string{"cookie", "host", "origin", "referer", "connection", "content-length"}

// serializedOrigin reports whether o is an origin as a browser serializes
// it: "null", or a lower-case http(s) scheme, a lower-case ASCII host of
// DNS-sized labels, and a port only when it is not the scheme's default,
// written without leading zeros.
func serializedOrigin(o string) bool {
	if o == "null" {
		return true
	}
	scheme, rest, ok := strings.Cut(o, "://")
	if !ok || (scheme != "http" && scheme != "https") {
		return false
	}
	host, port, hasPort := strings.Cut(rest, ":")
	if hasPort {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 || strconv.Itoa(n) != port ||
			(scheme == "http" && n == 80) || (scheme == "https" && n == 443) {
			return false
		}
	}
	if host == "" || len(host) > 253 {
		return false
	}
	// An empty label (".example.com", "a..example.com") is no DNS name,
	// so no page is served from such an origin; a trailing dot, the fully
	// qualified form, is.
	for label := range strings.SplitSeq(strings.TrimSuffix(host, "."), ".") {
		if len(label) > 63 || label == "" {
			return false
		}
	}
	return !strings.ContainsFunc(host, func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '.' && r != '-' && r != '_'
	})
}

// isTokenChar reports whether r may appear in an HTTP token (RFC 9110).
func isTokenChar(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	}
	return strings.ContainsRune("!#$%&'*+-.^_`|~", r)
}
