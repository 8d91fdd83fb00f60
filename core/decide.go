package corsa

// Decide classifies r (SPEC.md §1) and decides on it: whether it is
// allowed, the preflight status, and the headers to write. It never
// allocates, keeps no reference to r, and is safe for concurrent use.
// For a CORS request it calls Config.OnDecision, if set, before
// returning (report, at each return of a CORS request).
//
// The returned Decision's Access-Control-Allow-Origin value may be
// r.Origin itself: write the headers before r's memory is reused.
func (p *Policy) Decide(r *Request) (d Decision) {
	cors := r.Origin != "" || r.MultipleOrigins
	preflight := cors && r.Method == "OPTIONS" && r.RequestMethod != ""
	switch {
	case preflight:
		d.Kind = Preflight
	case cors:
		d.Kind = Actual
	}
	if p.anyOrigin && !preflight {
		// A "*" policy (never credentialed) gives every response but a
		// preflight's the same headers, whatever Origin says or whether
		// it is there at all (SPEC.md §1, §3): nothing depends on Origin,
		// so there is no Vary, and a cache may hand any stored answer to
		// anyone.
		d.headers, d.n = p.actual.headers, p.actual.n
		if cors {
			p.report(r, &d)
		}
		return d
	}
	d.Vary = HeaderOrigin
	if !cors {
		// Not CORS; the answer still depends on Origin, so caches must
		// key on it.
		return d
	}
	if preflight {
		d.Vary = p.varyPreflight
		d.Status = 403
	}
	if d.Reason = p.checkOrigin(r); d.Reason != Allowed {
		p.report(r, &d)
		return d
	}
	if !preflight {
		// Only Decide stores r's strings into d: d is its own result, on
		// the caller's stack. Storing them through a *Decision would make
		// escape analysis move everything r points to (an adapter's stack
		// array of header lines) to the heap.
		d.headers, d.n = p.actual.headers, p.actual.n
		d.headers[0].Value = r.Origin // matched byte for byte
		p.report(r, &d)
		return d
	}
	var names int
	if d.Reason, names = p.checkPreflight(r); d.Reason != Allowed {
		p.report(r, &d)
		return d
	}
	d.Status = p.status
	set := &p.preflight[preflightSet(names > 0, r.PrivateNetwork == "true")]
	d.headers, d.n = set.headers, set.n
	d.headers[0].Value = p.allowOriginValue(r) // see above
	p.report(r, &d)
	return d
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

// allowOriginValue is "*" for an any-origin policy, else the request's
// own origin, which matched byte for byte.
func (p *Policy) allowOriginValue(r *Request) string {
	if p.allowOrigin != "" {
		return p.allowOrigin
	}
	return r.Origin
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
