package corsafiber3

import (
	"strings"
	"unsafe"

	"github.com/corsa-go/corsa"
	"github.com/gofiber/fiber/v3"
	"github.com/valyala/fasthttp"
)

// Config is corsa's policy configuration, aliased so that one import is
// enough to configure and install the middleware.
type Config = corsa.Config

// New validates cfg and returns a fiber middleware enforcing it. The error
// lists every problem in cfg at once (see corsa.New).
func New(cfg Config) (fiber.Handler, error) {
	p, err := corsa.New(cfg)
	if err != nil {
		return nil, err
	}
	return FromPolicy(p), nil
}

// Must is New for configurations written in the program itself: it panics
// with New's error when cfg is invalid.
func Must(cfg Config) fiber.Handler {
	mw, err := New(cfg)
	if err != nil {
		panic(err)
	}
	return mw
}

// FromPolicy returns a fiber middleware enforcing p, so that one compiled
// policy can serve several apps.
func FromPolicy(p *corsa.Policy) fiber.Handler {
	return func(c fiber.Ctx) error { return serve(p, c) }
}

// FromMiddleware returns a fiber middleware enforcing m's current policy: it
// reads m.Policy() for every request, so m.Reconfigure takes effect on the
// next request without rebuilding the app.
func FromMiddleware(m *corsa.Middleware) fiber.Handler {
	return func(c fiber.Ctx) error { return serve(m.Policy(), c) }
}

// NewPaths validates m, a map from path prefix to policy (see
// corsa.NewPaths), and returns a fiber middleware serving each request
// the policy of the longest prefix covering its path, and no CORS at all
// to a path no prefix covers. Install it once, with App.Use, instead of
// one policy per Group.
func NewPaths(m map[string]Config) (fiber.Handler, error) {
	pp, err := corsa.NewPaths(m)
	if err != nil {
		return nil, err
	}
	return FromPaths(pp), nil
}

// MustPaths is NewPaths for prefixes and policies written in the program
// itself: it panics with NewPaths's error.
func MustPaths(m map[string]Config) fiber.Handler {
	mw, err := NewPaths(m)
	if err != nil {
		panic(err)
	}
	return mw
}

// FromPaths returns a fiber middleware serving pp, whose entries can be
// replaced while serving (corsa.Paths.Reconfigure). Paths are compared as
// fiber routes them: c.Path(), ignoring letter case unless the app's
// Config.CaseSensitive is set.
func FromPaths(pp *corsa.Paths) fiber.Handler {
	return func(c fiber.Ctx) error {
		var p *corsa.Policy
		if c.App().Config().CaseSensitive {
			p = pp.Policy(c.Path())
		} else {
			p = pp.PolicyFold(c.Path())
		}
		if p == nil {
			return c.Next()
		}
		return serve(p, c)
	}
}

// stackLines is how many Access-Control-Request-Headers lines are collected
// without allocating; browsers send one, some proxies split it in a few.
const stackLines = 8

