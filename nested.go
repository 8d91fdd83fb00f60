package corsa

import "net/http"

// revokeOuterGrant removes the grant an outer CORS middleware wrote on h
// before this decision is written, so that the innermost corsa decides a
// response's CORS headers alone. corsa installed twice (globally and on a
// group, or two nested Handlers) would otherwise leave the outer policy's
// Access-Control-Allow-Origin on a response the inner policy refuses, or
// its Access-Control-Allow-Credentials next to the inner policy's grant.
// Preflights never get here twice from corsa (the outer middleware answers
// them), but another middleware may pass one on. A grant that writes all
// three headers replaces them anyway and skips it (headerSet.mustRevoke).
//
// Only a response that already carries Access-Control-Allow-Origin is
// touched (corsa writes the other two only with it), so a single corsa
// pays one map lookup.
func revokeOuterGrant(h http.Header) {
	if _, granted := h[HeaderAllowOrigin]; granted {
		delete(h, HeaderAllowOrigin)
		delete(h, HeaderAllowCredentials)
		delete(h, HeaderExposeHeaders)
	}
}
