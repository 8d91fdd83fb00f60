package corsa

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
)

// ErrPathPrefix: a Paths key that is not a literal, clean path prefix
// (see NewPaths), or one that differs from another only in letter case.
var ErrPathPrefix = errors.New("invalid path prefix")

// Paths serves a different Policy for each path prefix, from one
// middleware installed globally: the longest prefix that covers a
// request's path picks the policy, and a path no prefix covers gets no
// CORS headers at all (not even Vary: its answer never depends on Origin).
// Give a "/" entry for a policy that covers every other path.
//
// A prefix covers a path segment by segment: "/api" covers "/api",
// "/api/" and "/api/users", never "/apix". The path compared is the one the
// router routes on, as the middleware receives it (behind
// http.StripPrefix, the stripped one). A path a browser would never send,
// one that is not clean (an empty segment as in "//api", a "." or ".."
// segment, also percent-encoded, a backslash, or an encoded "/" or "\"),
// gets no CORS under any prefix, "/" included: routers disagree on what
// such a path names, so no choice of policy would be safe for all of them.
//
// Reconfigure replaces every entry at once, as Middleware.Reconfigure does
// for one policy. The zero Paths is ready to use and gives no CORS to any
// path.
type Paths struct {
	table atomic.Pointer[[]pathEntry]
}

// pathEntry is one prefix and its policy. A table is sorted longest
// prefix first, so the first entry that covers a path is the longest.
type pathEntry struct {
	prefix string
	policy *Policy
}

// NewPaths validates every entry of m, a map from path prefix to policy,
// and returns the Paths serving them. A prefix starts with "/", is clean,
// has no trailing "/" (but "/" itself), and is literal: no "*", no
// ":param" or "{param}" segment, no percent-encoding or non-ASCII byte,
// which routers compare differently. Two prefixes may not differ only in
// letter case, which case-insensitive routers (fiber's default) cannot tell
// apart. Every problem of every entry is reported at once: a *ConfigError
// whose Field names the prefix (`paths["/api"].origins[0]`), and the
// errors of New wrapped as they are, so errors.Is and errors.As work
// as they do for New.
func NewPaths(m map[string]Config) (*Paths, error) {
	pp := new(Paths)
	if err := pp.Reconfigure(m); err != nil {
		return nil, err
	}
	return pp, nil
}

// MustPaths is NewPaths for policies fixed in code: it panics with
// NewPaths's error.
func MustPaths(m map[string]Config) *Paths {
	pp, err := NewPaths(m)
	if err != nil {
		panic(err)
	}
	return pp
}

// Reconfigure validates m as NewPaths does and, only if every entry is
// valid, serves it from the next request on. Requests in flight finish on
// the policies they started with. On error the current entries stay.
func (pp *Paths) Reconfigure(m map[string]Config) error {
	if len(m) == 0 {
		return &ConfigError{Field: "paths", Rule: ErrPathPrefix,
			Detail: `no prefixes: every request would get no CORS; use "/" for one policy on every path`}
	}
	prefixes := make([]string, 0, len(m))
	for prefix := range m {
		prefixes = append(prefixes, prefix)
	}
	slices.Sort(prefixes) // errors in a stable order
	var errs []error
	table := make([]pathEntry, 0, len(m))
	folded := make(map[string]string, len(m))
	for _, prefix := range prefixes {
		field := fmt.Sprintf("paths[%q]", prefix)
		if detail := checkPrefix(prefix); detail != "" {
			errs = append(errs, &ConfigError{Field: "paths", Value: prefix, Rule: ErrPathPrefix, Detail: detail})
			continue
		}
		lower := strings.ToLower(prefix)
		if other, ok := folded[lower]; ok {
			errs = append(errs, &ConfigError{Field: "paths", Value: prefix, Rule: ErrPathPrefix,
				Detail: fmt.Sprintf("differs from %q only in letter case, which case-insensitive routers (fiber's default) cannot tell apart", other)})
			continue
		}
		folded[lower] = prefix
		p, err := New(m[prefix])
		if err != nil {
			errs = append(errs, prefixErrors(field, err)...)
			continue
		}
		table = append(table, pathEntry{prefix, p})
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	slices.SortFunc(table, func(a, b pathEntry) int { return len(b.prefix) - len(a.prefix) })
	pp.table.Store(&table)
	return nil
}

// prefixErrors names field in each of New's errors: a *ConfigError gets it
// in front of its own Field, anything else is wrapped.
func prefixErrors(field string, err error) []error {
	var errs []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	} else {
		errs = []error{err}
	}
	out := make([]error, 0, len(errs))
	for _, e := range errs {
		if ce, ok := e.(*ConfigError); ok {
			named := *ce
			named.Field = field + "." + ce.Field
			out = append(out, &named)
			continue
		}
		out = append(out, fmt.Errorf("corsa: %s: %w", field, e))
	}
	return out
}

