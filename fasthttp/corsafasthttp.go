package corsafasthttp

import (
	"strings"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/internal/adapter"
	"github.com/corsa-go/corsa/internal/view"
)

// Config is corsa's policy configuration, aliased so that one import is
// enough to configure and install the middleware.
type Config = corsa.Config

// From returns a fasthttp middleware serving src: a *corsa.Policy shared
// by several servers, a *corsa.Middleware whose policy can be replaced
// while serving, or *corsa.Paths for a policy per path prefix (compared
// with ctx.Path(), and with the path as sent, which must agree: see the
// package documentation). It panics on a nil src, or when wrapping a nil
// handler.
func From(src corsa.Source) func(fasthttp.RequestHandler) fasthttp.RequestHandler {
	adapter.CheckSource("corsafasthttp.From", src)
	return func(next fasthttp.RequestHandler) fasthttp.RequestHandler {
		if next == nil {
			panic("corsafasthttp.From: nil fasthttp.RequestHandler")
		}
		return func(ctx *fasthttp.RequestCtx) {
			Serve(src, ctx, view.String(ctx.Path()), func() error {
				next(ctx)
				return nil
			})
		}
	}
}

// New validates cfg and returns a fasthttp middleware enforcing it: it
// wraps a fasthttp.RequestHandler. The error lists every problem in cfg at
// once (see corsa.New).
func New(cfg Config) (func(fasthttp.RequestHandler) fasthttp.RequestHandler, error) {
	return adapter.New(cfg, From)
}

// Must is New for configurations written in the program itself: it panics
// with New's error when cfg is invalid.
func Must(cfg Config) func(fasthttp.RequestHandler) fasthttp.RequestHandler {
	return From(corsa.Must(cfg))
}

// Serve is the CORS half of serving ctx, for frameworks built on fasthttp
// (corsa's fiber adapters are Serve and nothing else): it reads ctx's
// request, decides with src (path is the path the router routes on, for
// corsa.Paths), and writes the decision's headers on ctx's response.
// A preflight, and a cross-origin write refused by
// Config.CrossOriginProtection, are answered there, with the status set
// and next never called; every other request goes on to next, after which
// a Vary that next replaced is put back, and every header when next reset
// the response. It returns next's error.
//
// Nothing of ctx reaches user code: corsa copies what it hands to hooks.
func Serve(src corsa.Source, ctx *fasthttp.RequestCtx, path string, next func() error) error {
	in := &ctx.Request.Header
	var r corsa.Request
	r.Method = view.String(in.Method())
	r.Host = view.String(ctx.Host())
	r.Path = path
	// The other form of the path, decoded or as sent, for corsa.Paths:
	// routers read either (fasthttp/router routes on the path as sent), so
	// "/admin/x%2F..%2F..%2Fapi" must not get "/api"'s policy.
	if raw := ctx.URI().PathOriginal(); view.String(raw) != path {
		r.RawPath = view.String(raw)
	} else if decoded := ctx.Path(); view.String(decoded) != path {
		r.RawPath = view.String(decoded)
	}
	l := readRequest(in)
	origin := trimmed(l.origin)
	r.Origin, r.MultipleOrigins = view.String(origin), l.origins > 1
	switch r.Method {
	case fasthttp.MethodGet, fasthttp.MethodHead:
	case fasthttp.MethodOptions:
		// The preflight headers are read for an OPTIONS request with
		// Origin and Access-Control-Request-Method only, as corsa.Request
		// says: the policy ignores them otherwise.
		if l.origins == 0 || !l.hasMethod {
			break
		}
		r.RequestMethod = view.String(trimmed(l.method))
		r.PrivateNetwork = view.String(trimmed(l.privateNetwork))
		if l.n > 0 {
			// More lines than fit spill to the heap: fasthttp bounds the
			// header size.
			var lines [stackLines]string
			r.RequestHeaders = lines[:0]
			for _, line := range l.headers[:l.n] {
				r.RequestHeaders = append(r.RequestHeaders, view.String(trimmed(line)))
			}
			for _, line := range l.more {
				r.RequestHeaders = append(r.RequestHeaders, view.String(trimmed(line)))
			}
		}
	default:
		r.SecFetchSite = view.String(trimmed(l.secFetchSite))
	}
	d := corsa.Decide(src, &r)
	if d == (corsa.Decision{}) {
		return next() // a path a corsa.Paths does not cover: no CORS
	}
	out := &ctx.Response.Header
	before := scanResponse(out)
	if before.granted {
		// An outer CORS middleware's grant: the innermost corsa decides.
		out.Del("Access-Control-Allow-Origin")
		out.Del("Access-Control-Allow-Credentials")
		out.Del("Access-Control-Expose-Headers")
	}
	setHeaders(out, d, origin)
	addVary(out, d.Vary(), before.vary)
	if s := d.Status(); s != 0 {
		// The status alone: a body ("Forbidden", "OK") would be sent.
		ctx.SetStatusCode(s)
		return nil
	}
	err := next()
	// fasthttp sends nothing before the handler returns, so what the
	// handler or later middleware removed can still be put back: a Vary
	// they replaced, and every header when they reset the response, as
	// ctx.Error and ctx.NotFound do, which leaves neither a grant nor a
	// Vary listing Origin. A grant of their own, or corsa's Vary, means
	// the response was not reset.
	if after := scanResponse(out); !after.varyListsOrigin {
		if !after.granted {
			setHeaders(out, d, origin)
		}
		addVary(out, d.Vary(), after.vary)
	}
	return err
}

