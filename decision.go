package corsa

// Decision is a policy's answer to one request (see Decide): whether it is
// allowed, how to answer it, and, through SetHeaders or Headers, the exact
// response headers. It is a small value (four words, cheap to return and
// pass) that points at one of the policy's answers, rendered once in New;
// nothing is copied to make one. The zero Decision writes nothing.
type Decision struct {
	a      *answer // the policy's rendered answer; nil when no policy covers the request
	origin string  // Access-Control-Allow-Origin's value when it echoes Origin
	code   code    // what was decided
}

// code packs a Decision's kind and reason into one word.
type code uint32

// The kinds of answer.
const (
	kindNotCORS     code = iota // no Origin: the handler runs
	kindActual                  // Origin, not a preflight: the handler runs
	kindPreflight               // answered by the policy
	kindCrossOrigin             // a cross-origin write refused with 403
)

func makeCode(kind code, reason Reason) code { return kind | code(reason)<<4 }

func (c code) kind() code     { return c & 0xf }
func (c code) reason() Reason { return Reason(c >> 4) }

// Preflight reports a CORS preflight: an OPTIONS request with Origin and
// Access-Control-Request-Method, which the policy answers itself.
func (d Decision) Preflight() bool { return d.code.kind() == kindPreflight }

// Reason is why the request was refused, or Allowed.
func (d Decision) Reason() Reason { return d.code.reason() }

// Status, when not 0, is the status to answer with at once, without
// calling the handler: a preflight's (the policy's preflight status when
// allowed, 403 when refused), or 403 for a cross-origin write that
// Config.CrossOriginProtection refuses. 0 means: call the handler, whose
// status the response gets.
func (d Decision) Status() int {
	if d.a == nil {
		return 0
	}
	return d.a.status
}

// Vary is the value to add to the response's Vary header (never to
// replace it with); "" for none.
func (d Decision) Vary() string {
	if d.a == nil {
		return ""
	}
	return d.a.vary
}

// Reason says why a request was refused; it is Allowed for every request
// that was not, requests without Origin included.
type Reason uint8

const (
	// Allowed: nothing was refused.
	Allowed Reason = iota
	// OriginNotAllowed: no entry of Config.Origins, and not
	// Config.OriginFunc, allows the Origin.
	OriginNotAllowed
	// MethodNotAllowed: the preflight asked for a method that is neither
	// GET, HEAD, POST nor in Config.Methods.
	MethodNotAllowed
	// HeadersNotAllowed: the preflight asked for a request header the
	// policy does not allow (Authorization is never covered by "*").
	HeadersNotAllowed
	// Malformed: no browser sends the request: it has more than one
	// Origin header (an any-origin policy refuses that in a preflight
	// only), or an Access-Control-Request-Headers that is not a list of
	// header names or is longer than any list the policy allows.
	Malformed
	// OriginFuncPanicked: Config.OriginFunc panicked on the Origin, which
	// is then refused; DecisionEvent.Panic holds the value.
	OriginFuncPanicked
	// CrossOriginRefused: Config.CrossOriginProtection refused a
	// cross-origin request with an unsafe method from an origin the
	// policy does not allow (SPEC.md §9).
	CrossOriginRefused
)

var reasonText = [...]string{
	Allowed:            "allowed",
	OriginNotAllowed:   "origin not allowed",
	MethodNotAllowed:   "method not allowed",
	HeadersNotAllowed:  "request header not allowed",
	Malformed:          "malformed request",
	OriginFuncPanicked: "OriginFunc panicked",
	CrossOriginRefused: "cross-origin write refused",
}

// String returns a short description such as "origin not allowed".
func (r Reason) String() string {
	if int(r) < len(reasonText) {
		return reasonText[r]
	}
	return "unknown reason"
}
