package corsa

// Decide classifies r (SPEC.md §1) and decides on it: whether it is
// allowed, the preflight status, and the headers to write. It never
// allocates, keeps no reference to r, and is safe for concurrent use.
// For a CORS request it calls Config.OnDecision, if set, before
// returning (report, at each return of a CORS request).
//
// The returned Decision's Access-Control-Allow-Origin value may be
// r.Origin itself: write the headers before r's memory is reused.
func (p *Policy) Decide(r *Request) Decision {
	v := p.decide(r)
	return v.decision()
}

// verdict is a decision as decide makes it: an allowed response's headers
// are the policy's rendered list and, when the origin is echoed, the
// origin beside it. The Handler writes it as it is; Decide copies it into
// a Decision, whose Headers must be one list.
type verdict struct {
	kind   Kind
	reason Reason
	status int
	vary   string
	set    *headerSet // nil: no headers but Vary
	origin string     // Access-Control-Allow-Origin's value if not set's
}

// decision is v as a Decision.
func (v *verdict) decision() (d Decision) {
	d.Kind, d.Reason, d.Status, d.Vary = v.kind, v.reason, v.status, v.vary
	if v.set != nil {
		d.headers, d.n = v.set.headers, v.set.n
		if v.origin != "" {
			d.headers[0].Value = v.origin
		}
	}
	return d
}

// decide is Decide's logic, returning a verdict.
func (p *Policy) decide(r *Request) (v verdict) {
	cors := r.Origin != "" || r.MultipleOrigins
	preflight := cors && r.Method == "OPTIONS" && r.RequestMethod != ""
	switch {
	case preflight:
		v.kind = Preflight
	case cors:
		v.kind = Actual
	}
	if p.anyOrigin && !preflight {
		// A "*" policy (never credentialed) gives every response but a
		// preflight's the same headers, whatever Origin says or whether
		// it is there at all (SPEC.md §1, §3): nothing depends on Origin,
		// so there is no Vary, and a cache may hand any stored answer to
		// anyone.
		v.set = &p.actual
		if cors {
			p.report(r, &v)
		}
		return v
	}
	v.vary = HeaderOrigin
	if !cors {
		// Not CORS; the answer still depends on Origin, so caches must
		// key on it.
		return v
	}
	if preflight {
		v.vary = p.varyPreflight
		v.status = 403
	}
	if v.reason = p.checkOrigin(r); v.reason != Allowed {
		p.report(r, &v)
		return v
	}
	if !preflight {
		// Only decide stores r's strings into v: v is its own result, on
		// the caller's stack. Storing them through a pointer would make
		// escape analysis move everything r points to (an adapter's stack
		// array of header lines) to the heap.
		v.set = &p.actual
		v.origin = r.Origin // matched byte for byte
		p.report(r, &v)
		return v
	}
	var names int
	if v.reason, names = p.checkPreflight(r); v.reason != Allowed {
		p.report(r, &v)
		return v
	}
	v.status = p.status
	v.set = &p.preflight[preflightSet(names > 0, r.PrivateNetwork == "true")]
	if p.allowOrigin == "" {
		v.origin = r.Origin // see above
	}
	p.report(r, &v)
	return v
}

// checkPreflight runs the preflight checks after the origin's, in the order
// Explain reports them: method, then headers. names counts the header names
// requested. A request for Private Network Access is never a reason to
// refuse (SPEC.md §2).
func (p *Policy) checkPreflight(r *Request) (reason Reason, names int) {
	if !p.methodAllowed(r.RequestMethod) {
		return MethodNotAllowed, 0
	}
	if names, reason = p.checkHeaders(r.RequestHeaders); reason != Allowed {
		return reason, 0
	}
	return Allowed, names
}

func (p *Policy) checkOrigin(r *Request) Reason {
	if r.MultipleOrigins {
		return OriginRepeated
	}
	if entry, _ := p.matchOrigin(r.Origin); matched(entry) {
		return Allowed
	}
	return OriginNotAllowed
}

func (p *Policy) methodAllowed(m string) bool {
	if isSafelistedMethod(m) {
		return true
	}
	if len(m) > maxMethodLen || !isToken(m) {
		return false
	}
	if p.anyMethod {
		return true
	}
	for _, allowed := range p.methods {
		if allowed == m {
			return true
		}
	}
	return false
}
