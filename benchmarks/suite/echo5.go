package suite

import (
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/scenario"
	"net/http"
	"slices"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"

	corsaecho5 "github.com/corsa-go/corsa/echo5"
)

func echo5Server() Framework {
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
			e.Any(scenario.Path, func(c *echo.Context) error {
				*ran = true
				return c.NoContent(http.StatusOK)
			})
			return newHTTPTarget(e, s, ran), nil
		}
	}
	return Framework{Name: "Echo5", Key: "echo5", Impls: []Impl{
		{Name: "bare", Kind: Bare, build: build(nil)},
		{Name: "corsa", Kind: Corsa, build: build(func() (echo.MiddlewareFunc, error) { return corsaecho5.New(scenario.Policy()) })},
		{Name: "echo-cors", Kind: Builtin, build: build(echo5Cors)},
		{Name: "rs-cors", Kind: RSCors, build: build(rsCorsEcho5)},
		{Name: "floor", Kind: Floor, build: build(floorEcho5)},
	}}
}

// echo5Cors is echo v5's middleware.CORSWithConfig, built through
// ToMiddleware, which returns the error CORSWithConfig panics with.
func echo5Cors() (echo.MiddlewareFunc, error) {
	return middleware.CORSConfig{
		AllowOrigins:     []string{conformance.AppOrigin},
		AllowMethods:     slices.Clone(scenario.Methods),
		AllowHeaders:     slices.Clone(scenario.RequestHeaders),
		ExposeHeaders:    []string{scenario.ExposedHeader},
		AllowCredentials: true,
		MaxAge:           scenario.MaxAgeSeconds,
	}.ToMiddleware()
}

// rsCorsEcho5 installs rs/cors through echo v5's echo.WrapMiddleware, the
// usual way to use a net/http middleware on echo.
func rsCorsEcho5() (echo.MiddlewareFunc, error) {
	return echo.WrapMiddleware(rsCors().Handler), nil
}

// floorEcho5 is the floor (see floorWrite) on echo v5's response headers.
func floorEcho5() (echo.MiddlewareFunc, error) {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c *echo.Context) error {
			if status := floorWrite(c.Response().Header(), c.Request()); status != 0 {
				return c.NoContent(status)
			}
			err := next(c)
			if r, _ := echo.UnwrapResponse(c.Response()); r == nil || !r.Committed {
				floorRestoreVary(c.Response().Header())
			}
			return err
		}
	}, nil
}
