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

var defaultPorts = map[string]string{"http://": "80", "https://": "443"}

// parseOrigin parses one configured origin or pattern. The error is a
// ruleError of errInvalidOrigin or errBroadPattern that says what to
// write instead.
func parseOrigin(s string) (originSpec, error) {
	bad := func(detail string) (originSpec, error) {
		return originSpec{}, ruleError{errInvalidOrigin, detail}
	}
	broad := func(detail string) (originSpec, error) {
		return originSpec{}, ruleError{errBroadPattern, detail}
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
	if strings.HasPrefix(host, "[") { // splitOrigin found its "]"
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
	if specialScheme(prefix) {
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

// publicSuffixHost returns why an exact origin's host, with credentials,
// deserves a warning (SPEC.md §5): it is itself a public suffix, so every
// party that can publish under that very host (path-style S3 buckets on
// s3.amazonaws.com) shares the origin. It returns "" otherwise.
func publicSuffixHost(host string) string {
	if strings.HasPrefix(host, "[") || isLoopback(host) || isDottedDecimal(host) {
		return ""
	}
	if !strings.Contains(host, ".") {
		return host + " is a top-level domain, a public suffix: whoever can publish there shares this origin, and credentials trust them all"
	}
	if r, ok := psl.Public(host); ok {
		return host + " is a public suffix (entry " + strconv.Quote(r.Text) + " of " + r.Section.String() +
			"): whoever can publish there shares this origin, and credentials trust them all"
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

// maxOriginLen is the longest origin spec could match: exact parts by
// their length, a subdomain pattern's host by the DNS limit, a port
// wildcard by five digits.
func (o *originSpec) maxOriginLen() int {
	n := len(o.prefix) + len(o.host)
	if o.subdomain {
		n = len(o.prefix) + maxHostLen
	}
	switch {
	case o.anyPort:
		n += len(":65535")
	case o.port != "":
		n += 1 + len(o.port)
	}
	return n
}
