package corsa

import "net/http"

// Source is what holds a policy: a *Policy (fixed), a *Middleware (one
// policy, replaceable while serving) or a *Paths (a policy per path
// prefix). Every adapter takes one, and Decide decides with it.
type Source interface {
	// Handler returns next wrapped in the source's policies: the
	// net/http middleware.
	Handler(next http.Handler) http.Handler

	source() // only corsa's holders are Sources
}

func (*Policy) source()     {}
func (*Middleware) source() {}
func (*Paths) source()      {}

// Decide decides on r with the policy src holds for it: the one answer
// every adapter writes. It allocates nothing itself (but to parse, under
// Config.CrossOriginProtection, an Origin in a form no browser sends) and
// keeps nothing of r; Config.OriginFunc and Config.OnDecision, when
// called, get copies.
// With a Paths whose prefixes do not cover r.Path, the Decision allows
// and writes nothing: such a path gets no CORS.
//
// An adapter reads r from its framework's request (Request.ReadHTTP for
// frameworks built on net/http), calls Decide, and then:
//  1. writes the headers: SetHeaders into an http.Header, or with its
//     framework's calls as Headers describes;
//  2. when Status is not 0, answers with Status at once and stops the
//     chain: the handler never runs;
//  3. otherwise runs the handler, and after it, while the response is
//     still unsent, calls RestoreVary (or, without an http.Header,
//     checks the Vary lines with VaryListsOrigin and adds Vary again).
//
// It panics on a nil src; adapters refuse one when they are built.
func Decide(src Source, r *Request) Decision {
	p, ok := src.(*Policy)
	if !ok || p == nil {
		if p = held(src, r); p == nil {
			return Decision{} // a path Paths does not cover: no CORS
		}
	}
	return p.decide(r)
}

// held is the policy a Middleware or Paths holds for r, nil for a path
// Paths does not cover; it panics on a nil source.
func held(src Source, r *Request) *Policy {
	switch s := src.(type) {
	case *Middleware:
		if s != nil {
			return s.current()
		}
	case *Paths:
		if s != nil {
			return s.lookup(r)
		}
	}
	panic(errNilSource)
}

// current is the policy m serves now.
func (m *Middleware) current() *Policy {
	if p := m.policy.Load(); p != nil {
		return p
	}
	return denyAll
}

// lookup returns the policy of the longest prefix covering r's path, or
// nil when none does or when the answer depends on how a router reads the
// path: a path that is not clean, a raw path (percent-encoded) that would
// pick another policy, or letter case that would (fiber ignores case by
// default, most routers do not). It allocates nothing.
func (pp *Paths) lookup(r *Request) *Policy {
	table := pp.table.Load()
	if table == nil || !cleanPath(r.Path) {
		return nil
	}
	p := table.find(r.Path, false)
	if p == nil {
		return nil
	}
	if r.RawPath != "" && (!cleanPath(r.RawPath) || table.find(r.RawPath, false) != p) {
		return nil
	}
	if (table.upper || hasUpper(r.Path)) && table.find(r.Path, true) != p {
		return nil
	}
	return p
}

// hasUpper reports an ASCII upper-case letter in s.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// find returns the policy of the first (so longest) prefix covering path,
// comparing ASCII letters case-insensitively when fold is set.
func (t *pathTable) find(path string, fold bool) *Policy {
	for _, e := range t.entries {
		if covers(e.prefix, path, fold) {
			return e.policy
		}
	}
	return nil
}

// covers reports whether prefix covers path, segment by segment.
func covers(prefix, path string, fold bool) bool {
	if prefix == "/" {
		return true
	}
	if len(path) < len(prefix) {
		return false
	}
	if head := path[:len(prefix)]; head != prefix && (!fold || !asciiEqualFold(head, prefix)) {
		return false
	}
	return len(path) == len(prefix) || path[len(prefix)] == '/'
}

// asciiEqualFold is strings.EqualFold for ASCII letters only, as fiber
// lower-cases paths: Unicode folding would let "/\u212Aey" (Kelvin sign)
// match "/key", which fiber routes elsewhere.
func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
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
		if asciiEqualFold(seg, dot) {
			return true
		}
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
