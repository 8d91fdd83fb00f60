package fetch

import (
	"fmt"
	"slices"
	"strings"
)

// Error is why a browser fails a CORS request, worded as Chromium's
// console words it.
type Error struct {
	// Preflight reports that the preflight failed: the request itself
	// was never sent.
	Preflight bool
	// Message is Chromium's wording of the failed check.
	Message string

	// access: a failure of the preflight's access control check (its
	// CORS check, status or a redirect), which Chromium words with a
	// prefix that its method and header checks do not have.
	access bool
}

func (e *Error) Error() string {
	if e.access {
		return "Response to preflight request doesn't pass access control check: " + e.Message
	}
	return e.Message
}

// Console is the line Chromium's console prints for a fetch() to url
// from origin that fails with e.
func (e *Error) Console(url, origin string) string {
	return fmt.Sprintf("Access to fetch at '%s' from origin '%s' has been blocked by CORS policy: %s", url, origin, e.Error())
}

func fail(preflight bool, format string, args ...any) *Error {
	return &Error{Preflight: preflight, Message: fmt.Sprintf(format, args...), access: preflight}
}

// CheckRead is Fetch's CORS check: it returns why a script could not read
// resp, or nil when it can. Access-Control-Allow-Origin, all its lines
// combined, must be "*" without credentials or exactly r's origin, and with
// credentials Access-Control-Allow-Credentials must be exactly "true". A
// request without Origin is not a CORS request and is always readable.
func CheckRead(r Request, resp *Response) *Error {
	return corsCheck(r, resp, false)
}

func corsCheck(r Request, resp *Response, preflight bool) *Error {
	if r.Origin == "" {
		return nil
	}
	acao, ok := resp.Get("Access-Control-Allow-Origin")
	switch {
	case !ok:
		msg := "No 'Access-Control-Allow-Origin' header is present on the requested resource."
		if !preflight {
			msg += " If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled."
		}
		return fail(preflight, "%s", msg)
	case acao == "*" && !r.Credentials:
		return nil
	case acao == "*":
		return fail(preflight, "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.")
	case acao != r.Origin && strings.ContainsAny(acao, " ,"):
		return fail(preflight, "The 'Access-Control-Allow-Origin' header contains multiple values '%s', but only one is allowed.", acao)
	case acao != r.Origin:
		return fail(preflight, "The 'Access-Control-Allow-Origin' header has a value '%s' that is not equal to the supplied origin.", acao)
	case !r.Credentials:
		return nil
	}
	if acac, _ := resp.Get("Access-Control-Allow-Credentials"); acac != "true" {
		return fail(preflight, "The value of the 'Access-Control-Allow-Credentials' header in the response is '%s' which must be 'true' when the request's credentials mode is 'include'.", acac)
	}
	return nil
}

// CheckPreflight returns why a browser fails the preflight for r given
// its response, or nil when it passes (Fetch, CORS-preflight fetch): the
// CORS check, an ok status (2xx), the method covered by
// Access-Control-Allow-Methods and every CORS-unsafe header by
// Access-Control-Allow-Headers. A redirect fails it: see Run.
func CheckPreflight(r Request, resp *Response) *Error {
	return CheckPreflightFor(r, r.UnsafeHeaderNames(), resp)
}

