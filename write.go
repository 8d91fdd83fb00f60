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
	a := d.a
	if a == nil {
		return
	}
	if len(h) == 0 && a.n == 0 {
		// Nothing but Vary on a response without headers yet, the most
		// common answer: no outer grant, no prior Vary.
		if a.vary != "" {
			h["Vary"] = []string{a.vary}
		}
		return
	}
	hs := a.headers[:a.n]
	n := len(hs)
	var prior []string
	if len(h) > 0 {
		// Headers set before corsa: an outer grant to remove, unless
		// every header of it is written again, and a Vary to add to. A
		// response without any, the common case, saves these lookups.
		if !a.replacesGrant {
			if _, granted := h["Access-Control-Allow-Origin"]; granted {
				delete(h, "Access-Control-Allow-Origin")
				delete(h, "Access-Control-Allow-Credentials")
				delete(h, "Access-Control-Expose-Headers")
			}
		}
		if a.vary != "" {
			prior = h["Vary"]
		}
	}
	if a.vary != "" {
		n += len(prior) + 1
	}
	if n == 0 {
		return
	}
	vals := values(n)
	for i := range hs {
		vals[i] = hs[i].value
		h[hs[i].name] = vals[i : i+1 : i+1]
	}
	if d.origin != "" {
		vals[0] = d.origin
	}
	if a.vary != "" {
		i := len(hs)
		if len(prior) > 0 {
			copy(vals[i:], prior)
		}
		vals[n-1] = a.vary
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
		if d.a == nil {
			return
		}
		for i, hd := range d.a.headers[:d.a.n] {
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

// values returns a new array of n strings. Arrays of the sizes an answer
// has, up to its six headers and Vary, are allocated by their type, which
// costs less than make's computed size.
func values(n int) []string {
	switch n {
	case 1:
		return new([1]string)[:]
	case 2:
		return new([2]string)[:]
	case 3:
		return new([3]string)[:]
	case 4:
		return new([4]string)[:]
	case 5:
		return new([5]string)[:]
	case 6:
		return new([6]string)[:]
	case 7:
		return new([7]string)[:]
	}
	return make([]string, n)
}
