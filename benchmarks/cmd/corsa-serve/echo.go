package main

import (
	"log"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/corsa-go/corsa/conformance"
	corsa "github.com/corsa-go/corsa/core"
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
	for _, rt := range conformance.Routes {
		e.Match(rt.Methods, rt.Path, echoRoute(rt))
	}
	return e
}

// echoRoute does what rt describes with echo's own calls: errors end as a
// returned *echo.HTTPError.
func echoRoute(rt conformance.Route) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set(conformance.HandlerHeader, conformance.HandlerRan)
		switch {
		case rt.Panics:
			panic("corsa-serve: the " + rt.Path + " handler panics on purpose")
		case rt.Status == http.StatusNotFound:
			return echo.ErrNotFound
		case rt.Status != http.StatusOK:
			return echo.NewHTTPError(rt.Status)
		}
		if rt.SetTotalCount {
			h.Set(conformance.TotalCountHeader, conformance.TotalCount)
		}
		if rt.AddVary {
			h.Add(corsa.HeaderVary, conformance.HandlerVary)
		}
		return c.String(http.StatusOK, rt.Body)
	}
}
