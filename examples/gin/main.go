// Command gin is the corsa demo on gin: an API with the corsagin
// middleware on one port, and on another port a page that calls it
// cross-origin, so that CORS can be watched at work in a browser.
//
//	go run ./examples/gin [-api 127.0.0.1:8080] [-page 127.0.0.1:8081] [-policy file.json]
//
// then open http://127.0.0.1:8081. Ctrl-C stops it.
package main

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/examples/internal/demo"
	corsagin "github.com/corsa-go/corsa/gin"
)

func main() {
	gin.SetMode(gin.ReleaseMode)
	d := demo.Start("gin")
	d.ServeHandler(newAPI(d.Policy))
}

// newAPI returns the demo's API behind the CORS policy p.
func newAPI(p *corsa.Policy) http.Handler {
	r := gin.New()
	// On the engine, before the routes: gin copies engine middleware into
	// each route as it is registered, and runs it for unknown paths too.
	r.Use(gin.Recovery(), corsagin.From(p))
	for _, rt := range demo.Routes {
		r.Handle(rt.Method, rt.Path, gin.WrapF(rt.Handler))
	}
	return r
}
