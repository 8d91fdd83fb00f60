package corsa

import "unsafe"

// DecisionEvent is what Config.OnDecision receives for each CORS request:
// the request values a log line or a metric needs, and the decision.
//
// Its strings may alias the request's own memory, which some frameworks
// (fiber, fasthttp) reuse for the next request once this one is served:
// use them during the call, and copy any you keep (strings.Clone), for
// example as a map key. Counting by Decision.Kind and Decision.Reason is
// always safe.
type DecisionEvent struct {
	// Method is the request method.
	Method string
	// Path is the request path, when the adapter provides it (every
	// adapter in this repository does); "" otherwise.
	Path string
	// Origin is the first Origin header; MultipleOrigins reports more.
	Origin          string
	MultipleOrigins bool
	// RequestMethod is the method a preflight asks for
	// (Access-Control-Request-Method); "" in an actual request.
	RequestMethod string
	// RefusedHeader is, when Decision.Reason is HeadersNotAllowed, the
	// first name in Access-Control-Request-Headers the policy does not
	// allow, as sent; "" otherwise. The list itself is not passed on: a
	// hostile client can make it as long as its server accepts.
	RefusedHeader string
	// PrivateNetwork is the value of
	// Access-Control-Request-Private-Network, in a preflight.
	PrivateNetwork string
	// Decision is the decision, as Decide returns it.
	Decision Decision
}

// report calls OnDecision, if set, with a CORS request's decision. Decide
// calls it before each return, rather than wrapping an inner function,
// so that an unset hook costs one comparison and no copy of the Decision.
func (p *Policy) report(r *Request, d *Decision) {
	if p.onDecision != nil {
		p.emit(hide(r), hide(d))
	}
}

// emit calls OnDecision. It copies the event on the stack and allocates
// nothing; whatever the hook allocates is its own.
func (p *Policy) emit(r *Request, d *Decision) {
	e := DecisionEvent{
		Method:          r.Method,
		Path:            r.Path,
		Origin:          r.Origin,
		MultipleOrigins: r.MultipleOrigins,
		RequestMethod:   r.RequestMethod,
		PrivateNetwork:  r.PrivateNetwork,
		Decision:        *d,
	}
	if d.Reason == HeadersNotAllowed {
		e.RefusedHeader = p.refusedHeader(r.RequestHeaders)
	}
	p.onDecision(e)
}

// hide returns x, hidden from escape analysis.
//
// Handing r's strings to OnDecision, a function value the compiler cannot
// see into, would otherwise make everything r points to escape, whatever
// the hook does and even when no hook is set: an adapter's stack array of
// Access-Control-Request-Headers lines (the fiber adapter has one) would
// then be allocated on every preflight. What reaches the hook is only
// strings, which live in the framework's request buffers on the heap
// (DecisionEvent says for how long), never the lines slice itself. The
// pointer passes through a uintptr with no call in between, so no stack
// copy can happen meanwhile; the standard library's internal/abi.NoEscape
// does the same.
func hide[T any](x *T) *T {
	u := uintptr(unsafe.Pointer(x))
	return *(**T)(unsafe.Pointer(&u))
}

// hideString returns s, its bytes hidden from escape analysis (see hide).
func hideString(s string) string {
	return unsafe.String(hide(unsafe.StringData(s)), len(s))
}

// refusedHeader returns the first name in lines that the policy does not
// allow, trimmed, or "" (checkHeaders has already bounded lines).
func (p *Policy) refusedHeader(lines []string) string {
	cursor := 0
	for _, line := range lines {
		for pos := 0; pos <= len(line); {
			end := pos
			for end < len(line) && line[end] != ',' {
				end++
			}
			name := trimOWS(line[pos:end])
			pos = end + 1
			if name != "" && !p.headerAllowed(name, &cursor) {
				return name
			}
		}
	}
	return ""
}
