package corsa

import (
	"iter"
	"net/http"
)

// SetHeaders writes the decision into h, a net/http response's header
// map: it removes the grant an outer CORS middleware wrote
// (Access-Control-Allow-Origin, -Credentials and -Expose-Headers), so that
// the innermost corsa decides alone, sets every header of the decision,
// and adds its Vary to the values h already has. The zero Decision writes
// nothing.
//
// It allocates once, one backing array for all the values it writes, and
// nothing when there is nothing to write. Each value slice it puts in h is
// capped at its own length, so a handler that appends to or edits one
// cannot reach another response's values or this response's other headers
// (SPEC.md §3b).
func (d Decision) SetHeaders(h http.Header) {
	if d.p == nil {
		return
	}
	set := d.headers()
	// A response without headers yet, the common case, has no grant to
	// remove and no Vary to keep: two map lookups saved.
	fresh := len(h) == 0
	if !fresh && set.mustRevoke() {
		if _, granted := h["Access-Control-Allow-Origin"]; granted {
			delete(h, "Access-Control-Allow-Origin")
			delete(h, "Access-Control-Allow-Credentials")
			delete(h, "Access-Control-Expose-Headers")
		}
	}
	hs := set.list()
	vary := d.Vary()
	n := len(hs)
	var prior []string
	if vary != "" {
		if !fresh {
			prior = h["Vary"]
		}
		n += len(prior) + 1
	}
	if n == 0 {
		return
	}
	vals := make([]string, n)
	for i, hd := range hs {
		vals[i] = hd.value
		h[hd.name] = vals[i : i+1 : i+1]
	}
	if d.origin != "" {
		vals[0] = d.origin
	}
	if vary != "" {
		i := len(hs)
		copy(vals[i:], prior)
		vals[n-1] = vary
		h["Vary"] = vals[i:n:n]
	}
}

// Headers returns the headers to set on a response, in a stable order,
// for frameworks whose responses have no http.Header; SetHeaders is the
// same for those that do. Names are canonical. origin is the request's
// Origin as the adapter read it: when the decision echoes it,
// Access-Control-Allow-Origin's value is origin, and when origin is not
// the Origin decided on, Headers yields nothing.
//
// Write them as SetHeaders does: unless the Decision is the zero one,
// first, when the response already has Access-Control-Allow-Origin (an
// outer CORS middleware's grant), remove it, Access-Control-Allow-
// Credentials and Access-Control-Expose-Headers; then set each header;
// then add Vary to the response's Vary values.
//
// The origin is passed in rather than taken from the Decision so that
// writing it with a framework call the compiler cannot see through does
// not move the adapter's Request, and everything it points to, to the
// heap.
func (d Decision) Headers(origin string) iter.Seq2[string, string] {
	return func(yield func(name, value string) bool) {
		if d.origin != "" && origin != d.origin {
			return
		}
		for i, hd := range d.headers().list() {
			v := hd.value
			if i == 0 && d.origin != "" {
				v = origin
			}
			if !yield(hd.name, v) {
				return
			}
		}
	}
}

// mustRevoke reports whether writing the set must remove an outer grant
// first: a refusal (nil), or a set that leaves some header of a grant
// unwritten, as every preflight's does (it has no Expose-Headers).
func (s *headerSet) mustRevoke() bool { return s == nil || !s.replacesGrant }

// list is the set's headers; nil for a nil set.
func (s *headerSet) list() []header {
	if s == nil {
		return nil
	}
	return s.headers[:s.n]
}
