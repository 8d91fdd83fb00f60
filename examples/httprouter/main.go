// Command httprouter is the corsa demo on julienschmidt/httprouter, a
// router with no corsa adapter because it needs none: a Router is an
// http.Handler, so (*corsa.Policy).Handler wraps it like any other.
//
//	go run ./examples/httprouter [-api 127.0.0.1:8080] [-page 127.0.0.1:8081] [-policy file.json]
//
// then open http://127.0.0.1:8081. Ctrl-C stops it.
//
// # Wrap the router, not the routes
//
// httprouter answers OPTIONS itself (Router.HandleOPTIONS, on by default):
// an OPTIONS request to a path with routes but no OPTIONS route gets an
// automatic 200 with an Allow header, and never reaches any route's
// handler. A policy wrapped around one route's handler therefore never
// sees the preflight for that route, which the browser then fails for
// lack of CORS headers. Wrapped around the whole router, the policy sees
// every request first and answers preflights for every path; plain OPTIONS
// requests (without Access-Control-Request-Method) still reach the
// router's automatic answer, with the CORS headers of an actual request.
// conformance_test.go runs the full conformance suite against this
// arrangement, and shows the per-route one failing.
package main

import (
	"net/http"

	"github.com/julienschmidt/httprouter"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/examples/internal/demo"
)

func main() {
	d := demo.Start("httprouter")
	d.ServeHandler(newAPI(d.Policy))
}

// newAPI returns the demo's API behind the CORS policy p.
func newAPI(p *corsa.Policy) http.Handler {
	router := httprouter.New()
	for _, rt := range demo.Routes {
		router.HandlerFunc(rt.Method, rt.Path, rt.Handler)
	}
	return p.Handler(router)
}