// serve writes p's headers before the rest of the chain runs, so that they
// survive whatever status, returned error or recovered panic comes after.
func serve(p *corsa.Policy, c fiber.Ctx) error {
	in := &c.Request().Header
	r := corsa.Request{Method: c.Method()}
	// All Origin lines, not Peek's first: an empty line followed by a real
	// one is a repeated Origin, as net/http sees it, not a missing one.
	if origins := in.PeekAll(corsa.HeaderOrigin); len(origins) > 0 {
		r.Origin = trimmed(origins[0])
		r.MultipleOrigins = len(origins) > 1
	}
	if r.Origin != "" || r.MultipleOrigins {
		// The preflight headers are read for OPTIONS only, as
		// corsa.RequestFromHTTP does: the policy ignores them otherwise.
		if r.Method == fiber.MethodOptions {
			r.RequestMethod = trimmed(in.Peek(corsa.HeaderRequestMethod))
			r.PrivateNetwork = trimmed(in.Peek(corsa.HeaderRequestPrivateNetwork))
			if all := in.PeekAll(corsa.HeaderRequestHeaders); len(all) > 0 {
				// More lines than fit spill to the heap: no browser sends
				// that many, and fasthttp bounds the header size.
				var lines [stackLines]string
				r.RequestHeaders = lines[:0]
				for _, line := range all {
					r.RequestHeaders = append(r.RequestHeaders, trimmed(line))
				}
			}
		}
	}
	r.Path = c.Path() // for OnDecision; fiber has it as a string already
	d := p.Decide(&r)
	revokeOuterGrant(c)
	out := &c.Response().Header
	for _, h := range d.Headers() {
		set(out, h.Name, h.Value)
	}
	if d.Vary != "" {
		addVary(out, d.Vary)
	}
	if d.Kind == corsa.Preflight {
		// Status, not SendStatus, which would write "OK" as the body of a
		// 200 preflight.
		c.Status(d.Status)
		return nil
	}
	err := c.Next()
	// fasthttp sends nothing before the handler returns, so a Vary that
	// later middleware or the handler replaced (c.Set) can still be fixed.
	if d.Vary != "" && !varyKept(out) {
		addVary(out, d.Vary)
	}
	return err
}

// addVary adds v to the response's Vary without letting the compiler move
// the request to the heap. fasthttp v1.69's Add hands its value to the
// heap as far as escape analysis can tell, and v comes from a Decision,
// which the compiler cannot tell apart from the request it was decided on:
// Add(d.Vary) would move the Access-Control-Request-Headers array to the
// heap on every preflight. So Add gets the constant "Origin" (every
// non-preflight Vary), a preflight's Vary is Set (which does not leak) on
// a response without one, and only a preflight whose response already
// has a Vary pays one allocation for a copy.
func addVary(out *fasthttp.ResponseHeader, v string) {
	switch {
	case v == corsa.HeaderOrigin:
		out.Add(corsa.HeaderVary, corsa.HeaderOrigin)
	case len(out.PeekAll(corsa.HeaderVary)) == 0:
		set(out, corsa.HeaderVary, v)
	default:
		out.Add(corsa.HeaderVary, strings.Clone(v))
	}
}

// set is out.Set for corsa's headers, whose names are canonical already:
// Set would copy and normalize the name on every call, the better part of
// what writing a header costs. A value with a line break, which only an
// origin allowed by Config.OriginFunc could bring, goes through Set, which
// removes it.
func set(out *fasthttp.ResponseHeader, name, value string) {
	if strings.IndexByte(value, '\r') >= 0 || strings.IndexByte(value, '\n') >= 0 {
		out.Set(name, value)
		return
	}
	out.SetCanonical(bytesOf(name), bytesOf(value))
}

// bytesOf views s as bytes without copying, for SetCanonical, which
// copies what it is given and never writes to it. The pointer is hidden
// from escape analysis, as corsa's Decide hides its request: SetCanonical
// looks to the compiler as if it kept its value, and the value may be the
// request's Origin, so the Access-Control-Request-Headers array decided
// on with it would move to the heap on every preflight.
func bytesOf(s string) []byte {
	u := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	return unsafe.Slice(*(**byte)(unsafe.Pointer(&u)), len(s))
}

// varyKept reports whether the response's Vary still makes caches key on
// Origin. Only Decide's Vary for requests that reach the handler is
// checked, which is Origin alone.
func varyKept(out *fasthttp.ResponseHeader) bool {
	for _, v := range out.PeekAll(corsa.HeaderVary) {
		if corsa.VaryListsOrigin(str(v)) {
			return true
		}
	}
	return false
}

// trimmed views b without the spaces and tabs around it, which net/http
// strips from every header value and fasthttp strips only partly (spaces,
// not tabs), so that both servers hand the policy the same value.
func trimmed(b []byte) string {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return str(b)
}

// str views b as a string without copying. The strings alias fasthttp's
// request buffers, which stay unchanged until the handler returns; the
// policy keeps none of them after Decide, and the response header calls
// copy the values they are given.
func str(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}
