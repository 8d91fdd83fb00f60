package suite

import (
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/scenario"
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	corsaecho "github.com/corsa-go/corsa/echo"
)

func echoServer() Framework {
	build := func(mw func() (echo.MiddlewareFunc, error)) func(scenario.Scenario) (target, error) {
		return func(s scenario.Scenario) (target, error) {
			ran := new(bool)
			e := echo.New()
			if mw != nil {
				m, err := mw()
				if err != nil {
					return nil, err
				}
				e.Use(m)
			}
			e.Any(scenario.Path, func(c echo.Context) error {
				*ran = true
				return c.NoContent(http.StatusOK)
			})
			return newHTTPTarget(e, s, ran), nil
		}
	}
	return Framework{Name: "Echo", Key: "echo", Impls: []Impl{
		{Name: "bare", Kind: Bare, build: build(nil)},
		{Name: "corsa", Kind: Corsa, build: build(func() (echo.MiddlewareFunc, error) { return corsaecho.New(scenario.Policy()) })},
		{Name: "echo-cors", Kind: Builtin, build: build(echoCors)},
		{Name: "rs-cors", Kind: RSCors, build: build(rsCorsEcho)},
		{Name: "floor", Kind: Floor, build: build(floorEcho)},
	}}
}

func echoCors() (echo.MiddlewareFunc, error) {
	return middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOrigins:     []string{conformance.AppOrigin},
		AllowMethods:     slices.Clone(scenario.Methods),
		AllowHeaders:     slices.Clone(scenario.RequestHeaders),
		ExposeHeaders:    []string{scenario.ExposedHeader},
		AllowCredentials: true,
		MaxAge:           scenario.MaxAgeSeconds,
	}), nil
}

// rsCorsEcho installs rs/cors through echo.WrapMiddleware, the usual way
// to use a net/http middleware on echo.
func rsCorsEcho() (echo.MiddlewareFunc, error) {
	return echo.WrapMiddleware(rsCors().Handler), nil
}

// floorEcho is the floor (see floorWrite) on echo's response headers.
func floorEcho() (echo.MiddlewareFunc, error) {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if status := floorWrite(c.Response().Header(), c.Request()); status != 0 {
				return c.NoContent(status)
			}
			err := next(c)
			if !c.Response().Committed {
				floorRestoreVary(c.Response().Header())
			}
			return err
		}
	}, nil
}
