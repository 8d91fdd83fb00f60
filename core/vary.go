package corsa

import "strings"

// VaryListsOrigin reports whether v, the value of one Vary header line,
// already makes caches key on Origin: it lists Origin (field names compare
// case-insensitively) or "*", which varies on everything.
//
// Adapters whose framework has not yet sent the response headers when the
// handler returns call it then, to put Origin back when later code
// replaced the Vary header instead of adding to it (see each adapter's
// documentation). It never allocates.
func VaryListsOrigin(v string) bool {
	for v != "" {
		var name string
		name, v, _ = strings.Cut(v, ",")
		if name = trimOWS(name); name == "*" || compareFold("origin", name) == 0 {
			return true
		}
	}
	return false
}
