package corsa

import (
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync/atomic"
)

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
// For the same reason a path gets no CORS when its policy would depend on
// whether the router ignores letter case (fiber does by default: "/API"
// under prefixes "/" and "/api") or routes the percent-encoded path
// (chi and echo do) rather than the decoded one.
//
// Reconfigure replaces every entry at once, as Middleware.Reconfigure does
// for one policy. The zero Paths is ready to use and gives no CORS to any
// path.
type Paths struct {
	table atomic.Pointer[pathTable]
}

// pathTable is a Paths' entries, sorted longest prefix first, so that the
// first entry that covers a path is the longest.
type pathTable struct {
	entries []pathEntry
	// upper is set when a prefix has an upper-case letter: then even a
	// lower-case path may pick another policy on a router that ignores
	// case ("/admin/x" under "/" and "/Admin").
	upper bool
}

// pathEntry is one prefix and its policy.
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
// whose Field names the prefix (`paths["/api"].origins[0]`). Each
// policy's warnings are logged as New logs them, with the prefix.
func NewPaths(m map[string]Config) (*Paths, error) {
	pp := new(Paths)
	if err := pp.Reconfigure(m); err != nil {
		return nil, err
	}
	return pp, nil
}

// Reconfigure validates m as NewPaths does and, only if every entry is
// valid, serves it from the next request on. Requests in flight finish on
// the policies they started with. On error the current entries stay.
func (pp *Paths) Reconfigure(m map[string]Config) error {
	if len(m) == 0 {
		return &ConfigError{Field: "paths", rule: errPathPrefix,
			Detail: `no prefixes: every request would get no CORS; use "/" for one policy on every path`}
	}
	prefixes := make([]string, 0, len(m))
	for prefix := range m {
		prefixes = append(prefixes, prefix)
	}
	slices.Sort(prefixes) // errors in a stable order
	var errs []error
	table := pathTable{entries: make([]pathEntry, 0, len(m))}
	folded := make(map[string]string, len(m))
	for _, prefix := range prefixes {
		field := fmt.Sprintf("paths[%q]", prefix)
		if detail := checkPrefix(prefix); detail != "" {
			errs = append(errs, &ConfigError{Field: "paths", Value: prefix, rule: errPathPrefix, Detail: detail})
			continue
		}
		lower := strings.ToLower(prefix)
		if other, ok := folded[lower]; ok {
			errs = append(errs, &ConfigError{Field: "paths", Value: prefix, rule: errPathPrefix,
				Detail: fmt.Sprintf("differs from %q only in letter case, which case-insensitive routers (fiber's default) cannot tell apart", other)})
			continue
		}
		folded[lower] = prefix
		p, err := compile(m[prefix])
		if err != nil {
			errs = append(errs, prefixErrors(field, err)...)
			continue
		}
		table.entries = append(table.entries, pathEntry{prefix, p})
		table.upper = table.upper || hasUpper(prefix)
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	for _, e := range table.entries {
		for _, w := range e.policy.warnings {
			slog.Warn(fmt.Sprintf("corsa: paths[%q]: %s", e.prefix, w))
		}
	}
	slices.SortFunc(table.entries, func(a, b pathEntry) int { return len(b.prefix) - len(a.prefix) })
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
