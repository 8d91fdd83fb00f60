package corsafasthttp_test

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	"github.com/corsa-go/corsa/conformance/scenario"
	corsafasthttp "github.com/corsa-go/corsa/fasthttp"
)

// middleware is what New, Must and From return.
type middleware = func(fasthttp.RequestHandler) fasthttp.RequestHandler

// ok answers 200 with a body.
func ok(ctx *fasthttp.RequestCtx) { ctx.SetBodyString("ok") }

// adapter is corsafasthttp to the kit, served over transport: an App is
// its router behind its middleware, with recovery outside them.
func adapter(transport func(testing.TB, fasthttp.RequestHandler) adaptertest.Do) adaptertest.Adapter[middleware] {
	return adaptertest.Adapter[middleware]{
		Name: "corsafasthttp", New: corsafasthttp.New, Must: corsafasthttp.Must, From: corsafasthttp.From,
		Serve: func(t testing.TB, app adaptertest.App[middleware]) adaptertest.Do {
			return transport(t, recoverer(chain(app.Use, router(app.Routes, app.Groups))))
		},
		Bench: func(name string, cors bool, app adaptertest.App[middleware]) adaptertest.Setup {
			return fasthttpSetup(name, cors, chain(app.Use, router(app.Routes, app.Groups)))
		},
	}
}

// chain is h behind every middleware of use, the first outermost.
func chain(use []middleware, h fasthttp.RequestHandler) fasthttp.RequestHandler {
	for i := len(use) - 1; i >= 0; i-- {
		h = use[i](h)
	}
	return h
}

// router is the smallest router, as fasthttp has none: it serves routes,
// and every path under a group's prefix with the group's middleware and
// routes. It answers a path it knows with another method with 405 and
// any other path with 404, both through ctx.Error, as fasthttp/router
// does, which resets the response.
func router(routes []adaptertest.Route, groups []adaptertest.Group[middleware]) fasthttp.RequestHandler {
	handlers := make([]fasthttp.RequestHandler, len(routes))
	for i, rt := range routes {
		handlers[i] = handle(rt)
	}
	groupHandlers := make([]fasthttp.RequestHandler, len(groups))
	for i, g := range groups {
		routes := slices.Clone(g.Routes)
		for j := range routes {
			routes[j].Path = g.Prefix + routes[j].Path
		}
		groupHandlers[i] = chain(g.Use, router(routes, nil))
	}
	return func(ctx *fasthttp.RequestCtx) {
		known := false
		for i, rt := range routes {
			if !matches(rt.Path, ctx.Path()) {
				continue
			}
			for _, m := range rt.Methods {
				if m == string(ctx.Method()) {
					handlers[i](ctx)
					return
				}
			}
			known = true
		}
		for i, g := range groups {
			if rest, ok := bytes.CutPrefix(ctx.Path(), []byte(g.Prefix)); ok && len(rest) > 0 && rest[0] == '/' {
				groupHandlers[i](ctx)
				return
			}
		}
		if known {
			ctx.Error("Method Not Allowed", http.StatusMethodNotAllowed)
			return
		}
		ctx.Error("Not Found", http.StatusNotFound)
	}
}

// matches reports whether path matches pattern, where a segment {name}
// matches any segment.
func matches(pattern string, path []byte) bool {
	for {
		want, wantRest, more := strings.Cut(pattern, "/")
		got, gotRest, gotMore := bytes.Cut(path, []byte("/"))
		if more != gotMore || want != string(got) && !(strings.HasPrefix(want, "{") && len(got) > 0) {
			return false
		}
		if !more {
			return true
		}
		pattern, path = wantRest, gotRest
	}
}

// handle is rt's handler with fasthttp's calls: it ends in 404 and 500
// through ctx.Error, fasthttp's error path, which resets the response.
func handle(rt adaptertest.Route) fasthttp.RequestHandler {
	return func(ctx *fasthttp.RequestCtx) {
		h := &ctx.Response.Header
		_ = rt.Serve(h.Set, h.Add, func(status int) error {
			ctx.Error(http.StatusText(status), status)
			h.Set(conformance.HandlerHeader, conformance.HandlerRan)
			return nil
		}, func(body string) error { ctx.SetBodyString(body); return nil })
	}
}

