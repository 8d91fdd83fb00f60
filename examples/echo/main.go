// Command echo is the corsa demo on echo: an API with the corsaecho
// middleware on one port, and on another port a page that calls it
// cross-origin, so that CORS can be watched at work in a browser.
//
//	go run ./examples/echo [-api 127.0.0.1:8080] [-page 127.0.0.1:8081] [-policy file.json]
//
// then open http://127.0.0.1:8081. Ctrl-C stops it.
package main

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/corsa-go/corsa"
	corsaecho "github.com/corsa-go/corsa/echo"
	"github.com/corsa-go/corsa/examples/internal/demo"
)

func main() {
	d := demo.Start("echo")
	d.ServeHandler(newAPI(d.Policy))
}

// newAPI returns the demo's API behind the CORS policy p.
func newAPI(p *corsa.Policy) http.Handler {
	e := echo.New()
	e.Use(middleware.Recover(), corsaecho.From(p))
	for _, rt := range demo.Routes {
		e.Add(rt.Method, rt.Path, echo.WrapHandler(rt.Handler))
	}
	return e
}
