package main

import (
	"log"
	"net/http"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/internal/routes"
	corsaecho5 "github.com/corsa-go/corsa/echo5"
)

// echo5Handler is an echo v5 server with echo's Recover, then corsaecho5,
// as e.Use middleware.
func echo5Handler(m *corsa.Middleware, logger *log.Logger) http.Handler {
	e := echo.New()
	e.Use(middleware.Recover())
	if m != nil {
		e.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
			return func(c *echo.Context) error {
				req := corsa.RequestFromHTTP(c.Request())
				logIfRefused(m.Policy(), &req, c.Request().URL.Path, logger)
				return next(c)
			}
		}, corsaecho5.FromMiddleware(m))
	}
	routes.Echo5(e)
	return e
}
