package corsa

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// This file is everything a request costs, in the order a request meets
// it: classification (SPEC.md §1), cross-origin write protection (§9), the
// origin (§6, §6b, and Config.OriginFunc), a preflight's method and
// headers (§2, §4), and the report to Config.OnDecision. Nothing here
// allocates unless a hook is called, or cross-origin write protection
// parses an Origin in a form no browser sends.

// decide is Decide for a policy. Its first test, small enough to be
// inlined into every request path, answers what most requests to an API
// are: no Origin, under a policy with no cross-origin writes to check.
func (p *Policy) decide(r *Request) Decision {
	if r.Origin == "" && !r.MultipleOrigins && !p.crossOriginProtection {
		return p.notCORS
	}
	return p.decideCORS(r)
}

// decideCORS is decide for the rest: requests with Origin, and every
// request under cross-origin protection.
func (p *Policy) decideCORS(r *Request) Decision {
	cors := r.Origin != "" || r.MultipleOrigins
	if cors && r.Method == "OPTIONS" && r.RequestMethod != "" {
		// A preflight (SPEC.md §2): the origin, then the method, then the
		// requested headers, each refusing with 403 and no
		// Access-Control-Allow-* header at all.
		if r.header != nil && (p.privateNetwork || p.onDecision != nil) {
			r.readPrivateNetwork()
		}
		reason := Malformed
		var m originMatch
		if !r.MultipleOrigins {
			m = p.matchOrigin(r.Origin)
			reason = m.reason()
		}
		names := 0
		if reason == Allowed {
			if !p.methodAllowed(r.RequestMethod) {
				reason = MethodNotAllowed
			} else {
				names, reason = p.checkHeaders(r.RequestHeaders)
			}
		}
		if reason != Allowed {
			d := Decision{a: &p.refusedPreflight, code: makeCode(kindPreflight, reason)}
			p.report(r, d, m.panicked)
			return d
		}
		// A request for Private Network Access is never a reason to
		// refuse: it only picks the answer that grants it, if the policy
		// does.
		d := Decision{a: &p.preflight[preflightSet(names > 0, r.PrivateNetwork == "true")], code: makeCode(kindPreflight, Allowed)}
		p.report(r, d, nil)
		if p.anyOrigin {
			return d
		}
		// A new value, not d: escape analysis would see r's Origin flow
		// into the hook's Decision.
		return Decision{a: d.a, origin: r.Origin, code: d.code}
	}
	// The origin's verdict, asked at most once: OriginFunc may be costly.
	m := originMatch{entry: noEntry}
	asked := false
	if p.crossOriginProtection && !isSafeMethod(r.Method) && isCrossOrigin(r) {
		// SPEC.md §9: a write from another site must come from an origin
		// the policy trusts. "*" and "null" trust nobody: "*" lets any
		// page read, which says nothing about who may write. The first
		// Origin counts, as net/http.CrossOriginProtection reads it: a
		// request with two comes from no browser, and gets no CORS.
		if r.Origin != "" {
			m, asked = p.matchOrigin(r.Origin), true
		}
		if !m.trusted(p) {
			reason := CrossOriginRefused
			if m.panicked != nil {
				reason = OriginFuncPanicked
			}
			d := Decision{a: &p.refusedWrite, code: makeCode(kindCrossOrigin, reason)}
			p.report(r, d, m.panicked)
			return d
		}
	}
	if !cors {
		return p.notCORS
	}
	if p.anyOrigin {
		// A "*" policy (never credentialed) gives every response but a
		// preflight's the same headers, whatever Origin says: nothing
		// depends on Origin, so there is no Vary, and a cache may hand
		// any stored answer to anyone.
		d := Decision{a: &p.actual, code: makeCode(kindActual, Allowed)}
		p.report(r, d, nil)
		return d
	}
	reason := Malformed
	if !r.MultipleOrigins {
		if !asked {
			m = p.matchOrigin(r.Origin)
		}
		reason = m.reason()
	}
	if reason != Allowed {
		d := Decision{a: &p.refused, code: makeCode(kindActual, reason)}
		p.report(r, d, m.panicked)
		return d
	}
	d := Decision{a: &p.actual, code: makeCode(kindActual, Allowed)}
	p.report(r, d, nil)
	return Decision{a: d.a, origin: r.Origin, code: d.code}
}

