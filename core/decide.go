package corsa

// Decide classifies r (SPEC.md §1) and decides on it: whether it is
// allowed, the preflight status, and the headers to write. It never
// allocates, keeps no reference to r, and is safe for concurrent use.
//
// The returned Decision's Access-Control-Allow-Origin value may be
// r.Origin itself: write the headers before r's memory is reused.
func (p *Policy) Decide(r *Request) (d Decision) {
	if r.Origin == "" && !r.MultipleOrigins {
		// Not CORS; the answer still depends on Origin, so caches must
		// key on it.
		d.Vary = HeaderOrigin
		return d
	}
	d.Kind = Actual
	d.Vary = HeaderOrigin
	preflight := r.Method == "OPTIONS" && r.RequestMethod != ""
	if preflight {
		d.Kind = Preflight
		d.Vary = p.varyPreflight
		d.Status = 403
	}
	if d.Reason = p.checkOrigin(r); d.Reason != Allowed {
		return d
	}
	var names int
	if preflight {
		if d.Reason, names = p.checkPreflight(r); d.Reason != Allowed {
			return d
		}
		d.Status = p.status
	} else {
		d.Vary = p.varyActual
	}
	// Only Decide stores r's strings into d: d is its own result, on the
	// caller's stack. Storing them through a *Decision would make escape
	// analysis move everything r points to (an adapter's stack array of
	// header lines) to the heap.
	d.headers[0] = Header{HeaderAllowOrigin, p.allowOriginValue(r)}
	d.n = 1
	if preflight {
		p.addPreflightHeaders(&d, names, r.PrivateNetwork == "true")
	} else {
		p.addActualHeaders(&d)
	}
	return d
}

func (p *Policy) addActualHeaders(d *Decision) {
	if p.credentials {
		d.set(HeaderAllowCredentials, "true")
	}
	if p.exposeHeaders != "" {
		d.set(HeaderExposeHeaders, p.exposeHeaders)
	}
}

func (p *Policy) addPreflightHeaders(d *Decision, names int, privateNetwork bool) {
	if p.credentials {
		d.set(HeaderAllowCredentials, "true")
	}
	if p.allowMethods != "" {
		d.set(HeaderAllowMethods, p.allowMethods)
	}
	if p.allowHeaders != "" && names > 0 {
		d.set(HeaderAllowHeaders, p.allowHeaders)
	}
	if p.hasMaxAge {
		d.set(HeaderMaxAge, p.maxAge)
	}
	if p.privateNetwork && privateNetwork {
		d.set(HeaderAllowPrivateNetwork, "true")
	}
}

// checkPreflight runs the preflight checks after the origin's, in the order
// Explain reports them: method, headers, private network. names counts the
// header names requested.
func (p *Policy) checkPreflight(r *Request) (reason Reason, names int) {
	if !p.methodAllowed(r.RequestMethod) {
		return MethodNotAllowed, 0
	}
	if names, reason = p.checkHeaders(r.RequestHeaders); reason != Allowed {
		return reason, 0
	}
	if r.PrivateNetwork == "true" && !p.privateNetwork {
		return PrivateNetworkNotAllowed, 0
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
	if entry, _ := p.matchOrigin(r.Origin); entry >= 0 {
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
