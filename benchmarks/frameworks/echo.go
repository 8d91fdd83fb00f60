package frameworks

import (
	"io"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/rs/cors"

	corsaecho "github.com/corsa-go/corsa/echo"
)

// echoSetups set up an echo v4 instance with its middleware installed with
// Use, rs/cors through echo.WrapMiddleware, the usual way to use a
// net/http middleware on echo.
var echoSetups = setups[echo.MiddlewareFunc]{
	recover: func() echo.MiddlewareFunc {
		return middleware.RecoverWithConfig(middleware.RecoverConfig{DisablePrintStack: true})
	},
	corsa:   corsaecho.From,
	builtin: echoCors,
	rsCors:  func(c *cors.Cors) echo.MiddlewareFunc { return echo.WrapMiddleware(c.Handler) },
	floor:   floorEcho,
	app:     echoApp,
}

// echoApp is the echo v4 instance. Its logger is silenced: the
// conformance suite makes it log errors on purpose.
func echoApp(mws []echo.MiddlewareFunc, rs Routes) *App {
	e := echo.New()
	e.Logger.SetOutput(io.Discard)
	e.Use(mws...)
	rs.each(func(method string, rt Route) {
		if method == "" {
			e.Any(rt.Path, echoHandler(rs, rt))
		} else {
			e.Add(method, rt.Path, echoHandler(rs, rt))
		}
	})
	return httpApp(e)
}

func echoHandler(rs Routes, rt Route) echo.HandlerFunc {
	switch {
	case rt.standard != nil:
		return func(c echo.Context) error {
			h := c.Response().Header()
			return rt.standard.Serve(h.Set, h.Add, func(status int) error { return echo.NewHTTPError(status) },
				func(body string) error { return c.String(http.StatusOK, body) })
		}
	case rs.ran != nil:
		return func(c echo.Context) error {
			*rs.ran = true
			return c.NoContent(http.StatusOK)
		}
	}
	return echo.WrapHandler(rs.http)
}

// echoCors maps c onto echo v4's middleware.CORSWithConfig: patterns use
// its '*' wildcard; no Private Network Access.
func echoCors(c CORS) (echo.MiddlewareFunc, error) {
	if err := answers204("echo's CORS middleware", c, false); err != nil {
		return nil, err
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
		cfg.AllowOriginFunc = func(origin string) (bool, error) { return refuseOrigin(origin), nil }
	}
	return middleware.CORSWithConfig(cfg), nil
}

// floorEcho is the floor (see floorWrite) on echo v4.
func floorEcho(next echo.HandlerFunc) echo.HandlerFunc {
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
}