// varyCrossOrigin is the Vary of a refused cross-origin write: the
// refusal depends on both headers.
const varyCrossOrigin = "Origin, Sec-Fetch-Site"

func isSafeMethod(m string) bool { return m == "GET" || m == "HEAD" || m == "OPTIONS" }

// isCrossOrigin reports a request a browser sent from another origin, as
// net/http.CrossOriginProtection detects it: Sec-Fetch-Site (Fetch
// Metadata) when present, any value but same-origin and none counting as
// cross-origin; without it, an Origin whose host (with port) is not the
// request's Host. Requests with neither header are not from a browser.
func isCrossOrigin(r *Request) bool {
	switch r.SecFetchSite {
	case "same-origin", "none":
		return false
	case "":
	default:
		return true
	}
	if r.Origin == "" {
		return false
	}
	if host, ok := plainHost(r.Origin); ok {
		return host != r.Host
	}
	// Any other form, which no browser sends, is parsed exactly as
	// net/http parses it, so that the verdicts are Go's. url.Parse
	// allocates, and keeps parts of what it parses, so it gets a copy.
	u, err := url.Parse(strings.Clone(r.Origin))
	return err != nil || u.Host != r.Host
}

// plainHost returns the host and port of an origin in the form browsers
// send, scheme://host[:port] with a host of ASCII letters, digits, dots
// and hyphens: for that form url.Parse's Host is exactly this part, so
// isCrossOrigin needs no allocation. ok is false for any other form,
// which url.Parse reads.
func plainHost(origin string) (host string, ok bool) {
	i := strings.Index(origin, "://")
	if i <= 0 || !isURLScheme(origin[:i]) {
		return "", false
	}
	host = origin[i+3:]
	name := true // before the colon of the port
	for j := 0; j < len(host); j++ {
		switch c := host[j]; {
		case '0' <= c && c <= '9':
		case name && ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '.' || c == '-'):
		case name && c == ':' && j > 0:
			name = false
		default:
			return "", false
		}
	}
	return host, host != ""
}

// isURLScheme reports a scheme as url.Parse reads one: a letter, then
// letters, digits, "+", "-" or ".".
func isURLScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return s != ""
}

// Origin entries a match may name besides an index into Config.Origins.
const (
	noEntry   = -1 // nothing allows the origin
	funcEntry = -2 // OriginFunc allows it
)

// originMatch is the one origin verdict: Decide, Explain and AllowsOrigin
// all ask matchOrigin, so an explanation can never name a different entry
// or reach a different verdict than the decision.
type originMatch struct {
	// entry is the index in Config.Origins of the entry that allows the
	// origin, funcEntry, or noEntry.
	entry int
	// tooLong: refused by its length alone, before any entry was compared.
	tooLong bool
	// panicked is what OriginFunc panicked with, if it did.
	panicked any
}

func (m originMatch) allowed() bool { return m.entry >= 0 || m.entry == funcEntry }

func (m originMatch) reason() Reason {
	switch {
	case m.allowed():
		return Allowed
	case m.panicked != nil:
		return OriginFuncPanicked
	}
	return OriginNotAllowed
}

// trusted reports an origin trusted for writes: allowed by an exact
// entry, a pattern or OriginFunc, never by "*" or "null".
func (m originMatch) trusted(p *Policy) bool {
	return m.entry == funcEntry || m.entry >= 0 && m.entry != p.anyEntry && m.entry != p.nullEntry
}

// exactOrigin is an exact entry of Config.Origins and its index there.
type exactOrigin struct {
	origin string
	entry  int
}

