package conformance

import (
	"net/http"
	"slices"

	"github.com/corsa-go/corsa"
)

// Cases returns every case of the suite, freshly built (callers may modify
// them), grouped by theme in a stable order.
func Cases() []Case {
	var all []Case
	for _, group := range [][]Case{
		classifyCases(),
		originCases(),
		attackCases(),
		hostileCases(),
		preflightCases(),
		headerCases(),
		actualCases(),
		configCases(),
	} {
		all = append(all, group...)
	}
	for i := range all {
		all[i].Tier = tierOf(all[i])
	}
	return all
}

// Names used throughout the cases.
const (
	acao  = "Access-Control-Allow-Origin"
	acac  = "Access-Control-Allow-Credentials"
	acam  = "Access-Control-Allow-Methods"
	acah  = "Access-Control-Allow-Headers"
	aceh  = "Access-Control-Expose-Headers"
	acma  = "Access-Control-Max-Age"
	acapn = "Access-Control-Allow-Private-Network"

	origin = "Origin"
	acrm   = "Access-Control-Request-Method"
	acrh   = "Access-Control-Request-Headers"
	acrpn  = "Access-Control-Request-Private-Network"

	// app is the origin most policies allow; evil is one none does.
	app  = AppOrigin
	evil = EvilOrigin
)

// hs is a set of expected Access-Control-* headers.
type hs = map[string]string

// ---- policies ----------------------------------------------------------

// only allows the given origins and nothing else: no methods beyond the
// safelisted ones, no request headers.
func only(origins ...string) corsa.Config { return corsa.Config{Origins: origins} }

// basic is the typical API policy: one origin, three extra methods, two
// request headers.
func basic() corsa.Config {
	return corsa.Config{
		Origins:        []string{app},
		Methods:        []string{"PUT", "DELETE", "PATCH"},
		RequestHeaders: []string{"Content-Type", "X-Request-Id"},
	}
}

// basicMethods and basicHeaders are basic's Access-Control-Allow-* values.
const (
	basicMethods = "PUT, DELETE, PATCH"
	basicHeaders = "Content-Type, X-Request-Id"
)

// full is a typical credentialed API policy: credentials, a subdomain
// pattern, exposed headers, max-age. It has no port pattern, which some
// libraries cannot express: the cases that need one add it.
func full() corsa.Config {
	return corsa.Config{
		Origins:        []string{app, "https://*.example.org"},
		Credentials:    true,
		Methods:        []string{"GET", "POST", "PUT", "DELETE", "PATCH"},
		RequestHeaders: []string{"Content-Type", "Authorization", "X-Request-Id"},
		ExposedHeaders: []string{"X-Total-Count"},
		MaxAge:         corsa.Seconds(600),
	}
}

const (
	fullMethods = "GET, POST, PUT, DELETE, PATCH"
	fullHeaders = "Content-Type, Authorization, X-Request-Id"
)

// anyOrigin allows every origin, without credentials.
func anyOrigin() corsa.Config { return only("*") }

// wide is "*" everywhere it may be.
func wide() corsa.Config {
	return corsa.Config{
		Origins:        []string{"*"},
		Methods:        []string{"*"},
		RequestHeaders: []string{"*"},
		ExposedHeaders: []string{"*"},
	}
}

// with returns c changed by f.
func with(c corsa.Config, f func(*corsa.Config)) corsa.Config {
	f(&c)
	return c
}

func credentials(c corsa.Config) corsa.Config {
	return with(c, func(c *corsa.Config) { c.Credentials = true })
}

func pna(c corsa.Config) corsa.Config {
	return with(c, func(c *corsa.Config) { c.PrivateNetwork = true })
}

func maxAge(c corsa.Config, seconds int) corsa.Config {
	return with(c, func(c *corsa.Config) { c.MaxAge = corsa.Seconds(seconds) })
}

func methods(c corsa.Config, m ...string) corsa.Config {
	return with(c, func(c *corsa.Config) { c.Methods = m })
}

func headers(c corsa.Config, h ...string) corsa.Config {
	return with(c, func(c *corsa.Config) { c.RequestHeaders = h })
}

func exposed(c corsa.Config, h ...string) corsa.Config {
	return with(c, func(c *corsa.Config) { c.ExposedHeaders = h })
}

// ---- requests ----------------------------------------------------------

