package frameworks

import (
	"net/http"
	"slices"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"
	"github.com/rs/cors"

	corsaecho5 "github.com/corsa-go/corsa/echo5"
)

// echo5Setups set up an echo v5 instance with its middleware installed with
// Use, as echo v4's (see echoSetups).
var echo5Setups = setups[echo.MiddlewareFunc]{
	recover: func() echo.MiddlewareFunc {
		return middleware.RecoverWithConfig(middleware.RecoverConfig{DisablePrintStack: true})
	},
	corsa:   corsaecho5.From,
	builtin: echo5Cors,
	rsCors:  func(c *cors.Cors) echo.MiddlewareFunc { return echo.WrapMiddleware(c.Handler) },
	floor:   floorEcho5,
	app:     echo5App,
}

// echo5Cors maps c onto echo v5's middleware.CORSConfig, built with
// ToMiddleware, which returns the error CORSWithConfig panics with.
// AllowOrigins are compared literally: no subdomain or port pattern (v4
// had them; v5 leaves matching to UnsafeAllowOriginFunc, which would be
// this package's code), and its configuration check refuses "null"; no
// Private Network Access. It refuses an empty origin list, so "none" goes
// through UnsafeAllowOriginFunc.
func echo5Cors(c CORS) (echo.MiddlewareFunc, error) {
	const library = "echo v5's CORS middleware"
	if err := answers204(library, c, false); err != nil {
		return nil, err
	}
	switch {
	case hasPattern(c.Policy.Origins):
		return nil, cannotExpress(library, "has no origin patterns")
	case slices.Contains(c.Policy.Origins, "null"):
		return nil, cannotExpress(library, "cannot list the \"null\" origin in AllowOrigins")
	}
	l := listsFor(c)
	cfg := middleware.CORSConfig{
		AllowOrigins:     l.origins,
		AllowMethods:     l.methods,
		AllowHeaders:     l.headers,
		ExposeHeaders:    l.exposed,
		AllowCredentials: l.credentials,
		MaxAge:           l.maxAge,
	}
	if len(l.origins) == 0 {
		cfg.UnsafeAllowOriginFunc = func(_ *echo.Context, origin string) (string, bool, error) {
			return "", refuseOrigin(origin), nil
		}
	}
	return cfg.ToMiddleware()
}

func echo5App(mws []echo.MiddlewareFunc, rs Routes) *App {
	e := echo.New()
	e.Use(mws...)
	rs.each(func(method string, rt Route) {
		if method == "" {
			e.Any(rt.Path, echo5Handler(rs, rt))
		} else {
			e.Add(method, rt.Path, echo5Handler(rs, rt))
		}
	})
	return httpApp(e)
}

func echo5Handler(rs Routes, rt Route) echo.HandlerFunc {
	switch {
	case rt.standard != nil:
		return func(c *echo.Context) error {
			h := c.Response().Header()
			return rt.standard.Serve(h.Set, h.Add, func(status int) error { return echo.NewHTTPError(status, http.StatusText(status)) },
				func(body string) error { return c.String(http.StatusOK, body) })
		}
	case rs.ran != nil:
		return func(c *echo.Context) error {
			*rs.ran = true
			return c.NoContent(http.StatusOK)
		}
	}
	return echo.WrapHandler(rs.http)
}

// floorEcho5 is the floor (see floorWrite) on echo v5.
func floorEcho5(next echo.HandlerFunc) echo.HandlerFunc {
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
}
