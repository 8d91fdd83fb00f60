package corsa

// DecisionEvent is what Config.OnDecision receives for each CORS request
// (any request with an Origin header) and for each request
// Config.CrossOriginProtection refuses.
//
// Every string in it is the hook's own, copied for the call: it may keep
// them, as map keys or in asynchronous logs, whatever the framework does
// with the request's memory afterwards.
type DecisionEvent struct {
	// Request is the request's values as the adapter read them, but for
	// RequestHeaders, which is nil: a hostile client can make that list
	// as long as its server accepts. RefusedHeader names the one header
	// a refusal is about.
	Request Request
	// Decision is the decision, its echoed origin a copy too.
	Decision Decision
	// RefusedHeader is, when Decision.Reason is HeadersNotAllowed, the
	// first name in Access-Control-Request-Headers the policy does not
	// allow, as sent; "" otherwise.
	RefusedHeader string
	// Panic is, when Decision.Reason is OriginFuncPanicked, the value
	// Config.OriginFunc panicked with.
	Panic any
}