// matchOrigin matches o, one Origin header's value, against the policy.
// It never allocates unless it asks OriginFunc.
func (p *Policy) matchOrigin(o string) originMatch {
	// The common policy, a few exact origins, without a call: an exact
	// entry is neither "null" nor allowed by "*" alone.
	for _, e := range p.exact {
		if e.origin == o {
			return originMatch{entry: e.entry}
		}
	}
	return p.matchPattern(o)
}

// matchPattern is matchOrigin for an origin no exact entry lists, unless
// there are so many that they are in a map.
func (p *Policy) matchPattern(o string) originMatch {
	switch {
	case p.anyOrigin:
		return originMatch{entry: p.anyEntry} // "null" included, as in Fetch's CORS check
	case o == "null":
		return originMatch{entry: p.nullEntry}
	}
	if i, ok := p.exactSet[o]; ok {
		return originMatch{entry: i}
	}
	if len(o) > p.maxOrigin {
		// Constant cost, whatever the length: a megabyte Origin is never
		// compared with each pattern.
		m := p.askFunc(o)
		m.tooLong = !m.allowed() && m.panicked == nil
		return m
	}
	if len(p.patterns) > 0 {
		if prefix, host, port, hasPort, ok := splitOrigin(o); ok {
			for i := range p.patterns {
				if p.patterns[i].match(prefix, host, port, hasPort) {
					return originMatch{entry: p.patterns[i].entry}
				}
			}
		}
	}
	return p.askFunc(o)
}

// splitOrigin splits a serialized origin into scheme prefix ("https://"),
// host and port (without the colon); hasPort reports the colon. It does
// not validate.
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
// the pattern: label by label, never as a regular expression (SPEC.md §6).
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

// DNS limits (RFC 1035 §2.3.4): no host a browser can reach is longer.
const (
	maxLabelLen = 63
	maxHostLen  = 253
)

func isLabelChar(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_'
}

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

// askFunc asks Config.OriginFunc about o, which no entry allows, when o
// is an origin a browser can send (see Config.OriginFunc). The function
// gets its own copy of o, and a panic in it refuses o.
func (p *Policy) askFunc(o string) originMatch {
	if p.originFunc == nil {
		// Inlined: a refused origin pays for no deferred recover.
		return originMatch{entry: noEntry}
	}
	return p.callFunc(o)
}

// callFunc is askFunc for a policy with an OriginFunc.
func (p *Policy) callFunc(o string) (m originMatch) {
	m.entry = noEntry
	if p.funcMayAsk(o) != "" {
		return m
	}
	defer func() {
		if v := recover(); v != nil {
			m = originMatch{entry: noEntry, panicked: v}
		}
	}()
	if p.originFunc(strings.Clone(o)) {
		m.entry = funcEntry
	}
	return m
}

// Bounds on the values OriginFunc is asked about: the longest scheme a
// browser serializes into an origin ("chrome-extension" is 16 bytes), a
// host of at most 253 bytes and a port. Nothing longer is an origin, so
// nothing longer reaches application code (SPEC.md §6b).
const (
	maxSchemeLen = 32
	// maxFuncOrigin is the longest Origin OriginFunc is asked about.
	maxFuncOrigin = maxSchemeLen + len("://") + maxHostLen + len(":65535")
)