// requestCtx returns a fasthttp context holding r, as fasthttp's server
// would hand it over, ready to be served again and again.
func requestCtx(r conformance.Request) *fasthttp.RequestCtx {
	var req fasthttp.Request
	req.Header.SetMethod(r.Method)
	req.SetRequestURI(r.Path)
	for _, h := range r.Header {
		req.Header.Add(h[0], h[1])
	}
	ctx := new(fasthttp.RequestCtx)
	ctx.Init(&req, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)}, nil)
	return ctx
}

// serveCtx serves ctx's request once more on h.
func serveCtx(h fasthttp.RequestHandler, ctx *fasthttp.RequestCtx) {
	ctx.Response.Reset()
	h(ctx)
}

// fasthttpSetup is adaptertest.HTTPSetup for a fasthttp handler: each
// scenario's request is served again and again from one context.
func fasthttpSetup(name string, cors bool, h fasthttp.RequestHandler) adaptertest.Setup {
	return adaptertest.Setup{Name: name, CORS: cors, Prepare: func(sc scenario.Scenario) func() int {
		ctx := requestCtx(sc.Request)
		return func() int {
			serveCtx(h, ctx)
			return ctx.Response.StatusCode()
		}
	}}
}

// recoverer is panic recovery, installed outside corsa as the conformance
// suite wants: a panic becomes a 500 that keeps the headers already set
// (ctx.Error would remove them).
func recoverer(next fasthttp.RequestHandler) fasthttp.RequestHandler {
	return func(ctx *fasthttp.RequestCtx) {
		defer func() {
			if v := recover(); v != nil {
				ctx.SetStatusCode(http.StatusInternalServerError)
				ctx.SetBodyString("Internal Server Error")
			}
		}()
		next(ctx)
	}
}

// inMemory serves each request by calling h directly, with the request's
// header lines set as they are, so that the conformance suite's hostile
// bytes reach corsa whatever fasthttp's request parser would have refused
// (from v1.69 on it answers 400 to control bytes before any handler). The
// parser itself is covered by parity_test.go.
func inMemory(_ testing.TB, h fasthttp.RequestHandler) adaptertest.Do {
	return func(r *http.Request) (*http.Response, error) {
		var ctx fasthttp.RequestCtx
		ctx.Request.Header.SetMethod(r.Method)
		ctx.Request.SetRequestURI(r.URL.RequestURI())
		ctx.Request.Header.SetHost(r.Host)
		for name, values := range r.Header {
			for _, v := range values {
				ctx.Request.Header.Add(name, v)
			}
		}
		if r.Body != nil {
			body, err := io.ReadAll(r.Body)
			if err != nil {
				return nil, err
			}
			ctx.Request.SetBody(body)
		}
		h(&ctx)
		// Read the response back as a client would.
		var wire bytes.Buffer
		if _, err := ctx.Response.WriteTo(&wire); err != nil {
			return nil, err
		}
		return http.ReadResponse(bufio.NewReader(&wire), r)
	}
}

// listen serves h with server's settings on a 127.0.0.1 listener until the
// test ends, and returns its address.
func listen(t testing.TB, h fasthttp.RequestHandler, server *fasthttp.Server) string {
	if server == nil {
		server = &fasthttp.Server{}
	}
	server.Handler = h
	return adaptertest.Listen(t, server.Serve, server.Shutdown)
}

// overTCP serves h on a 127.0.0.1 listener and returns a conformance
// Server.Do sending each request there, through fasthttp's parser.
func overTCP(t testing.TB, h fasthttp.RequestHandler) adaptertest.Do {
	addr := listen(t, h, nil)
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	return func(r *http.Request) (*http.Response, error) {
		r = r.Clone(context.Background())
		r.RequestURI = ""
		r.URL.Scheme, r.URL.Host = "http", addr
		return tr.RoundTrip(r)
	}
}
