package peers

import (
	"io"
	"net/http"

	"github.com/corsa-go/corsa/conformance"
	corsa "github.com/corsa-go/corsa/core"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// EchoCors is the harness for echo v4's middleware.CORSWithConfig,
// installed with Use on an echo instance.
func EchoCors(policy corsa.Config) (conformance.Server, error) {
	const peer = "echo's CORS middleware"
	switch {
	case policy.PrivateNetwork:
		return conformance.Server{}, cannotExpress(peer, "has no Private Network Access support")
	case policy.PreflightStatus != 0 && policy.PreflightStatus != http.StatusNoContent:
		return conformance.Server{}, cannotExpress(peer, "always answers preflights with 204")
	}
	cfg := middleware.CORSConfig{
		AllowOrigins:     policy.Origins,
		AllowMethods:     orSafelisted(policy.Methods),
		AllowHeaders:     policy.RequestHeaders,
		ExposeHeaders:    policy.ExposedHeaders,
		AllowCredentials: policy.Credentials,
		MaxAge:           maxAgeNegativeForZero(policy.MaxAge),
	}
	if len(policy.Origins) == 0 {
		cfg.AllowOriginFunc = func(origin string) (bool, error) { return refuseOrigin(origin), nil }
	}
	e := echo.New()
	e.Logger.SetOutput(io.Discard)
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{DisablePrintStack: true}))
	e.Use(middleware.CORSWithConfig(cfg))
	for _, route := range conformance.Routes {
		for _, m := range route.Methods {
			e.Add(m, route.Path, echoHandler(route))
		}
	}
	return conformance.Server{Do: conformance.Recorder(e)}, nil
}

// echoHandler is route's standard handler written with echo's calls.
func echoHandler(route conformance.Route) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set(conformance.HandlerHeader, conformance.HandlerRan)
		if route.Panics {
			panic("peers: the " + route.Path + " handler panics on purpose")
		}
		if route.SetTotalCount {
			h.Set(conformance.TotalCountHeader, conformance.TotalCount)
		}
		if route.AddVary {
			h.Add(echo.HeaderVary, conformance.HandlerVary)
		}
		switch route.Status {
		case http.StatusOK:
			return c.String(http.StatusOK, route.Body)
		case http.StatusNotFound:
			return echo.ErrNotFound
		default:
			return echo.NewHTTPError(route.Status)
		}
	}
}
