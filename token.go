package corsa

import "strings"

// tokenChars marks the bytes allowed in an HTTP token (RFC 9110 §5.6.2),
// which method and header names must be.
var tokenChars = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
		t[c-'a'+'A'] = true
	}
	for _, c := range "!#$%&'*+-.^_`|~" {
		t[c] = true
	}
	return t
}()

func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !tokenChars[s[i]] {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// compareFold compares lower, which is already lower-case, with s
// lower-cased, without allocating: the order of sort.Strings on lower-cased
// strings.
func compareFold(lower, s string) int {
	if lower == s { // browsers send lower case: one memory compare
		return 0
	}
	n := min(len(lower), len(s))
	for i := 0; i < n; i++ {
		a, b := lower[i], lowerASCII(s[i])
		if a != b {
			if a < b {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(lower) < len(s):
		return -1
	case len(lower) > len(s):
		return 1
	}
	return 0
}

// forbiddenRequestHeaders are the names scripts can never set (Fetch,
// "forbidden request-header"), lower-cased; names starting with "proxy-" or
// "sec-" are forbidden too.
var forbiddenRequestHeaders = setOf(
	"accept-charset", "accept-encoding", "access-control-request-headers",
	"access-control-request-method", "access-control-request-private-network",
	"connection", "content-length", "cookie", "cookie2", "date", "dnt", "expect",
	"host", "keep-alive", "origin", "referer", "set-cookie", "te", "trailer",
	"transfer-encoding", "upgrade", "via",
)

func isForbiddenRequestHeader(lower string) bool {
	return forbiddenRequestHeaders[lower] ||
		strings.HasPrefix(lower, "proxy-") || strings.HasPrefix(lower, "sec-")
}

// safelistedResponseHeaders are always readable by scripts (Fetch,
// "CORS-safelisted response-header name"), so exposing them does nothing.
var safelistedResponseHeaders = setOf(
	"cache-control", "content-language", "content-length", "content-type",
	"expires", "last-modified", "pragma",
)

// forbiddenResponseHeaders can never be read by scripts, exposed or not.
var forbiddenResponseHeaders = setOf("set-cookie", "set-cookie2")

// forbiddenMethods are never sent by browsers (Fetch, "forbidden method").
var forbiddenMethods = setOf("connect", "trace", "track")

// normalizedMethods are the methods Fetch upper-cases before sending (in
// any case), so any other spelling in a policy could never match.
var normalizedMethods = setOf("delete", "get", "head", "options", "post", "put")

// maxMethodLen bounds a requested method: registered methods are at most
// 17 bytes (UPDATEREDIRECTREF), so anything far longer is hostile.
const maxMethodLen = 64

// isSafelistedMethod reports the CORS-safelisted methods, which never need a
// preflight and never need listing. The comparison is byte for byte: Fetch
// upper-cases these six names, so a lower-case "get" is some other method.
func isSafelistedMethod(m string) bool {
	return m == "GET" || m == "HEAD" || m == "POST"
}

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}
