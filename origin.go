package corsa

import (
	"net/netip"
	"strconv"
	"strings"

	"github.com/corsa-go/corsa/internal/psl"
)

// originSpec is one parsed entry of Config.Origins other than "*" and
// "null": an exact origin or a pattern. Matching is plain string and label
// logic, never a regular expression (SPEC.md §6).
type originSpec struct {
	// prefix is the scheme with "://": "https://".
	prefix string
	// host is the exact host, or for a subdomain pattern the suffix the
	// request's host must end with, dot included: ".example.com".
	host      string
	subdomain bool
	// port is the exact port, "" when the origin has none; anyPort accepts
	// any port or none.
	port    string
	anyPort bool
	// entry is the index of the pattern in Config.Origins, for Explain.
	entry int
}

func (o originSpec) exact() bool { return !o.subdomain && !o.anyPort }

// splitOrigin splits a serialized origin into scheme prefix, host and port
// (without the colon); hasPort reports the colon. It does not validate.
func splitOrigin(s string) (prefix, host, port string, hasPort, ok bool) {
	i := strings.Index(s, "://")
	if i <= 0 {
		return "", "", "", false, false
	}
	prefix, rest := s[:i+3], s[i+3:]
	if strings.HasPrefix(rest, "[") { // IPv6 literal
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return "", "", "", false, false
		}
		host, rest = rest[:j+1], rest[j+1:]
		if rest == "" {
			return prefix, host, "", false, true
		}
		if rest[0] != ':' {
			return "", "", "", false, false
		}
		return prefix, host, rest[1:], true, true
	}
	if j := strings.LastIndexByte(rest, ':'); j >= 0 {
		return prefix, rest[:j], rest[j+1:], true, true
	}
	return prefix, rest, "", false, true
}

// match reports whether a request origin, split by splitOrigin, matches
// the spec.
func (o *originSpec) match(prefix, host, port string, hasPort bool) bool {
	if prefix != o.prefix {
		return false
	}
	if o.anyPort {
		if hasPort && !isPort(port) {
			return false
		}
	} else if hasPort != (o.port != "") || port != o.port {
		return false
	}
	if !o.subdomain {
		return host == o.host
	}
	return len(host) > len(o.host) && len(host) <= maxHostLen && strings.HasSuffix(host, o.host) &&
		isSubdomainLabels(host[:len(host)-len(o.host)])
}

// isPort reports a port as browsers serialize it: 1 to 65535, no leading
// zero.
func isPort(s string) bool {
	if s == "" || len(s) > 5 || s[0] == '0' {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n <= 65535
}

func isLabelChar(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_'
}

// DNS limits (RFC 1035 §2.3.4): no host a browser can reach is longer.
const (
	maxLabelLen = 63
	maxHostLen  = 253
)

// isSubdomainLabels reports whether s is one or more non-empty lower-case
// DNS labels of at most 63 bytes, separated by dots: what a subdomain
// pattern's "*" may stand for. Anything else (a '/', '@', '%', upper case,
// an empty label) could smuggle a different host past a suffix check.
func isSubdomainLabels(s string) bool {
	label := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' && label > 0:
			label = 0
		case isLabelChar(c) && label < maxLabelLen:
			label++
		default:
			return false
		}
	}
	return label > 0
}

var defaultPorts = map[string]string{"http://": "80", "https://": "443"}

