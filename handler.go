package corsa

import (
	"net/http"
	"sync/atomic"
)

// Handler returns next wrapped in the policy: the net/http middleware.
//
// Preflights are answered here and never reach next. Every other request
// reaches next with its CORS headers already set, so they survive whatever
// next does: any status, http.Error, or a panic recovered further out. A
// request from a refused origin is not blocked (CORS is enforced by the
// browser); it just gets no CORS headers.
func (p *Policy) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p.serve(w, r) {
			next.ServeHTTP(w, r)
		}
	})
}

// serve is Handler's work: it writes the CORS headers for r, answers a
// preflight, and reports whether the request goes on to the handler.
func (p *Policy) serve(w http.ResponseWriter, r *http.Request) bool {
	if status := p.SetHeaders(w.Header(), r); status != 0 {
		w.WriteHeader(status)
		return false
	}
	return true
}

// SetHeaders decides on r and writes its CORS headers into h, the
// response's header map, exactly as Handler does. It returns the status a
// preflight must be answered with, without calling the handler, and 0 for
// every other request, which goes on to the handler.
//
// It does what RequestFromHTTP, Decide and Decision.SetHeaders do
// together, with the same allocation (one, for the values written), but
// without building a Request and a Decision unless Config.OnDecision
// needs them: adapters for frameworks built on net/http call it instead.
// After the handler, RestoreVary restores the Vary it wrote.
func (p *Policy) SetHeaders(h http.Header, r *http.Request) (preflightStatus int) {
	origins := r.Header[HeaderOrigin]
	if len(origins) == 0 && !p.anyOrigin {
		// Not CORS, and the answer depends on Origin: Decide would only
		// say "Vary: Origin". Most requests to an API are these; skipping
		// the Decision saves a fifth of their cost.
		addVary(h, HeaderOrigin)
		return 0
	}
	if len(origins) > 0 && origins[0] != "" && p.onDecision == nil {
		// What Decide and SetHeaders would write, through the same checks
		// and the same rendered headers, without building a Request and a
		// Decision, which cost about a sixth of a refused request's time
		// here. FuzzHandler checks these answers against Decide's.
		if r.Method != http.MethodOptions {
			if !p.anyOrigin {
				p.setActual(h, origins)
				return 0
			}
		} else if acrm := r.Header[HeaderRequestMethod]; len(acrm) > 0 && acrm[0] != "" {
			return p.setPreflight(h, r, origins, acrm[0])
		}
	}
	// The rest, OnDecision's included, go through Decide.
	req := requestFrom(r, origins)
	d := p.Decide(&req)
	d.SetHeaders(h)
	if d.Kind == Preflight {
		return d.Status
	}
	return 0
}

// RestoreVary is Decision.RestoreVary for a request that SetHeaders (the
// Policy's) answered without a preflight status: call it after the
// handler, while the response headers are unsent, to put back the Vary
// that later code replaced.
func (p *Policy) RestoreVary(h http.Header) {
	if !p.anyOrigin {
		// A "*" policy's answers to requests other than preflights have
		// no Vary (see Decide); every other policy's have "Origin".
		restoreVary(h, HeaderOrigin)
	}
}

// setActual answers an actual request as Decide would, for a policy that
// does not allow every origin.
func (p *Policy) setActual(h http.Header, origins []string) {
	reason, set := p.answerActual(origins[0], len(origins) > 1)
	origin := ""
	if reason == Allowed {
		origin = origins[0]
	}
	if set.mustRevoke() {
		revokeOuterGrant(h)
	}
	setHeaders(h, set.list(), origin, HeaderOrigin)
}

// setPreflight answers a preflight, whose requested method is method, as
// Decide would, and returns its status.
func (p *Policy) setPreflight(h http.Header, r *http.Request, origins []string, method string) int {
	var pna string
	if p.privateNetwork {
		if v := r.Header[HeaderRequestPrivateNetwork]; len(v) > 0 {
			pna = v[0]
		}
	}
	reason, set, status := p.answerPreflight(origins[0], len(origins) > 1, method, r.Header[HeaderRequestHeaders], pna)
	origin := ""
	if reason == Allowed && p.allowOrigin == "" {
		origin = origins[0]
	}
	revokeOuterGrant(h) // a preflight's headers never include Expose-Headers
	setHeaders(h, set.list(), origin, p.varyPreflight)
	return status
}

// Middleware serves a Policy that can be replaced at run time, for example
// when a policy file changes. Requests in flight finish on the policy they
// started with; the next ones see the new one. The zero Middleware is ready
// to use and allows nothing.
type Middleware struct {
	policy atomic.Pointer[Policy]
}

// denyAll serves a zero Middleware: the zero Config allows nothing.
var denyAll, _ = New(Config{})

// NewMiddleware validates c and returns a Middleware serving it.
func NewMiddleware(c Config) (*Middleware, error) {
	m := new(Middleware)
	if err := m.Reconfigure(c); err != nil {
		return nil, err
	}
	return m, nil
}

// Reconfigure validates c and, only if it is valid, makes it the policy for
// every request from now on. An invalid c is reported like New reports it,
// and the current policy stays.
func (m *Middleware) Reconfigure(c Config) error {
	p, err := New(c)
	if err != nil {
		return err
	}
	m.policy.Store(p)
	return nil
}

// Policy returns the current policy. Adapters call it once per request.
func (m *Middleware) Policy() *Policy {
	if p := m.policy.Load(); p != nil {
		return p
	}
	return denyAll
}

// Handler returns next wrapped in whichever policy is current when each
// request arrives (see (*Policy).Handler).
func (m *Middleware) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if m.Policy().serve(w, r) {
			next.ServeHTTP(w, r)
		}
	})
}