// checkPrefix returns why prefix is not a valid Paths key, or "".
func checkPrefix(prefix string) string {
	switch {
	case prefix == "/":
		return ""
	case !strings.HasPrefix(prefix, "/"):
		return `a prefix is a path, starting with "/"`
	case strings.HasSuffix(prefix, "/"):
		return fmt.Sprintf("drop the trailing %q: %q already covers itself and every path under it", "/", strings.TrimSuffix(prefix, "/"))
	}
	for _, seg := range strings.Split(prefix[1:], "/") {
		if strings.HasPrefix(seg, ":") || strings.ContainsAny(seg, "*{}") {
			return "prefixes are literal, not route patterns: " + `"/api" covers "/api/users/42"`
		}
	}
	for i := 0; i < len(prefix); i++ {
		if c := prefix[i]; !isPathByte(c) {
			return fmt.Sprintf("byte %q is not allowed: routers compare percent-encoded and non-ASCII paths differently (net/http decodes, fiber does not), so such a prefix would match on some and not others", c)
		}
	}
	if !cleanPath(prefix) {
		return `not a clean path (an empty, "." or ".." segment): browsers never send one, and routers disagree on what it names`
	}
	return ""
}

// isPathByte reports whether c may appear unescaped in a prefix: RFC 3986
// pchar without "%", plus "/".
func isPathByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@/", c) >= 0
}

// Policy returns the policy of the longest prefix covering path, or nil
// when none does or path is not clean (see Paths). path is the request
// path as the router routes on it; prefixes compare byte for byte. It
// allocates nothing, and costs one comparison per prefix at most.
func (pp *Paths) Policy(path string) *Policy { return pp.lookup(path, false) }

// PolicyFold is Policy for routers that match paths ignoring ASCII letter
// case, as fiber does unless Config.CaseSensitive is set: "/API/users"
// gets the policy of "/api".
func (pp *Paths) PolicyFold(path string) *Policy { return pp.lookup(path, true) }

// PolicyFor is Policy for an *http.Request, for net/http based routers.
// It uses r.URL.Path, and when the request spelled its path with
// percent-encoding (r.URL.RawPath is set) it also requires the raw path to
// be clean and to pick the same policy, because some routers (chi, echo)
// route on the raw path and others (net/http, gin) on the decoded one.
func (pp *Paths) PolicyFor(r *http.Request) *Policy {
	p := pp.lookup(r.URL.Path, false)
	if p != nil && r.URL.RawPath != "" && pp.lookup(r.URL.RawPath, false) != p {
		return nil
	}
	return p
}

func (pp *Paths) lookup(path string, fold bool) *Policy {
	table := pp.table.Load()
	if table == nil || !cleanPath(path) {
		return nil
	}
	for _, e := range *table {
		if covers(e.prefix, path, fold) {
			return e.policy
		}
	}
	return nil
}

// Handler returns next wrapped in the policy of each request's path (see
// (*Policy).Handler): a request whose path no prefix covers goes to next
// untouched. It reads the current entries for every request, so
// Reconfigure takes effect on the next one.
func (pp *Paths) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p := pp.PolicyFor(r); p == nil || p.serve(w, r) {
			next.ServeHTTP(w, r)
		}
	})
}

// covers reports whether prefix covers path, segment by segment.
func covers(prefix, path string, fold bool) bool {
	if prefix == "/" {
		return true
	}
	if len(path) < len(prefix) {
		return false
	}
	head := path[:len(prefix)]
	if fold && !asciiEqualFold(head, prefix) || !fold && head != prefix {
		return false
	}
	return len(path) == len(prefix) || path[len(prefix)] == '/'
}

// asciiEqualFold is strings.EqualFold for ASCII letters only, as fiber
// lower-cases paths: Unicode folding would let "/\u212Aey" (Kelvin sign)
// match "/key", which fiber routes elsewhere.
func asciiEqualFold(a, b string) bool {
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

// cleanPath reports whether path is one a browser sends and every router
// reads alike: it starts with "/", has no empty segment but a trailing one,
// no dot segment ("." or "..", percent-encoded or not, as the URL standard
// defines them), no backslash, and no percent-encoded "/" or "\". Browsers
// remove dot segments and turn "\" into "/" before sending, so only
// hand-made requests fail this.
func cleanPath(path string) bool {
	if path == "" || path[0] != '/' {
		return false
	}
	start := 1
	for i := 1; i <= len(path); i++ {
		if i < len(path) && path[i] != '/' {
			switch path[i] {
			case '\\':
				return false
			case '%':
				if i+2 < len(path) && (path[i+1] == '2' && lowerASCII(path[i+2]) == 'f' ||
					path[i+1] == '5' && lowerASCII(path[i+2]) == 'c') {
					return false
				}
			}
			continue
		}
		seg := path[start:i]
		if seg == "" && i < len(path) || isDotSegment(seg) {
			return false
		}
		start = i + 1
	}
	return true
}

// isDotSegment reports whether seg is "." or "..", with any dot written
// as %2e or %2E (URL standard, "single-dot" and "double-dot" segments).
func isDotSegment(seg string) bool {
	if len(seg) > len("%2e%2e") {
		return false
	}
	for _, dot := range [...]string{".", "%2e", "..", ".%2e", "%2e.", "%2e%2e"} {
		if len(seg) == len(dot) && asciiEqualFold(seg, dot) {
			return true
		}
	}
	return false
}
