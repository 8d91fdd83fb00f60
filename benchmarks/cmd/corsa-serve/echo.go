package main

import (
	"log"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/internal/routes"
	corsaecho "github.com/corsa-go/corsa/echo"
)

// echoHandler is an echo server with echo's Recover, then corsaecho, as
// e.Use middleware.
func echoHandler(m *corsa.Middleware, logger *log.Logger) http.Handler {
	e := echo.New()
	e.Use(middleware.Recover())
	if m != nil {
		e.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
			return func(c echo.Context) error {
				req := corsa.RequestFromHTTP(c.Request())
				logIfRefused(m.Policy(), &req, c.Request().URL.Path, logger)
				return next(c)
			}
		}, corsaecho.FromMiddleware(m))
	}
	routes.Echo(e)
	return e
}
