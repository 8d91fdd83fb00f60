package corsa

import "net/http"

// Request holds the few request values a Policy decides on. Adapters fill it
// from their framework's request without copying: strings may alias the
// framework's buffers, since a Policy keeps none of them after Decide
// returns (the returned Decision may hold Origin until its headers are
// written). They must not live in the caller's own stack frame, though:
// Config.OriginFunc and Config.OnDecision receive them (see hide).
type Request struct {
	// Method is the request method, byte for byte.
	Method string
	// Path is the request path, for Config.OnDecision's logs only: no
	// decision depends on it. Adapters fill it when it costs nothing.
	Path string
	// Origin is the value of the Origin header; "" when absent.
	Origin string
	// MultipleOrigins reports that the request carried more than one Origin
	// header line. No browser sends that, so such a request is refused.
	MultipleOrigins bool
	// RequestMethod is the value of Access-Control-Request-Method.
	RequestMethod string
	// RequestHeaders holds every Access-Control-Request-Headers line, in
	// order (some proxies split one list over several lines).
	RequestHeaders []string
	// PrivateNetwork is the value of Access-Control-Request-Private-Network.
	PrivateNetwork string
}

// Canonical names of the headers corsa reads and writes.
const (
	HeaderOrigin                = "Origin"
	HeaderRequestMethod         = "Access-Control-Request-Method"
	HeaderRequestHeaders        = "Access-Control-Request-Headers"
	HeaderRequestPrivateNetwork = "Access-Control-Request-Private-Network"
	HeaderVary                  = "Vary"
	HeaderAllowOrigin           = "Access-Control-Allow-Origin"
	HeaderAllowCredentials      = "Access-Control-Allow-Credentials"
	HeaderAllowMethods          = "Access-Control-Allow-Methods"
	HeaderAllowHeaders          = "Access-Control-Allow-Headers"
	HeaderExposeHeaders         = "Access-Control-Expose-Headers"
	HeaderMaxAge                = "Access-Control-Max-Age"
	HeaderAllowPrivateNetwork   = "Access-Control-Allow-Private-Network"
)

// RequestFromHTTP reads the values a Policy needs from r. It allocates
// nothing: the header map's own strings and slices are used as they are.
func RequestFromHTTP(r *http.Request) Request {
	return requestFrom(r, r.Header[HeaderOrigin])
}

// requestFrom is RequestFromHTTP given r's Origin lines. The preflight
// headers are read only for OPTIONS with Access-Control-Request-Method:
// no other request is a preflight (SPEC.md §1).
func requestFrom(r *http.Request, origins []string) Request {
	req := Request{Method: r.Method, Path: r.URL.Path}
	if len(origins) == 0 {
		return req
	}
	req.Origin = origins[0]
	req.MultipleOrigins = len(origins) > 1
	if r.Method != http.MethodOptions {
		return req
	}
	acrm := r.Header[HeaderRequestMethod]
	if len(acrm) == 0 {
		return req
	}
	req.RequestMethod = acrm[0]
	req.RequestHeaders = r.Header[HeaderRequestHeaders]
	if v := r.Header[HeaderRequestPrivateNetwork]; len(v) > 0 {
		req.PrivateNetwork = v[0]
	}
	return req
}
