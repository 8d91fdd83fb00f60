// Command chi is the corsa demo on chi: an API with the corsachi
// middleware on one port, and on another port a page that calls it
// cross-origin, so that CORS can be watched at work in a browser.
//
//	go run ./examples/chi [-api 127.0.0.1:8080] [-page 127.0.0.1:8081] [-policy file.json]
//
// then open http://127.0.0.1:8081. Ctrl-C stops it.
package main

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/corsa-go/corsa"
	corsachi "github.com/corsa-go/corsa/chi"
	"github.com/corsa-go/corsa/examples/internal/demo"
)

func main() {
	d := demo.Start("chi")
	d.ServeHandler(newAPI(d.Policy))
}

// newAPI returns the demo's API behind the CORS policy p.
func newAPI(p *corsa.Policy) http.Handler {
	r := chi.NewRouter()
	// On the router, never per route: chi answers a preflight to a route
	// without an OPTIONS handler with 405 before route middleware runs.
	r.Use(middleware.Recoverer, corsachi.From(p))
	for _, rt := range demo.Routes {
		r.Method(rt.Method, rt.Path, rt.Handler)
	}
	return r
}
