package corsa

import (
	"net/netip"
	"strconv"
	"strings"
	"unicode"
)

// Browsers build the Origin header from a URL parsed by the WHATWG URL
// standard, so a configured host can only ever match if it is already in
// the form that standard serialises (https://url.spec.whatwg.org/#host-
// serializing). The checks below say what the browser sends instead.

// specialSchemes are the schemes whose hosts the URL parser parses as
// domains, IPv4 or IPv6 addresses; other schemes have opaque hosts.
var specialSchemes = setOf("http://", "https://", "ws://", "wss://", "ftp://")

// canonicalHost checks a special-scheme host, lower case and without
// port, as the URL parser would read it. It returns "" when the host is
// already in serialised form, else a description of what a browser sends
// (or that no browser can send it).
func canonicalHost(host string) string {
	if strings.HasPrefix(host, "[") {
		return canonicalIPv6(host)
	}
	if endsInNumber(host) {
		addr, ok := parseURLIPv4(host)
		if !ok {
			return "the URL standard reads a host whose last label is a number as an IPv4 address, and this is not a valid one: no browser can send it"
		}
		if s := addr.String(); s != host {
			return "browsers send this IPv4 address as " + s + ": write it that way"
		}
		return ""
	}
	for _, label := range strings.Split(host, ".") {
		if rest, ok := strings.CutPrefix(label, "xn--"); ok && !validPunycodeLabel(rest) {
			return "label " + strconv.Quote(label) + " is not valid punycode, so the URL parser refuses the host: no browser can send it"
		}
	}
	return ""
}

// canonicalIPv6 checks a bracketed IPv6 literal against its serialisation:
// lower-case hex pieces without leading zeros, the first longest run of two
// or more zero pieces written "::", and no dotted IPv4 tail.
func canonicalIPv6(host string) string {
	inner := host[1 : len(host)-1]
	addr, err := netip.ParseAddr(inner)
	if err != nil || !addr.Is6() || addr.Zone() != "" {
		return "invalid IPv6 literal: no browser can send it"
	}
	if s := "[" + serializeIPv6(addr.As16()) + "]"; s != host {
		return "browsers send this IPv6 address as " + s + ": write it that way"
	}
	return ""
}

func serializeIPv6(a [16]byte) string {
	var pieces [8]uint16
	for i := range pieces {
		pieces[i] = uint16(a[2*i])<<8 | uint16(a[2*i+1])
	}
	// The first longest run of at least two zero pieces is compressed.
	start, length := -1, 1
	for i := 0; i < 8; {
		j := i
		for j < 8 && pieces[j] == 0 {
			j++
		}
		if j-i > length {
			start, length = i, j-i
		}
		if j == i {
			j++
		}
		i = j
	}
	var b strings.Builder
	for i := 0; i < 8; i++ {
		if i == start {
			b.WriteString("::")
			i += length - 1
			continue
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "::") {
			b.WriteByte(':')
		}
		b.WriteString(strconv.FormatUint(uint64(pieces[i]), 16))
	}
	return b.String()
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
	_, ok := parseIPv4Number(last)
	return ok
}

// parseURLIPv4 is the URL standard's IPv4 parser: one to four parts, each
// decimal, octal (leading 0) or hex (0x), the last filling the remaining
// bytes.
func parseURLIPv4(host string) (netip.Addr, bool) {
	parts := strings.Split(host, ".")
	if len(parts) > 4 {
		return netip.Addr{}, false
	}
	var nums []uint64
	for _, p := range parts {
		n, ok := parseIPv4Number(p)
		if !ok {
			return netip.Addr{}, false
		}
		nums = append(nums, n)
	}
	last := nums[len(nums)-1]
	for _, n := range nums[:len(nums)-1] {
		if n > 255 {
			return netip.Addr{}, false
		}
	}
	if last >= 1<<(8*(5-len(nums))) {
		return netip.Addr{}, false
	}
	v := last
	for i, n := range nums[:len(nums)-1] {
		v += n << (8 * (3 - i))
	}
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), true
}

// parseIPv4Number is the URL standard's IPv4 number parser.
func parseIPv4Number(s string) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	base := 10
	switch {
	case strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X"):
		base, s = 16, s[2:]
	case len(s) > 1 && s[0] == '0':
		base, s = 8, s[1:]
	}
	if s == "" {
		return 0, true
	}
	if len(s) > 16 { // far beyond 2^32 in any base, and no overflow below
		return 0, false
	}
	n, err := strconv.ParseUint(s, base, 64)
	if err != nil {
		return 0, false
	}
	return n, true
}

// validPunycodeLabel reports whether s, a label without its "xn--"
// prefix, decodes (RFC 3492) to a non-empty label that needs it: UTS #46,
// which the URL standard applies, refuses an xn-- label that does not
// decode, decodes to nothing but ASCII, or decodes to upper-case letters
// (which it would have mapped to lower case before encoding).
func validPunycodeLabel(s string) bool {
	decoded, ok := decodePunycode(s)
	if !ok || len(decoded) == 0 {
		return false
	}
	ascii := true
	for _, r := range decoded {
		if r >= 0x80 {
			ascii = false
		}
		if unicode.IsUpper(r) || r >= 0xd800 && r <= 0xdfff || r > unicode.MaxRune {
			return false
		}
	}
	return !ascii
}

// decodePunycode is RFC 3492's decoder, with its parameters for IDNA.
func decodePunycode(s string) ([]rune, bool) {
	const (
		base        = 36
		tMin        = 1
		tMax        = 26
		skew        = 38
		damp        = 700
		initialBias = 72
		initialN    = 128
	)
	var out []rune
	if i := strings.LastIndexByte(s, '-'); i >= 0 {
		for _, c := range []byte(s[:i]) {
			if c >= 0x80 {
				return nil, false
			}
			out = append(out, rune(c))
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
		bias = adaptBias(i-oldi, len(out)+1, oldi == 0)
		if i/(len(out)+1) > 1<<31-1-n {
			return nil, false
		}
		n += i / (len(out) + 1)
		i %= len(out) + 1
		if n > unicode.MaxRune {
			return nil, false
		}
		out = append(out[:i], append([]rune{rune(n)}, out[i:]...)...)
		i++
	}
	return out, true
}

func adaptBias(delta, numPoints int, first bool) int {
	if first {
		delta /= 700
	} else {
		delta /= 2
	}
	delta += delta / numPoints
	k := 0
	for delta > ((36-1)*26)/2 {
		delta /= 36 - 1
		k += 36
	}
	return k + (36-1+1)*delta/(delta+38)
}
