// Command nethttp is the corsa demo on net/http alone: an API behind
// (*corsa.Policy).Handler on one port, and on another port a page that
// calls it cross-origin, so that CORS can be watched at work in a browser.
//
//	go run ./examples/nethttp [-api 127.0.0.1:8080] [-page 127.0.0.1:8081] [-policy file.json]
//
// then open http://127.0.0.1:8081. Ctrl-C stops it.
package main

import (
	"net/http"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/examples/internal/demo"
)

func main() {
	d := demo.Start("nethttp")
	d.ServeHandler(newAPI(d.Policy))
}

// newAPI returns the demo's API behind the CORS policy p.
func newAPI(p *corsa.Policy) http.Handler {
	mux := http.NewServeMux()
	for _, rt := range demo.Routes {
		mux.HandleFunc(rt.Method+" "+rt.Path, rt.Handler)
	}
	// The whole mux goes behind the policy, so that preflights are
	// answered for every path, with or without an OPTIONS route.
	return p.Handler(mux)
}