// req is a request with header lines given as name, value pairs.
func req(method, path string, nameValues ...string) Request {
	r := Request{Method: method, Path: path}
	for i := 0; i+1 < len(nameValues); i += 2 {
		r.Header = append(r.Header, [2]string{nameValues[i], nameValues[i+1]})
	}
	return r
}

// get is GET /resource from o.
func get(o string) Request { return req(http.MethodGet, PathResource, origin, o) }

// preflight is a preflight to /resource from o asking for method m, with
// any further header lines.
func preflight(o, m string, nameValues ...string) Request {
	return req(http.MethodOptions, PathResource, append([]string{origin, o, acrm, m}, nameValues...)...)
}

// preflightH is a preflight from app for PUT listing request headers on one
// line.
func preflightH(list string) Request { return preflight(app, "PUT", acrh, list) }

// at returns r sent to path instead.
func (r Request) at(path string) Request { r.Path = path; return r }

// ---- expectations ------------------------------------------------------

var (
	preflightVary    = []string{origin, acrm, acrh}
	preflightVaryPNA = []string{origin, acrm, acrh, acrpn}
)

// allowPreflight: the middleware answers 204 with exactly h, and the
// handler does not run.
func allowPreflight(h hs) Want {
	return Want{Status: http.StatusNoContent, Headers: h, Vary: preflightVary}
}

// refusePreflight: 403, no Access-Control-* header, Vary kept, handler not
// run.
func refusePreflight() Want {
	return Want{Status: http.StatusForbidden, Vary: preflightVary}
}

// allowActual: the /resource handler runs and answers 200, the response
// carries exactly h, and Vary has both Origin and the handler's own token.
func allowActual(h hs) Want {
	return Want{
		Status: http.StatusOK, Headers: h, HandlerRan: true, Body: ResourceBody,
		Vary:   []string{origin, HandlerVary},
		NoVary: []string{acrm, acrh},
	}
}

// allowActualAny: an any-origin policy's constant "*" answer, which does
// not vary by Origin.
func allowActualAny(h hs) Want {
	return Want{
		Status: http.StatusOK, Headers: h, HandlerRan: true, Body: ResourceBody,
		Vary:   []string{HandlerVary},
		NoVary: []string{origin, acrm, acrh},
	}
}

// refuseActual: the handler still runs and answers 200; no
// Access-Control-* header, Vary: Origin kept alongside the handler's.
func refuseActual() Want { return allowActual(nil) }

// notCORS: no Origin, so the handler runs untouched but for Vary: Origin.
func notCORS() Want { return allowActual(nil) }

// status expects code (and no body check).
func (w Want) status(code int) Want { w.Status, w.Class, w.Body = code, 0, ""; return w }

// class expects any status of class c (and no body check).
func (w Want) class(c int) Want { w.Status, w.Class, w.Body = 0, c, ""; return w }

// anyStatus checks no status: the framework decides (a path without an
// OPTIONS route answers 404, 405, or 204 with Allow, depending on the
// framework).
func (w Want) anyStatus() Want { return w.class(0) }

// body expects body instead.
func (w Want) body(b string) Want { w.Body = b; return w }

// noHandler expects that no handler of the suite ran.
func (w Want) noHandler() Want { w.HandlerRan, w.Body = false, ""; return w }

// route adapts a /resource expectation to a route whose handler adds no
// Vary of its own.
func (w Want) route() Want {
	w.Vary = slices.DeleteFunc(slices.Clone(w.Vary), func(s string) bool { return s == HandlerVary })
	return w
}

// pnaVary expects the Private Network Access token in Vary too.
func (w Want) pnaVary() Want { w.Vary = preflightVaryPNA; return w }

// noPNAVary expects Vary not to name the Private Network Access token: a
// policy without Private Network Access does not look at it.
func (w Want) noPNAVary() Want { w.NoVary = append(slices.Clone(w.NoVary), acrpn); return w }

// ---- quirk checks ----------------------------------------------------------

// needsRepeatedLines: the case sends a header on several lines and needs the
// middleware to see all of them.
func needsRepeatedLines(q Quirks) string {
	if q.RepeatedHeaderLinesDropped {
		return "Quirks.RepeatedHeaderLinesDropped: the middleware cannot see every header line"
	}
	return ""
}

// needsDistinctLines: as needsRepeatedLines, and the lines must not be
// joined either.
func needsDistinctLines(q Quirks) string {
	if q.RepeatedHeaderLinesMerged {
		return "Quirks.RepeatedHeaderLinesMerged: the transport joins repeated header lines"
	}
	return needsRepeatedLines(q)
}
