package corsa

import "net/http"

// Handler returns next wrapped in the policy: the net/http middleware.
//
// Preflights are answered here and never reach next. Every other request
// reaches next with its CORS headers already set, so they survive whatever
// next does: any status, http.Error, or a panic recovered further out. A
// request from a refused origin is not blocked (CORS is enforced by the
// browser); it just gets no CORS headers. With Config.CrossOriginProtection,
// a cross-origin write from an origin the policy does not allow is
// answered 403 without calling next.
//
// It panics, naming the cause, on a nil Policy (from a New whose error was
// ignored) or a nil next, so that the mistake stops the program when the
// server is built, not on every request.
func (p *Policy) Handler(next http.Handler) http.Handler { return handle(p, p == nil, next) }

// Handler returns next wrapped in whichever policy is current when each
// request arrives (see (*Policy).Handler). It panics on a nil Middleware
// or a nil next.
func (m *Middleware) Handler(next http.Handler) http.Handler { return handle(m, m == nil, next) }

// Handler returns next wrapped in the policy of each request's path (see
// (*Policy).Handler): a request whose path no prefix covers goes to next
// without CORS headers. It reads the current entries for every request,
// so Reconfigure takes effect on the next one. It panics on a nil Paths or
// a nil next.
func (pp *Paths) Handler(next http.Handler) http.Handler { return handle(pp, pp == nil, next) }

// handle is every Source's Handler: the request path of an adapter, as
// Decide describes it, for net/http itself.
func handle(src Source, isNil bool, next http.Handler) http.Handler {
	if isNil {
		panic(errNilSource)
	}
	if next == nil {
		panic("corsa: Handler(nil): nothing to wrap")
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req Request
		req.ReadHTTP(r)
		d := Decide(src, &req)
		d.SetHeaders(w.Header())
		if s := d.Status(); s != 0 {
			w.WriteHeader(s)
			return
		}
		next.ServeHTTP(w, r)
	})
}