// funcMayAsk returns "" when OriginFunc may be asked about o, else why
// not, for Explain: o must be an origin exactly as a browser serializes
// one (lower-case scheme other than file, "://", a host in the URL
// standard's form, and a port only when not the scheme's default), and,
// with credentials, not plain http but on loopback unless the policy
// allows insecure origins. It allocates nothing.
func (p *Policy) funcMayAsk(o string) string {
	if len(o) > maxFuncOrigin {
		return "longer than any origin"
	}
	prefix, host, port, hasPort, ok := splitOrigin(o)
	if !ok || !isScheme(prefix[:len(prefix)-3]) || len(prefix)-3 > maxSchemeLen || prefix == "file://" ||
		strings.ContainsAny(o[len(prefix):], "/?#@") ||
		hasPort && (!isPort(port) || port == "80" && prefix == "http://" || port == "443" && prefix == "https://") {
		return "not an origin as browsers send it (lower-case scheme://host[:port], no path)"
	}
	if !isBrowserHost(prefix, host) {
		return "not a host as browsers send it (the URL standard's form: no other IPv4 or IPv6 spelling, valid punycode)"
	}
	if prefix == "http://" && !p.insecureOK && !isLoopbackHost(host) {
		return "a plain-http origin, never allowed with credentials unless dangerouslyAllowInsecureOrigins is set"
	}
	return ""
}

// isScheme reports a lower-case URL scheme.
func isScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return s != ""
}

// specialScheme reports the schemes whose hosts the URL parser reads as
// domains or IP addresses; other schemes have opaque hosts.
func specialScheme(prefix string) bool {
	switch prefix {
	case "http://", "https://", "ws://", "wss://", "ftp://":
		return true
	}
	return false
}

// isBrowserHost reports whether host is in the form the WHATWG URL
// standard serializes: an IPv6 literal in its shortest lower-case form,
// or lower-case DNS labels where, for special schemes, a last label that
// is a number makes the whole host a dotted-decimal IPv4 address, and
// every xn-- label is valid punycode.
func isBrowserHost(prefix, host string) bool {
	if strings.HasPrefix(host, "[") {
		pieces, ok := parseIPv6(host)
		var buf [len("[ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]")]byte
		return ok && string(appendIPv6(buf[:0], pieces)) == host
	}
	if len(host) > maxHostLen || !isSubdomainLabels(host) {
		return false
	}
	if !specialScheme(prefix) {
		return true
	}
	if endsInNumber(host) {
		return isDottedDecimal(host)
	}
	for rest := host; rest != ""; {
		var label string
		label, rest, _ = strings.Cut(rest, ".")
		if code, ok := strings.CutPrefix(label, "xn--"); ok && !validPunycodeLabel(code) {
			return false
		}
	}
	return true
}

// parseIPv6 parses a bracketed IPv6 literal of hex pieces, at most one
// "::", and no dotted IPv4 tail, which no browser serializes.
func parseIPv6(host string) (pieces [8]uint16, ok bool) {
	if len(host) < 4 || host[0] != '[' || host[len(host)-1] != ']' {
		return pieces, false
	}
	s := host[1 : len(host)-1]
	var head, tail [8]uint16
	nh, nt, gap := 0, 0, false
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "::") {
			if gap {
				return pieces, false
			}
			gap, i = true, i+2
			continue
		}
		if i > 0 && !(gap && strings.HasSuffix(s[:i], "::")) {
			if s[i] != ':' {
				return pieces, false
			}
			i++
		}
		n, digits := 0, 0
		for ; i < len(s) && digits < 5; i, digits = i+1, digits+1 {
			c := s[i]
			switch {
			case '0' <= c && c <= '9':
				n = n<<4 | int(c-'0')
			case 'a' <= c && c <= 'f':
				n = n<<4 | int(c-'a'+10)
			case 'A' <= c && c <= 'F':
				n = n<<4 | int(c-'A'+10)
			default:
				goto piece
			}
		}
	piece:
		if digits == 0 || digits > 4 || nh+nt == 8 {
			return pieces, false
		}
		if gap {
			tail[nt], nt = uint16(n), nt+1
		} else {
			head[nh], nh = uint16(n), nh+1
		}
	}
	if gap == (nh+nt == 8) {
		return pieces, false // "::" must stand for at least one zero piece
	}
	copy(pieces[:], head[:nh])
	copy(pieces[8-nt:], tail[:nt])
	return pieces, true
}

