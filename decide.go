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
	// The headers are the policy's rendered list, with the request's own
	// origin beside it when it is echoed: nothing is copied here. Only
	// Decide stores r's strings into d: d is its own result, on the
	// caller's stack. Storing them through a *Decision would make escape
	// analysis move everything r points to (an adapter's stack array of
	// header lines) to the heap.
	if preflight {
		d.Vary = p.varyPreflight
		d.Reason, d.set, d.Status = p.answerPreflight(r.Origin, r.MultipleOrigins, r.RequestMethod, r.RequestHeaders, r.PrivateNetwork)
		if d.Reason == Allowed && p.allowOrigin == "" {
			d.origin = r.Origin // matched byte for byte
		}
		p.report(r, &d)
		return d
	}
	if d.Reason, d.set = p.answerActual(r.Origin, r.MultipleOrigins); d.Reason == Allowed {
		d.origin = r.Origin // matched byte for byte
	}
	p.report(r, &d)
	return d
}

// answerActual is the answer to an actual request from origin (multiple:
// more than one Origin line) under a policy that does not allow every
// origin: its one check is the origin's (SPEC.md §3). set is the headers
// to write, nil when refused. Decide and the Handler both answer with it.
func (p *Policy) answerActual(origin string, multiple bool) (Reason, *headerSet) {
	if reason := p.checkOrigin(origin, multiple); reason != Allowed {
		return reason, nil
	}
	return Allowed, &p.actual
}

// answerPreflight is the answer to a preflight (SPEC.md §2): the origin's
// check, then checkPreflight's, the headers to write (nil when refused)
// and the status. Decide and the Handler both answer with it.
func (p *Policy) answerPreflight(origin string, multiple bool, method string, headers []string, privateNetwork string) (reason Reason, set *headerSet, status int) {
	if reason = p.checkOrigin(origin, multiple); reason == Allowed {
		reason, set = p.checkPreflight(method, headers, privateNetwork)
	}
	if reason != Allowed {
		return reason, nil, 403
	}
	return Allowed, set, p.status
}

// checkPreflight runs the preflight checks after the origin's, in the order
// Explain reports them: method, then headers, and returns the headers of
// the answer, nil when refused. A request for Private Network Access
// (privateNetwork "true") is never a reason to refuse (SPEC.md §2): it
// only picks the answer that grants it, if the policy does.
func (p *Policy) checkPreflight(method string, headers []string, privateNetwork string) (Reason, *headerSet) {
	if !p.methodAllowed(method) {
		return MethodNotAllowed, nil
	}
	names, reason := p.checkHeaders(headers)
	if reason != Allowed {
		return reason, nil
	}
	return Allowed, &p.preflight[preflightSet(names > 0, privateNetwork == "true")]
}

// checkOrigin is the origin's check.
func (p *Policy) checkOrigin(origin string, multiple bool) Reason {
	if multiple {
		return OriginRepeated
	}
	if p.exactSet == nil {
		// The common policy, a few exact origins, without a call: an
		// exact entry is neither "null" nor longer than any entry could
		// match, so matchOrigin would allow it first thing too.
		for _, e := range p.exact {
			if e == origin {
				return Allowed
			}
		}
	}
	if entry, _ := p.matchOrigin(origin); matched(entry) {
		return Allowed
	}
	return OriginNotAllowed
}

func (p *Policy) methodAllowed(m string) bool {
	// A listed method is a token: only "*" needs the token check.
	for _, allowed := range p.askable {
		if allowed == m {
			return true
		}
	}
	return p.anyMethod && len(m) <= maxMethodLen && isToken(m)
}
