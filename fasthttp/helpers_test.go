package corsafasthttp_test

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa/conformance"
)

// middleware is what New, Must and From return.
type middleware = func(fasthttp.RequestHandler) fasthttp.RequestHandler

// markRan is a route handler that marks the response and answers 200.
func markRan(ctx *fasthttp.RequestCtx) {
	ctx.Response.Header.Set(conformance.HandlerHeader, conformance.HandlerRan)
	ctx.SetBodyString("ok")
}

// ok answers 200 with a body.
func ok(ctx *fasthttp.RequestCtx) { ctx.SetBodyString("ok") }

// routes is the smallest router, as fasthttp has none: each key is
// "METHOD /path", or "METHOD /prefix/" for every path under the prefix.
// It answers a path it knows with another method with 405 and any other
// path with 404, both through ctx.Error, as fasthttp/router does, which
// resets the response.
func routes(table map[string]fasthttp.RequestHandler) fasthttp.RequestHandler {
	return func(ctx *fasthttp.RequestCtx) {
		method, path := string(ctx.Method()), string(ctx.Path())
		if h := lookup(table, method, path); h != nil {
			h(ctx)
			return
		}
		for key := range table {
			if m, _, _ := strings.Cut(key, " "); lookup(table, m, path) != nil {
				ctx.Error("Method Not Allowed", http.StatusMethodNotAllowed)
				return
			}
		}
		ctx.Error("Not Found", http.StatusNotFound)
	}
}

// lookup is the handler of table for method and path: an exact entry,
// else the longest prefix entry.
func lookup(table map[string]fasthttp.RequestHandler, method, path string) fasthttp.RequestHandler {
	if h, ok := table[method+" "+path]; ok {
		return h
	}
	var best fasthttp.RequestHandler
	longest := 0
	for key, h := range table {
		m, prefix, _ := strings.Cut(key, " ")
		if m == method && strings.HasSuffix(prefix, "/") && strings.HasPrefix(path, prefix) && len(prefix) > longest {
			best, longest = h, len(prefix)
		}
	}
	return best
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
func inMemory(h fasthttp.RequestHandler) func(*http.Request) (*http.Response, error) {
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
	t.Helper()
	if server == nil {
		server = &fasthttp.Server{}
	}
	server.Handler = h
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- server.Serve(ln) }()
	t.Cleanup(func() {
		if err := server.Shutdown(); err != nil {
			t.Error(err)
		}
		<-done
	})
	return ln.Addr().String()
}

// overTCP serves h on a 127.0.0.1 listener and returns a conformance
// Server.Do sending each request there, through fasthttp's parser.
func overTCP(t testing.TB, h fasthttp.RequestHandler) func(*http.Request) (*http.Response, error) {
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

// mustDo is do for the kit's checks whose requests cannot fail: it
// panics on an error, as the subtest that sent the request is not the
// test whose t it could fail.
func mustDo(do func(*http.Request) (*http.Response, error)) func(*http.Request) *http.Response {
	return func(r *http.Request) *http.Response {
		resp, err := do(r)
		if err != nil {
			panic(err)
		}
		return resp
	}
}