// appendIPv6 appends the URL standard's serialization of an IPv6 address,
// bracketed: lower-case hex pieces without leading zeros, the first
// longest run of at least two zero pieces written "::".
func appendIPv6(buf []byte, pieces [8]uint16) []byte {
	start, length := -1, 1
	for i := 0; i < 8; {
		j := i
		for j < 8 && pieces[j] == 0 {
			j++
		}
		if j-i > length {
			start, length = i, j-i
		}
		i = max(j, i+1)
	}
	buf = append(buf, '[')
	for i := 0; i < 8; i++ {
		if i == start {
			buf = append(buf, "::"...)
			i += length - 1
			continue
		}
		if i > 0 && i != start+length {
			buf = append(buf, ':')
		}
		buf = strconv.AppendUint(buf, uint64(pieces[i]), 16)
	}
	return append(buf, ']')
}

// endsInNumber is the URL standard's "ends in a number checker": a host
// whose last label is all digits, or 0x and hex digits, is parsed as IPv4.
func endsInNumber(host string) bool {
	last := host[strings.LastIndexByte(host, '.')+1:]
	if last == "" {
		return false
	}
	if strings.Trim(last, "0123456789") == "" {
		return true
	}
	hex, ok := strings.CutPrefix(last, "0x")
	if !ok {
		hex, ok = strings.CutPrefix(last, "0X")
	}
	return ok && strings.Trim(hex, "0123456789abcdefABCDEF") == ""
}

// isDottedDecimal reports an IPv4 address as the URL standard serializes
// it: four decimal octets without leading zeros.
func isDottedDecimal(host string) bool {
	for i := 0; i < 4; i++ {
		octet, rest, found := strings.Cut(host, ".")
		if found != (i < 3) || !isOctet(octet) {
			return false
		}
		host = rest
	}
	return true
}

