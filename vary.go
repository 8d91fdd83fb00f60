package corsa

import "net/http"

// RestoreVary adds d.Vary to h again when none of h's Vary lines lists
// Origin any more: code that ran after SetHeaders replaced the Vary header
// (http.Header.Set, gin's c.Header) instead of adding to it, or deleted it.
// A response that still lists Origin, or "*", is left as it is, so Origin
// is never listed twice; a decision without Vary (a constant "*" answer)
// adds nothing, and neither does one answered without the handler (a
// preflight's), whose response no handler touches.
//
// Call it after the handler returns, and only while the response headers
// are unsent: once they are written, changing h changes nothing. It
// allocates only when it adds, and then copies h's Vary values rather
// than appending to a slice someone else may hold (SPEC.md §3b).
func (d Decision) RestoreVary(h http.Header) {
	vary := d.Vary()
	if vary == "" || d.Status() != 0 {
		return
	}
	prior := h["Vary"]
	if n := len(prior); n > 0 && prior[n-1] == vary {
		return // what SetHeaders wrote, untouched: no need to parse
	}
	for _, v := range prior {
		if VaryListsOrigin(v) {
			return
		}
	}
	h["Vary"] = append(prior[:len(prior):len(prior)], vary)
}

// VaryListsOrigin reports whether v, the value of one Vary header line,
// already makes caches key on Origin: it lists Origin (field names compare
// case-insensitively) or "*", which varies on everything. An adapter
// whose responses have no http.Header calls it where RestoreVary would be
// called, on each Vary line, and adds Decision.Vary again when no line
// lists Origin. It never allocates.
func VaryListsOrigin(v string) bool {
	if v == "Origin" {
		return true // as corsa writes it: nothing to parse
	}
	for start := 0; start <= len(v); {
		end := start
		for end < len(v) && v[end] != ',' {
			end++
		}
		name := v[start:end]
		for len(name) > 0 && (name[0] == ' ' || name[0] == '\t') {
			name = name[1:]
		}
		for len(name) > 0 && (name[len(name)-1] == ' ' || name[len(name)-1] == '\t') {
			name = name[:len(name)-1]
		}
		if name == "*" || len(name) == len("origin") &&
			name[0]|0x20 == 'o' && name[1]|0x20 == 'r' && name[2]|0x20 == 'i' &&
			name[3]|0x20 == 'g' && name[4]|0x20 == 'i' && name[5]|0x20 == 'n' {
			return true
		}
		start = end + 1
	}
	return false
}
