// Command echo5 is the corsa demo on echo v5: an API with the corsaecho5
// middleware on one port, and on another port a page that calls it
// cross-origin, so that CORS can be watched at work in a browser.
//
//	go run ./examples/echo5 [-api 127.0.0.1:8080] [-page 127.0.0.1:8081] [-policy file.json]
//
// then open http://127.0.0.1:8081. Ctrl-C stops it.
package main

import (
	"log"
	"net/http"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"

	"github.com/corsa-go/corsa"
	corsaecho5 "github.com/corsa-go/corsa/echo5"
	"github.com/corsa-go/corsa/examples/internal/demo"
)

func main() {
	d := demo.Start("echo5")
	api, err := newAPI(d.Policy)
	if err != nil {
		log.Fatal(err)
	}
	d.ServeHandler(api)
}

// newAPI returns the demo's API serving policy.
func newAPI(policy corsa.Config) (http.Handler, error) {
	cors, err := corsaecho5.New(policy)
	if err != nil {
		return nil, err
	}
	e := echo.New()
	e.Use(middleware.Recover(), cors)
	for _, rt := range demo.Routes {
		e.Add(rt.Method, rt.Path, echo.WrapHandler(rt.Handler))
	}
	return e, nil
}
