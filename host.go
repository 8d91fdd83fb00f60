package corsa

import (
	"net/netip"
	"strconv"
	"strings"
)

// Browsers build the Origin header from a URL parsed by the WHATWG URL
// standard, so a configured host can only ever match if it is already in
// the form that standard serialises (https://url.spec.whatwg.org/#host-
// serializing). The checks below say what the browser sends instead.

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
	addr, err := netip.ParseAddr(host[1 : len(host)-1])
	if err != nil || !addr.Is6() || addr.Zone() != "" {
		return "invalid IPv6 literal: no browser can send it"
	}
	a := addr.As16()
	var pieces [8]uint16
	for i := range pieces {
		pieces[i] = uint16(a[2*i])<<8 | uint16(a[2*i+1])
	}
	if s := string(appendIPv6(nil, pieces)); s != host {
		return "browsers send this IPv6 address as " + s + ": write it that way"
	}
	return ""
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
