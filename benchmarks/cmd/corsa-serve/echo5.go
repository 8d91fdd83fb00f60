package main

import (
	"log"
	"net/http"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"

	"github.com/corsa-go/corsa/conformance"
	corsa "github.com/corsa-go/corsa/core"
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
	for _, rt := range conformance.Routes {
		e.Match(rt.Methods, rt.Path, echo5Route(rt))
	}
	return e
}

// echo5Route does what rt describes with echo v5's own calls: errors end
// as a returned *echo.HTTPError.
func echo5Route(rt conformance.Route) echo.HandlerFunc {
	return func(c *echo.Context) error {
		h := c.Response().Header()
		h.Set(conformance.HandlerHeader, conformance.HandlerRan)
		switch {
		case rt.Panics:
			panic("corsa-serve: the " + rt.Path + " handler panics on purpose")
		case rt.Status == http.StatusNotFound:
			return echo.ErrNotFound
		case rt.Status != http.StatusOK:
			return echo.NewHTTPError(rt.Status, http.StatusText(rt.Status))
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
