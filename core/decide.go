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
		d.set = &p.actual
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
	if d.Reason = p.checkOrigin(r.Origin, r.MultipleOrigins); d.Reason != Allowed {
		p.report(r, &d)
		return d
	}
	// The headers are the policy's rendered list, with the request's own
	// origin beside it when it is echoed: nothing is copied here.
	if !preflight {
		// Only Decide stores r's strings into d: d is its own result, on
		// the caller's stack. Storing them through a *Decision would make
		// escape analysis move everything r points to (an adapter's stack
		// array of header lines) to the heap.
		d.set = &p.actual
		d.origin = r.Origin // matched byte for byte
		p.report(r, &d)
		return d
	}
	var names int
	if d.Reason, names = p.checkPreflight(r); d.Reason != Allowed {
		p.report(r, &d)
		return d
	}
	d.Status = p.status
	d.set = &p.preflight[preflightSet(names > 0, r.PrivateNetwork == "true")]
	if p.allowOrigin == "" {
		d.origin = r.Origin // see above
	}
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

// checkOrigin is the origin's check, the only one an actual request has
// (SPEC.md §3): the Handler calls it directly for those (see serve).
func (p *Policy) checkOrigin(origin string, multiple bool) Reason {
	if multiple {
		return OriginRepeated
	}
	if entry, _ := p.matchOrigin(origin); matched(entry) {
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