// parseOrigin parses one configured origin or pattern. The error wraps
// ErrInvalidOrigin or ErrBroadPattern and says what to write instead.
func parseOrigin(s string) (originSpec, error) {
	bad := func(detail string) (originSpec, error) {
		return originSpec{}, ruleError{ErrInvalidOrigin, detail}
	}
	broad := func(detail string) (originSpec, error) {
		return originSpec{}, ruleError{ErrBroadPattern, detail}
	}
	if !strings.Contains(s, "://") {
		if strings.HasPrefix(s, "*.") {
			return broad(`a pattern needs a scheme: write "https://` + s + `"`)
		}
		return bad("want scheme://host[:port], such as https://app.example.com")
	}
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] >= 0x7f {
			return bad("contains a space, control or non-ASCII byte (write hosts in punycode, xn--...)")
		}
	}
	prefix, host, port, hasPort, ok := splitOrigin(s)
	if !ok {
		return bad("want scheme://host[:port]")
	}
	if err := checkScheme(prefix[:len(prefix)-3]); err != "" {
		return bad(err)
	}
	if prefix == "file://" {
		return bad(`browsers send "null" as the origin of file: pages, never a file:// origin; list "null" with dangerouslyAllowNullOrigin if that is really meant`)
	}
	rest := s[len(prefix):]
	if strings.ContainsAny(rest, "/?#") {
		return bad("an origin has no path, query or fragment, not even a trailing slash")
	}
	if strings.Contains(rest, "@") {
		return bad("an origin has no user info")
	}
	spec := originSpec{prefix: prefix}
	switch {
	case !hasPort:
	case port == "*":
		spec.anyPort = true
	case !isPort(port):
		return bad("port must be 1-65535 without leading zeros, or * for any port")
	case defaultPorts[prefix] == port:
		return bad("browsers omit the default port " + port + ": write the origin without it")
	default:
		spec.port = port
	}
	if host == "" {
		return bad("empty host")
	}
	if host == "*" {
		return broad("a wildcard host allows every site: use \"*\" on its own if that is really meant")
	}
	if strings.HasPrefix(host, "*.") {
		spec.subdomain = true
		host = host[1:]
	}
	if strings.Contains(host, "*") {
		return broad(`"*" may only be a whole leading label (https://*.example.com) or the port`)
	}
	if strings.ToLower(host) != host {
		return bad("host must be lower case, as browsers send it (origins compare byte for byte)")
	}
	if strings.HasPrefix(host, "[") {
		if spec.subdomain || !isIPv6Literal(host) {
			return bad("invalid IPv6 literal")
		}
		if why := canonicalHost(host); why != "" {
			return bad(why)
		}
		spec.host = host
		return spec, nil
	}
	labels := host
	if spec.subdomain {
		labels = host[1:]
	}
	if !isSubdomainLabels(labels) || len(host) > maxHostLen {
		return bad("host must be dot-separated labels of a-z, 0-9, '-' or '_', at most 63 bytes each and 253 in all")
	}
	if spec.subdomain {
		if why := tooBroadSuffix(labels); why != "" {
			return broad(why)
		}
	}
	if specialSchemes[prefix] {
		if why := canonicalHost(labels); why != "" {
			return bad(why)
		}
	}
	spec.host = host
	return spec, nil
}

func checkScheme(scheme string) string {
	for i := 0; i < len(scheme); i++ {
		c := scheme[i]
		switch {
		case 'a' <= c && c <= 'z':
		case 'A' <= c && c <= 'Z':
			return "scheme must be lower case, as browsers send it"
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return "invalid scheme"
		}
	}
	return ""
}

func isIPv6Literal(h string) bool {
	if len(h) < 4 || h[len(h)-1] != ']' {
		return false
	}
	for i := 1; i < len(h)-1; i++ {
		c := h[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || c == ':' || c == '.') {
			return false
		}
	}
	return true
}

func tooBroadSuffix(domain string) string {
	if domain == "localhost" { // only ever this machine
		return ""
	}
	if !strings.Contains(domain, ".") {
		return `"*." + a top-level domain spans every site under it: name a registrable domain, such as https://*.example.com`
	}
	if r, ok := psl.Public(domain); ok {
		return domain + " is a public suffix (entry " + strconv.Quote(r.Text) + " of " + r.Section.String() +
			"): anyone can get a subdomain there; name your own domain under it"
	}
	if r, ok := psl.Beneath(domain); ok {
		return "subdomains of " + domain + " are public suffixes (entry " + strconv.Quote(r.Text) + " of " +
			r.Section.String() + "): the pattern would trust unrelated sites; name your own domain instead"
	}
	last := domain[strings.LastIndexByte(domain, '.')+1:]
	if _, err := strconv.Atoi(last); err == nil {
		return "subdomain patterns do not apply to IP addresses"
	}
	return ""
}

// isLoopback reports hosts that only this machine can serve, where plain
// http is no risk: localhost and its subdomains, 127.0.0.0/8 and [::1].
// host is already in the URL standard's serialisation (parseOrigin), so
// 127.0.0.01 and other spellings never reach here.
func isLoopback(host string) bool {
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || host == "[::1]" {
		return true
	}
	addr, err := netip.ParseAddr(host)
	return err == nil && addr.Is4() && addr.IsLoopback() && addr.String() == host
}
