package corsa

import (
	"errors"
	"fmt"
	"strings"
)

// ErrOriginFuncWithAnyOrigin: Config.OriginFunc together with "*" in
// Origins, which allows every origin before OriginFunc could be asked.
var ErrOriginFuncWithAnyOrigin = errors.New(`OriginFunc cannot be combined with "*"`)

// Bounds on the values OriginFunc is asked about: the longest scheme a
// browser serializes into an origin ("chrome-extension" is 16 bytes), a
// host of at most 253 bytes and a port. Nothing longer is an origin, so
// nothing longer reaches application code (SPEC.md §6b).
const (
	maxSchemeLen = 32
	// maxFuncOrigin is the longest Origin OriginFunc is asked about.
	maxFuncOrigin = maxSchemeLen + len("://") + maxHostLen + len(":65535")
)

// hooks checks and installs the Go-only fields of c.
func (b *builder) hooks(c Config) {
	p := b.p
	p.onDecision = c.OnDecision
	if c.OriginFunc == nil {
		return
	}
	if p.anyOrigin {
		b.fail("OriginFunc", -1, "func", ErrOriginFuncWithAnyOrigin,
			`"*" already allows every origin, so OriginFunc would never be called: remove one of them`)
		return
	}
	p.originFunc = c.OriginFunc
	p.insecureOK = !c.Credentials || c.DangerouslyAllowInsecureOrigins
}

// funcAllows asks OriginFunc about o, which no static entry allows, if o
// may be asked about at all (see Config.OriginFunc). It allocates nothing
// itself.
func (p *Policy) funcAllows(o string) bool {
	// o is the request's own memory: hidden from escape analysis so that
	// an adapter's request values stay on its stack (see hide).
	return p.originFunc != nil && p.funcMayAsk(o) == "" && p.originFunc(hideString(o))
}

// funcMayAsk returns "" when OriginFunc may be asked about o, else why
// not, for Explain.
func (p *Policy) funcMayAsk(o string) string {
	if len(o) > maxFuncOrigin {
		return "longer than any origin"
	}
	prefix, host, ok := splitSerializedOrigin(o)
	if !ok {
		return "not an origin as browsers send it (lower-case scheme://host[:port], no path)"
	}
	if prefix == "http://" && !p.insecureOK && !isLoopbackHost(host) {
		return "a plain-http origin, never allowed with credentials unless dangerouslyAllowInsecureOrigins is set"
	}
	return ""
}

// splitSerializedOrigin reports whether o is an origin as browsers
// serialize it: a lower-case scheme other than file (whose pages send
// "null"), "://", a lower-case host of DNS labels or an IPv6 literal, and
// a port only when it is not the scheme's default. It returns the scheme
// prefix and host of such an origin.
func splitSerializedOrigin(o string) (prefix, host string, ok bool) {
	prefix, host, port, hasPort, ok := splitOrigin(o)
	if !ok || len(prefix)-len("://") > maxSchemeLen || checkScheme(prefix[:len(prefix)-3]) != "" || prefix == "file://" {
		return "", "", false
	}
	if hasPort && (!isPort(port) || defaultPorts[prefix] == port) {
		return "", "", false
	}
	if len(host) > 0 && host[0] == '[' {
		return prefix, host, isIPv6Literal(host)
	}
	return prefix, host, len(host) <= maxHostLen && isSubdomainLabels(host)
}

// explainOriginFunc says why o, which neither an entry of origins nor
// OriginFunc allowed, was refused: OriginFunc was not asked, or said no.
func (p *Policy) explainOriginFunc(b *strings.Builder, o string) {
	if why := p.funcMayAsk(o); why != "" {
		fmt.Fprintf(b, "  origin %s: not allowed: not in origins, and OriginFunc not asked: %s\n", quoteShort(o), why)
		return
	}
	fmt.Fprintf(b, "  origin %q: not allowed: not in origins, and OriginFunc refused it\n", o)
}

// isLoopbackHost is isLoopback for a request's host, already checked by
// splitSerializedOrigin: it neither allocates nor keeps host.
func isLoopbackHost(host string) bool {
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || host == "[::1]" {
		return true
	}
	// 127.0.0.0/8 as the URL standard serializes it: four decimal octets
	// without leading zeros.
	rest, ok := strings.CutPrefix(host, "127.")
	if !ok {
		return false
	}
	for i := 0; i < 3; i++ {
		octet, after, found := strings.Cut(rest, ".")
		if found != (i < 2) || !isOctet(octet) {
			return false
		}
		rest = after
	}
	return true
}

func isOctet(s string) bool {
	if s == "" || len(s) > 3 || len(s) > 1 && s[0] == '0' {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n <= 255
}
