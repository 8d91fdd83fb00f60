package corsa

import (
	"net/http"
	"strings"
)

// VaryListsOrigin reports whether v, the value of one Vary header line,
// already makes caches key on Origin: it lists Origin (field names compare
// case-insensitively) or "*", which varies on everything.
//
// Adapters whose framework has not yet sent the response headers when the
// handler returns call it then, to put Origin back when later code
// replaced the Vary header instead of adding to it (see each adapter's
// documentation). It never allocates.
func VaryListsOrigin(v string) bool {
	if v == HeaderOrigin {
		return true // as corsa writes it: nothing to parse
	}
	for v != "" {
		var name string
		name, v, _ = strings.Cut(v, ",")
		if name = trimOWS(name); name == "*" || compareFold("origin", name) == 0 {
			return true
		}
	}
	return false
}

// RestoreVary adds d.Vary to h again when none of h's Vary lines lists
// Origin any more: code that ran after SetHeaders replaced the Vary header
// (http.Header.Set, gin's c.Header) instead of adding to it, or deleted it.
// A response that still lists Origin, or "*", is left as it is, so Origin
// is never listed twice; a decision without Vary (a constant "*" answer)
// adds nothing, and neither does a preflight's, whose response no handler
// touches.
//
// Call it after the handler returns, and only while the response headers
// are unsent: once they are written, changing h changes nothing. It
// allocates only when it adds, and then copies h's Vary values rather
// than appending to a slice someone else may hold (SPEC.md §3b).
func (d *Decision) RestoreVary(h http.Header) {
	if d.Vary == "" || d.Kind == Preflight {
		return
	}
	restoreVary(h, d.Vary)
}

// restoreVary is RestoreVary for a response SetHeaders gave Vary vary.
func restoreVary(h http.Header, vary string) {
	prior := h[HeaderVary]
	if n := len(prior); n > 0 && prior[n-1] == vary {
		return // what SetHeaders wrote, untouched: no need to parse
	}
	for _, v := range prior {
		if VaryListsOrigin(v) {
			return
		}
	}
	h[HeaderVary] = append(prior[:len(prior):len(prior)], vary)
}
