package corsa

import "net/http"

// Request holds the request values a policy decides on: what an adapter
// reads from its framework's request before calling Decide. Strings may
// alias the framework's request memory for as long as the request is
// being served: corsa keeps none of them, and copies every value it hands
// to Config.OriginFunc or Config.OnDecision.
//
// The preflight fields are read only for an OPTIONS request with Origin,
// and SecFetchSite only for a method other than GET, HEAD and OPTIONS, as
// ReadHTTP does: no other request needs them.
type Request struct {
	// Method is the request method, byte for byte.
	Method string
	// Host is the request's host, with its port if it has one: the Host
	// header, or the authority of an HTTP/2 request. Only
	// Config.CrossOriginProtection reads it.
	Host string
	// Path is the path the router routes on. Paths picks a policy by it,
	// and OnDecision's events carry it.
	Path string
	// Origin is the value of the (first) Origin header; "" when absent.
	Origin string
	// MultipleOrigins reports more than one Origin header line. No
	// browser sends that, so such a request is refused.
	MultipleOrigins bool
	// RequestMethod is the value of Access-Control-Request-Method.
	RequestMethod string
	// RequestHeaders holds every Access-Control-Request-Headers line, in
	// order: some proxies split one list over several lines.
	RequestHeaders []string
	// PrivateNetwork is the value of Access-Control-Request-Private-Network.
	// ReadHTTP leaves it to Decide, which reads it from the request only
	// when the policy answers Private Network Access or reports its
	// decisions (see ReadHTTP).
	PrivateNetwork string
	// SecFetchSite is the value of the (first) Sec-Fetch-Site header.
	// Only Config.CrossOriginProtection reads it.
	SecFetchSite string
	// RawPath, when not "", is the request's path in another form than
	// Path, as some router may route on it: the percent-encoded path as
	// sent when Path is the decoded one (net/http's URL.RawPath), or the
	// other way round. Paths then serves a policy only when both forms
	// pick the same one.
	RawPath string

	// header is the header of a preflight ReadHTTP read, for Decide to
	// read PrivateNetwork from when the policy needs it: most policies
	// never do, and looking its long name up costs a tenth of a
	// preflight.
	header http.Header
}

// ReadHTTP sets every field of r from req, for frameworks built on
// net/http, but PrivateNetwork: Decide reads that one from req, on a
// preflight, when the policy answers Private Network Access or has
// Config.OnDecision, and sets it then. It allocates nothing: the strings
// and slices of req's header map are used as they are. It fills r in
// place, rather than returning a Request, so that the values are not
// copied again on every request.
func (r *Request) ReadHTTP(req *http.Request) {
	// Small enough to be inlined, so that these stores go straight to the
	// caller's Request, usually on its stack.
	r.Method, r.Host, r.Path, r.RawPath = req.Method, req.Host, req.URL.Path, req.URL.RawPath
	r.readHeaders(req.Header)
}

// readHeaders is ReadHTTP for the header fields.
func (r *Request) readHeaders(h http.Header) {
	r.SecFetchSite = ""
	if !isSafeMethod(r.Method) {
		if v := h["Sec-Fetch-Site"]; len(v) > 0 {
			r.SecFetchSite = v[0]
		}
	}
	r.Origin, r.MultipleOrigins = "", false
	r.RequestMethod, r.RequestHeaders, r.PrivateNetwork, r.header = "", nil, "", nil
	origins := h["Origin"]
	if len(origins) == 0 {
		return
	}
	r.Origin, r.MultipleOrigins = origins[0], len(origins) > 1
	if r.Method != http.MethodOptions {
		return
	}
	if v := h["Access-Control-Request-Method"]; len(v) > 0 {
		r.RequestMethod = v[0]
		r.RequestHeaders = h["Access-Control-Request-Headers"]
		r.header = h
	}
}

// readPrivateNetwork sets PrivateNetwork from the header ReadHTTP left.
func (r *Request) readPrivateNetwork() {
	if v := r.header["Access-Control-Request-Private-Network"]; len(v) > 0 {
		r.PrivateNetwork = v[0]
	}
	r.header = nil
}