// CheckPreflightFor is CheckPreflight for a preflight that asked for the
// header names asked (its Access-Control-Request-Headers, split) rather
// than for those r's headers make unsafe: for judging a preflight as it
// was sent, which a browser may not have written (one naming a forbidden
// header, say), by what a browser would do with the answer.
func CheckPreflightFor(r Request, asked []string, resp *Response) *Error {
	if err := corsCheck(r, resp, true); err != nil {
		return err
	}
	if resp.Status < 200 || resp.Status > 299 {
		return fail(true, "It does not have HTTP ok status.")
	}
	methods, ok := listValues(resp, "Access-Control-Allow-Methods")
	if !ok {
		return &Error{Preflight: true, Message: "Cannot parse Access-Control-Allow-Methods response header field in preflight response."}
	}
	names, ok := listValues(resp, "Access-Control-Allow-Headers")
	if !ok {
		return &Error{Preflight: true, Message: "Cannot parse Access-Control-Allow-Headers response header field in preflight response."}
	}
	// Methods compare byte for byte, header names case-insensitively; "*"
	// is a wildcard only without credentials.
	m := r.NormalizedMethod()
	if !slices.Contains(methods, m) && !safelistedMethod(m) && (r.Credentials || !slices.Contains(methods, "*")) {
		return &Error{Preflight: true, Message: "Method " + m + " is not allowed by Access-Control-Allow-Methods in preflight response."}
	}
	for _, name := range asked {
		name = strings.ToLower(name)
		if listedFold(names, name) {
			continue
		}
		// "*" covers nothing under credentials, and never Authorization
		// (a CORS non-wildcard request-header name), but in Chromium,
		// which still lets it with a deprecation warning.
		if !r.Credentials && slices.Contains(names, "*") && (name != "authorization" || r.Chromium) {
			continue
		}
		return &Error{Preflight: true, Message: "Request header field " + name + " is not allowed by Access-Control-Allow-Headers in preflight response."}
	}
	return nil
}

// Readable returns which of the names r.Read a script can read from resp
// with response.headers.get, and which it cannot (get returns null): a
// CORS-safelisted response header, one Access-Control-Expose-Headers
// names ("*" naming all only without credentials), never Set-Cookie. A
// request without Origin reads every header but Set-Cookie; a response
// that fails the CORS check reads none.
func Readable(r Request, resp *Response) (readable, unreadable []string) {
	if CheckRead(r, resp) != nil {
		return nil, slices.Clone(r.Read)
	}
	exposed, ok := listValues(resp, "Access-Control-Expose-Headers")
	all := r.Origin == "" || ok && !r.Credentials && slices.Contains(exposed, "*")
	for _, name := range r.Read {
		lower := strings.ToLower(name)
		_, present := resp.Get(name)
		switch {
		case lower == "set-cookie" || lower == "set-cookie2", !present:
			unreadable = append(unreadable, name)
		case all, safelistedResponseHeader(lower), ok && listedFold(exposed, lower):
			readable = append(readable, name)
		default:
			unreadable = append(unreadable, name)
		}
	}
	return readable, unreadable
}

// ExposedNames returns the lower-cased names of resp's headers a script
// can read, sorted; nil when it can read none.
func ExposedNames(r Request, resp *Response) []string {
	var all []string
	for _, f := range resp.Fields {
		all = append(all, strings.ToLower(f.Name))
	}
	slices.Sort(all)
	r.Read = slices.Compact(all)
	readable, _ := Readable(r, resp)
	return readable
}

func safelistedResponseHeader(lower string) bool {
	switch lower {
	case "cache-control", "content-language", "content-length", "content-type", "expires", "last-modified", "pragma":
		return true
	}
	return false
}

// listValues is Fetch's "extracting header list values": the
// comma-separated elements of every line of name, empty ones skipped, and
// false when an element is not a token (the browser then fails).
func listValues(resp *Response, name string) ([]string, bool) {
	var out []string
	for _, line := range resp.Values(name) {
		for v := range strings.SplitSeq(line, ",") {
			v = strings.Trim(v, " \t")
			if v == "" {
				continue
			}
			if !isToken(v) {
				return nil, false
			}
			out = append(out, v)
		}
	}
	return out, true
}

func isToken(s string) bool {
	return !strings.ContainsFunc(s, func(c rune) bool {
		return c <= ' ' || c >= 0x7f || strings.ContainsRune(`"(),/:;<=>?@[\]{}`, c)
	})
}

func listedFold(list []string, name string) bool {
	return slices.ContainsFunc(list, func(e string) bool { return strings.EqualFold(e, name) })
}
