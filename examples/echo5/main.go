// Command echo5 is the corsa demo on echo v5: an API with the corsaecho5
// middleware on one port, and on another port a page that calls it
// cross-origin, so that CORS can be watched at work in a browser.
//
//	go run ./examples/echo5 [-api 127.0.0.1:8080] [-page 127.0.0.1:8081] [-policy file.json]
//
// then open http://127.0.0.1:8081. Ctrl-C stops it.
package main

import (
	"net/http"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"

	"github.com/corsa-go/corsa"
	corsaecho5 "github.com/corsa-go/corsa/echo5"
	"github.com/corsa-go/corsa/examples/internal/demo"
)

func main() {
	d := demo.Start("echo5")
	d.ServeHandler(newAPI(d.Policy))
}

// newAPI returns the demo's API behind the CORS policy p.
func newAPI(p *corsa.Policy) http.Handler {
	e := echo.New()
	e.Use(middleware.Recover(), corsaecho5.From(p))
	for _, rt := range demo.Routes {
		e.Add(rt.Method, rt.Path, echo.WrapHandler(rt.Handler))
	}
	return e
}
