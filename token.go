package corsa

import "strings"

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
