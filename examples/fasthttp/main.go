// Command fasthttp is the corsa demo on plain fasthttp: an API wrapped in
// the corsafasthttp middleware on one port, and on another port a page
// that calls it cross-origin, so that CORS can be watched at work in a
// browser.
//
//	go run ./examples/fasthttp [-api 127.0.0.1:8080] [-page 127.0.0.1:8081] [-policy file.json]
//
// then open http://127.0.0.1:8081. Ctrl-C stops it.
//
// The demo's handlers are net/http handlers shared by every example, so
// here they are converted with fasthttpadaptor; the corsa middleware
// itself works on fasthttp's RequestCtx directly.
package main

import (
	"github.com/valyala/fasthttp"
	"github.com/valyala/fasthttp/fasthttpadaptor"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/examples/internal/demo"
	corsafasthttp "github.com/corsa-go/corsa/fasthttp"
)

func main() {
	d := demo.Start("fasthttp")
	srv := &fasthttp.Server{Handler: newAPI(d.Policy)}
	d.Serve(srv.Serve, srv.ShutdownWithContext)
}

// newAPI returns the demo's API behind the CORS policy p.
func newAPI(p *corsa.Policy) fasthttp.RequestHandler {
	routes := make(map[string]fasthttp.RequestHandler)
	for _, rt := range demo.Routes {
		routes[rt.Method+" "+rt.Path] = fasthttpadaptor.NewFastHTTPHandlerFunc(rt.Handler)
	}
	api := func(ctx *fasthttp.RequestCtx) {
		if h, ok := routes[string(ctx.Method())+" "+string(ctx.Path())]; ok {
			h(ctx)
			return
		}
		// Not ctx.Error, which resets the response and so drops the CORS
		// headers the middleware has set.
		ctx.SetStatusCode(fasthttp.StatusNotFound)
		ctx.SetBodyString("404 page not found\n")
	}
	// Around the whole API, so that preflights are answered for every
	// path: plain fasthttp has no router to answer them first.
	return corsafasthttp.From(p)(api)
}
