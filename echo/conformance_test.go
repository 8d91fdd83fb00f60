package corsaecho_test

import (
	"net/http"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	corsaecho "github.com/corsa-go/corsa/echo"
)

func TestConformance(t *testing.T) {
	for _, reg := range registrations {
		t.Run(reg.name, func(t *testing.T) {
			conformance.Run(t, harness(reg.register))
		})
	}
}

// harness installs corsa with register, as doc.go allows users to, with
// echo's recovery outside it.
func harness(register func(*echo.Echo, echo.MiddlewareFunc)) conformance.Harness {
	return func(policy corsa.Config) (conformance.Server, error) {
		mw, err := corsaecho.New(policy)
		if err != nil {
			return conformance.Server{}, err
		}
		e := echo.New()
		register(e, mw)
		for _, rt := range conformance.Routes {
			e.Match(rt.Methods, rt.Path, routeHandler(rt))
		}
		return conformance.Server{Do: conformance.Recorder(e)}, nil
	}
}

// routeHandler does what conformance.Route rt describes, with echo's own
// calls: errors end as a returned *echo.HTTPError.
func routeHandler(rt conformance.Route) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set(conformance.HandlerHeader, conformance.HandlerRan)
		switch {
		case rt.Panics:
			panic("corsaecho: the " + rt.Path + " handler panics on purpose")
		case rt.Status == http.StatusNotFound:
			return echo.ErrNotFound
		case rt.Status != http.StatusOK:
			return echo.NewHTTPError(rt.Status)
		}
		if rt.SetTotalCount {
			h.Set(conformance.TotalCountHeader, conformance.TotalCount)
		}
		if rt.AddVary {
			h.Add("Vary", conformance.HandlerVary)
		}
		return c.String(http.StatusOK, rt.Body)
	}
}
