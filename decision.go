package corsa

import "net/http"

// Kind classifies a request as SPEC.md §1 does.
type Kind uint8

const (
	// NotCORS is a request without an Origin header: the handler runs and
	// the response gets "Vary: Origin", or, from an any-origin policy, the
	// same constant headers as an actual request and no Vary.
	NotCORS Kind = iota
	// Preflight is an OPTIONS request with Origin and
	// Access-Control-Request-Method: the policy answers it and the handler
	// never runs.
	Preflight
	// Actual is any other request with an Origin header, including an
	// OPTIONS request without Access-Control-Request-Method: the handler
	// runs, with CORS headers already on the response.
	Actual
)

// String returns "not CORS", "preflight" or "actual".
func (k Kind) String() string {
	switch k {
	case Preflight:
		return "preflight"
	case Actual:
		return "actual"
	default:
		return "not CORS"
	}
}

// Reason says why a request was refused; it is Allowed for every request
// that was not (including requests without Origin).
type Reason uint8

const (
	// Allowed: nothing was refused.
	Allowed Reason = iota
	// OriginNotAllowed: the Origin matches no entry of Config.Origins.
	OriginNotAllowed
	// OriginRepeated: the request carried more than one Origin header. An
	// any-origin policy refuses it only in a preflight: its other answers
	// are constant.
	OriginRepeated
	// MethodNotAllowed: the preflight asked for a method that is neither
	// safelisted nor in Config.Methods, or that is not a valid token.
	MethodNotAllowed
	// HeadersNotAllowed: the preflight asked for a request header the policy
	// does not allow (Authorization is never covered by "*").
	HeadersNotAllowed
	// HeadersInvalid: Access-Control-Request-Headers is malformed or longer
	// than any list the policy could allow.
	HeadersInvalid
)

var reasonText = [...]string{
	Allowed:           "allowed",
	OriginNotAllowed:  "origin not allowed",
	OriginRepeated:    "more than one Origin header",
	MethodNotAllowed:  "method not allowed",
	HeadersNotAllowed: "request header not allowed",
	HeadersInvalid:    "malformed or oversized Access-Control-Request-Headers",
}

// String returns a short description such as "origin not allowed".
func (r Reason) String() string {
	if int(r) < len(reasonText) {
		return reasonText[r]
	}
	return "unknown reason"
}

// Header is one response header to set: a canonical name and its value.
type Header struct {
	Name, Value string
}

// maxHeaders is the most headers a decision sets besides Vary: the six
// Access-Control-Allow-* and Max-Age headers of an allowed preflight.
const maxHeaders = 6

// Decision is a Policy's answer to one request: what kind of request it is,
// whether it is allowed, and the exact response headers to write. It is a
// plain value, cheap to return on the stack: its headers are the policy's,
// rendered once, which SetHeaders writes as they are and Headers copies
// into the Decision on its first call. Like the request it answers, a
// Decision belongs to one goroutine.
type Decision struct {
	// Kind is the request's classification.
	Kind Kind
	// Reason is why the request was refused, or Allowed.
	Reason Reason
	// Status is the status code of a preflight response: the policy's
	// preflight status when allowed, 403 when refused. Zero for other
	// kinds, whose status is the handler's.
	Status int
	// Vary is the value to add to the response's Vary header (never to
	// replace it); "" for none.
	Vary string

	set    *headerSet // the policy's rendered headers; nil for none
	origin string     // Access-Control-Allow-Origin's value if not set's

	n       uint8              // Headers' copy, made on its first call
	headers [maxHeaders]Header // (see Headers)
}

// Allowed reports whether the request may proceed as CORS: true for allowed
// preflight and actual requests, false for refused ones and for requests
// without Origin.
func (d *Decision) Allowed() bool { return d.Kind != NotCORS && d.Reason == Allowed }

// Headers returns the headers to set on the response, in a stable order.
// They never include Vary, which must be added to, not set: see Vary.
func (d *Decision) Headers() []Header {
	if d.n == 0 && d.set != nil {
		// Copied on demand: SetHeaders, which most adapters call, never
		// needs the list in one piece.
		d.headers, d.n = d.set.headers, d.set.n
		if d.origin != "" {
			// A store through d: hidden, or escape analysis would move
			// every request string Decide put in d to the heap (see
			// hide). The copy lives no longer than d.origin.
			d.headers[0].Value = hideString(d.origin)
		}
	}
	return d.headers[:d.n]
}

// SetHeaders writes the decision into a net/http header map: it sets every
// header of Headers and appends Vary to whatever Vary values h already has.
//
// Access-Control-Allow-Origin, -Credentials and -Expose-Headers already on
// h, from an outer corsa middleware, are removed first: the innermost
// decision is the response's only grant.
//
// It allocates once, one backing array for all the values it writes, and
// nothing when there is nothing to write. Each value slice it puts in h is
// capped at its own length, so a handler that appends to or edits one
// cannot reach another response's values or this response's other headers
// (SPEC.md §3b).
func (d *Decision) SetHeaders(h http.Header) {
	if d.set.mustRevoke() {
		revokeOuterGrant(h)
	}
	setHeaders(h, d.set.list(), d.origin, d.Vary)
}

// setHeaders is SetHeaders for the headers hs, with origin, if not "", as
// the value of the first (Access-Control-Allow-Origin), and Vary vary:
// the policy's rendered list is written without being copied first.
func setHeaders(h http.Header, hs []Header, origin, vary string) {
	n := len(hs)
	var prior []string
	if vary != "" {
		prior = h[HeaderVary]
		n += len(prior) + 1
	}
	if n == 0 {
		return
	}
	vals := make([]string, n)
	for i, hd := range hs {
		vals[i] = hd.Value
		h[hd.Name] = vals[i : i+1 : i+1]
	}
	if origin != "" {
		vals[0] = origin
	}
	if vary != "" {
		i := len(hs)
		copy(vals[i:], prior)
		vals[n-1] = vary
		h[HeaderVary] = vals[i:n:n]
	}
}

// addVary appends v to h's Vary values in a new array of the response's
// own (SPEC.md §3b): one allocation.
func addVary(h http.Header, v string) {
	prior := h[HeaderVary]
	vals := make([]string, len(prior)+1)
	copy(vals, prior)
	vals[len(prior)] = v
	h[HeaderVary] = vals
}