// setHeaders sets the decision's headers on out. The origin written is
// the adapter's own view of the request, not the Decision's (see
// corsa.Decision.Headers), so that the request's lines array, which the
// compiler cannot tell apart from the Decision's origin, stays on the
// stack whatever fasthttp does with the values it is given.
func setHeaders(out *fasthttp.ResponseHeader, d corsa.Decision, origin []byte) {
	for name, value := range d.Headers(view.String(origin)) {
		// The names are canonical already: SetCanonical skips the copy
		// and normalization that Set makes on every call.
		out.SetCanonical(view.Bytes(name), view.Bytes(value))
	}
}

// requestLines are the request header lines corsa reads, as fasthttp
// holds them: the first line of each name, every Origin and
// Access-Control-Request-Headers line.
type requestLines struct {
	origin                       []byte
	origins                      int // Origin lines: an empty line followed by a real one is a repeated Origin, as net/http sees it
	secFetchSite                 []byte
	method, privateNetwork       []byte
	hasMethod, hasPrivateNetwork bool
	hasSecFetchSite              bool
	headers                      [stackLines][]byte
	n                            int      // Access-Control-Request-Headers lines in headers
	more                         [][]byte // and past those: no browser sends that many
}

// readRequest reads every line corsa needs in one pass over the request's
// header lines: a Peek copies and normalizes its name before searching,
// which costs more than the whole pass. Names match as Peek matches them:
// fasthttp has made them canonical, unless the server disabled that, and
// then only canonical names count.
func readRequest(in *fasthttp.RequestHeader) (l requestLines) {
	visitAll(in, func(name, value []byte) {
		switch string(name) {
		case "Origin":
			if l.origins == 0 {
				l.origin = value
			}
			l.origins++
		case "Sec-Fetch-Site":
			if !l.hasSecFetchSite {
				l.secFetchSite, l.hasSecFetchSite = value, true
			}
		case "Access-Control-Request-Method":
			if !l.hasMethod {
				l.method, l.hasMethod = value, true
			}
		case "Access-Control-Request-Headers":
			if l.n < stackLines {
				l.headers[l.n] = value
				l.n++
			} else {
				l.more = append(l.more, value)
			}
		case "Access-Control-Request-Private-Network":
			if !l.hasPrivateNetwork {
				l.privateNetwork, l.hasPrivateNetwork = value, true
			}
		}
	})
	return l
}

// visitAll calls h.VisitAll(f). fasthttp v1.69 deprecates VisitAll for
// All, which v1.51, the version fiber v2 selects, does not have: this one
// call, the same in both, is through an interface that is not deprecated.
// The compiler sees the concrete type and calls it directly, so that f
// does not escape.
func visitAll(h interface{ VisitAll(func(key, value []byte)) }, f func(key, value []byte)) {
	h.VisitAll(f)
}

// stackLines is how many Access-Control-Request-Headers lines are collected
// without allocating; browsers send one, some proxies split it in a few.
const stackLines = 8

// addVary adds v to the response's Vary, which has lines already when
// hasVary, without handing fasthttp a value it may keep: Add does, as
// escape analysis sees it, from fasthttp v1.69 on, and v comes from a
// Decision, which the compiler cannot tell apart from the request decided
// on, so that Add(v) would move the request's Access-Control-Request-Headers
// lines to the heap on every preflight. So on a response without Vary,
// the usual one, v is set (which neither keeps its value nor normalizes
// the name); the constant "Origin" (every answer but a preflight's and a
// refused write's) is added as a constant; and only another answer on a
// response that has a Vary already pays one allocation for a copy.
func addVary(out *fasthttp.ResponseHeader, v string, hasVary bool) {
	switch {
	case v == "":
	case !hasVary:
		out.SetCanonical(view.Bytes("Vary"), view.Bytes(v))
	case v == "Origin":
		out.Add("Vary", "Origin")
	default:
		out.Add("Vary", strings.Clone(v))
	}
}

// responseHeaders is what corsa needs to know of a response's headers.
type responseHeaders struct {
	granted         bool // Access-Control-Allow-Origin is set
	vary            bool // Vary has a line
	varyListsOrigin bool // one of them lists Origin
}

// scanResponse reads out's header lines in one pass: a Peek copies and
// normalizes its name before searching, which costs more than the pass.
// Names match as Peek matches them (see readRequest).
func scanResponse(out *fasthttp.ResponseHeader) (h responseHeaders) {
	visitAll(out, func(name, value []byte) {
		switch string(name) {
		case "Access-Control-Allow-Origin":
			h.granted = true
		case "Vary":
			h.vary = true
			h.varyListsOrigin = h.varyListsOrigin || corsa.VaryListsOrigin(view.String(value))
		}
	})
	return h
}

// trimmed returns b without the spaces and tabs around it, which net/http
// strips from every header value and fasthttp strips only partly (spaces,
// not tabs), so that both servers hand the policy the same value.
func trimmed(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}