func isOctet(s string) bool {
	return s != "" && len(s) <= 3 && (len(s) == 1 || s[0] != '0') && strings.Trim(s, "0123456789") == "" && atoi(s) <= 255
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// isLoopbackHost reports hosts only this machine serves, where plain http
// is no risk: localhost and its subdomains, 127.0.0.0/8 and [::1], in the
// URL standard's form.
func isLoopbackHost(host string) bool {
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || host == "[::1]" {
		return true
	}
	return strings.HasPrefix(host, "127.") && isDottedDecimal(host)
}

// validPunycodeLabel reports whether s, a label without its "xn--"
// prefix, decodes (RFC 3492) to a non-empty label that needs it: UTS #46,
// which the URL standard applies, refuses an xn-- label that does not
// decode, decodes to nothing but ASCII, or decodes to upper-case letters
// (which it would have mapped to lower case before encoding).
func validPunycodeLabel(s string) bool {
	var buf [maxLabelLen]rune
	decoded, ok := decodePunycode(s, buf[:0])
	if !ok || len(decoded) == 0 {
		return false
	}
	ascii := true
	for _, r := range decoded {
		if r >= 0x80 {
			ascii = false
		}
		if unicode.IsUpper(r) || r >= 0xd800 && r <= 0xdfff {
			return false
		}
	}
	return !ascii
}

// decodePunycode is RFC 3492's decoder, with its parameters for IDNA. It
// decodes into out, and fails rather than grow it: a label that decodes
// to more runes than out holds is longer than any label.
func decodePunycode(s string, out []rune) ([]rune, bool) {
	const (
		base        = 36
		tMin        = 1
		tMax        = 26
		skew        = 38
		damp        = 700
		initialBias = 72
		initialN    = 128
	)
	// A delimiter with no basic code point before it is not consumed
	// (RFC 3492 §6.2): it is then read as a digit, and fails.
	if i := strings.LastIndexByte(s, '-'); i > 0 {
		for j := 0; j < i; j++ {
			if s[j] >= 0x80 || len(out) == cap(out) {
				return nil, false
			}
			out = append(out, rune(s[j]))
		}
		s = s[i+1:]
	}
	n, bias, i := initialN, initialBias, 0
	for pos := 0; pos < len(s); {
		oldi, w := i, 1
		for k := base; ; k += base {
			if pos >= len(s) {
				return nil, false
			}
			c := s[pos]
			pos++
			var digit int
			switch {
			case 'a' <= c && c <= 'z':
				digit = int(c - 'a')
			case '0' <= c && c <= '9':
				digit = int(c-'0') + 26
			default:
				return nil, false
			}
			if digit > (1<<31-1-i)/w {
				return nil, false
			}
			i += digit * w
			t := k - bias
			switch {
			case k <= bias:
				t = tMin
			case k >= bias+tMax:
				t = tMax
			}
			if digit < t {
				break
			}
			if w > (1<<31-1)/(base-t) {
				return nil, false
			}
			w *= base - t
		}
		// Adapt the bias (RFC 3492 §6.1).
		delta := i - oldi
		if oldi == 0 {
			delta /= damp
		} else {
			delta /= 2
		}
		delta += delta / (len(out) + 1)
		k := 0
		for delta > ((base-tMin)*tMax)/2 {
			delta /= base - tMin
			k += base
		}
		bias = k + (base-tMin+1)*delta/(delta+skew)
		if i/(len(out)+1) > 1<<31-1-n {
			return nil, false
		}
		n += i / (len(out) + 1)
		i %= len(out) + 1
		if n > unicode.MaxRune || len(out) == cap(out) {
			return nil, false
		}
		out = append(out, 0)
		copy(out[i+1:], out[i:])
		out[i] = rune(n)
		i++
	}
	return out, true
}

// methodAllowed reports whether a preflight may ask for method m: GET,
// HEAD, POST and every listed method byte for byte, or any token under
// "*".
func (p *Policy) methodAllowed(m string) bool {
	for _, allowed := range p.askable {
		if allowed == m {
			return true
		}
	}
	return p.anyMethod && len(m) <= maxMethodLen && isToken(m)
}

// maxMethodLen bounds a requested method: registered methods are at most
// 17 bytes (UPDATEREDIRECTREF), so anything far longer is hostile.
const maxMethodLen = 64

// Limits on Access-Control-Request-Headers, checked before any parsing so
// that a hostile value costs constant time (SPEC.md §4).
const (
	// maxACRHLines bounds how many header lines one list may be split over.
	maxACRHLines = 16
	// maxACRHAny bounds the list for a policy allowing any header name.
	maxACRHAny = 8 << 10
	// acrhSlack leaves room for whitespace and empty elements that
	// non-browser clients add to a list of allowed names.
	acrhSlack = 64
)

// checkHeaders checks every name of an Access-Control-Request-Headers list,
// possibly split over several lines (SPEC.md §4), and counts them.
//
// Browsers send the names lower-cased, sorted, de-duplicated and joined by
// bare commas; other clients add whitespace, empty elements and upper case,
// which are tolerated. The length is bounded before anything is parsed, so a
// hostile list costs constant time, and nothing is allocated.
func (p *Policy) checkHeaders(lines []string) (names int, reason Reason) {
	if len(lines) == 0 {
		return 0, Allowed
	}
	if len(lines) > maxACRHLines {
		return 0, Malformed
	}
	total := 0
	for _, l := range lines {
		total += len(l)
	}
	if total > p.maxACRH {
		return 0, Malformed
	}
	cursor := 0 // in p.headers: browsers' sorted lists are matched in one walk
	for _, line := range lines {
		for pos := 0; pos < len(line); {
			// Fast path, the browser's form: the next allowed name, as is,
			// ends the list or meets a bare comma. One memory compare.
			if cursor < len(p.headers) {
				if n := p.headers[cursor]; strings.HasPrefix(line[pos:], n) &&
					(pos+len(n) == len(line) || line[pos+len(n)] == ',') {
					cursor++
					names++
					pos += len(n) + 1
					continue
				}
			}
			end := strings.IndexByte(line[pos:], ',')
			if end < 0 {
				end = len(line)
			} else {
				end += pos
			}
			name := trimOWS(line[pos:end])
			pos = end + 1
			if name == "" {
				continue
			}
			// A name equal to an allowed one is a token; only names that
			// are refused need telling apart.
			if !p.headerAllowed(name, &cursor) {
				if !isToken(name) {
					return 0, Malformed
				}
				return 0, HeadersNotAllowed
			}
			names++
		}
	}
	return names, Allowed
}

// headerAllowed reports whether the policy allows the header name, in any
// case. It first walks forward from cursor, which finds every name of a
// sorted list in one pass over p.headers, then falls back to a binary
// search for names out of order.
func (p *Policy) headerAllowed(name string, cursor *int) bool {
	if p.anyHeader {
		return isToken(name) && (p.allowAuth || compareFold("authorization", name) != 0)
	}
	h := p.headers
	for i := *cursor; i < len(h); i++ {
		c := compareFold(h[i], name)
		if c == 0 {
			*cursor = i + 1
			return true
		}
		if c > 0 {
			break
		}
	}
	lo, hi := 0, len(h)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		switch c := compareFold(h[mid], name); {
		case c == 0:
			return true
		case c < 0:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return false
}

// trimOWS trims the optional whitespace (spaces and tabs) HTTP allows
// around list elements.
func trimOWS(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

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
	for i := 0; i < len(s); i++ {
		if !tokenChars[s[i]] {
			return false
		}
	}
	return s != ""
}

// compareFold compares lower, which is already lower-case, with s
// lower-cased, without allocating: the order of sort.Strings on lower-cased
// strings.
func compareFold(lower, s string) int {
	if lower == s { // browsers send lower case: one memory compare
		return 0
	}
	for i := 0; i < min(len(lower), len(s)); i++ {
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

// report calls Config.OnDecision, if set, with a copy of every request
// value, in one allocation: the hook may keep them. Decide calls it
// before each return of a CORS request or a refused cross-origin write,
// with the decision before it takes the echoed origin, so that nothing of
// r reaches the hook but copies.
func (p *Policy) report(r *Request, d Decision, panicked any) {
	if p.onDecision != nil {
		p.emit(r, d, panicked)
	}
}

// emit is report's work when there is a hook to call.
func (p *Policy) emit(r *Request, d Decision, panicked any) {
	refused := ""
	if d.code.reason() == HeadersNotAllowed {
		refused = p.refusedHeader(r.RequestHeaders)
	}
	vals := [...]string{r.Method, r.Host, r.Path, r.Origin, r.RequestMethod, r.PrivateNetwork, r.SecFetchSite, refused}
	var b strings.Builder
	n := 0
	for _, v := range vals {
		n += len(v)
	}
	b.Grow(n)
	for _, v := range vals {
		b.WriteString(v)
	}
	// The copies are cut from one string; vals keeps the originals.
	var own [len(vals)]string
	all := b.String()
	for i, v := range vals {
		own[i], all = all[:len(v)], all[len(v):]
	}
	if d.a.n > 0 && !p.anyOrigin { // an allowed answer echoes the origin
		d.origin = own[3]
	}
	p.onDecision(DecisionEvent{
		Request: Request{Method: own[0], Host: own[1], Path: own[2], Origin: own[3], MultipleOrigins: r.MultipleOrigins,
			RequestMethod: own[4], PrivateNetwork: own[5], SecFetchSite: own[6]},
		Decision:      d,
		RefusedHeader: own[7],
		Panic:         panicked,
	})
}

// refusedHeader returns the first name in lines that the policy does not
// allow, trimmed, or "" (checkHeaders has already bounded lines).
func (p *Policy) refusedHeader(lines []string) string {
	cursor := 0
	for _, line := range lines {
		for rest := line; ; {
			name, after, more := strings.Cut(rest, ",")
			if name = trimOWS(name); name != "" && !p.headerAllowed(name, &cursor) {
				return name
			}
			if !more {
				break
			}
			rest = after
		}
	}
	return ""
}
