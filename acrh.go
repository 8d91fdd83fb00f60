package corsa

import "strings"

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
		return 0, HeadersInvalid
	}
	total := 0
	for _, l := range lines {
		total += len(l)
	}
	if total > p.maxACRH {
		return 0, HeadersInvalid
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
					return 0, HeadersInvalid
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
