package routes

import (
	"net/http"

	"github.com/labstack/echo/v5"

	"github.com/corsa-go/corsa/conformance"
)

// Echo5 registers the standard routes on an echo v5 instance. Errors end
// as a returned *echo.HTTPError.
func Echo5(e *echo.Echo) {
	for _, rt := range conformance.Routes {
		e.Match(rt.Methods, rt.Path, echo5Handler(rt))
	}
}

func echo5Handler(rt conformance.Route) echo.HandlerFunc {
	return func(c *echo.Context) error {
		h := c.Response().Header()
		h.Set(conformance.HandlerHeader, conformance.HandlerRan)
		switch {
		case rt.Panics:
			panic(panicMessage(rt))
		case rt.Status == http.StatusNotFound:
			return echo.ErrNotFound
		case rt.Status != http.StatusOK:
			return echo.NewHTTPError(rt.Status, http.StatusText(rt.Status))
		}
		if rt.SetTotalCount {
			h.Set(conformance.TotalCountHeader, conformance.TotalCount)
		}
		if rt.AddVary {
			h.Add(echo.HeaderVary, conformance.HandlerVary)
		}
		return c.String(http.StatusOK, rt.Body)
	}
}
