package frameworks

import (
	"net"
	"net/http"
	"slices"

	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/cors"
	"github.com/gofiber/fiber/v3/middleware/recover"

	"github.com/corsa-go/corsa/conformance"
	corsafiber3 "github.com/corsa-go/corsa/fiber3"
)

// fiber3Setups set up a fiber v3 app with its middleware installed with Use.
var fiber3Setups = setups[fiber.Handler]{
	recover: func() fiber.Handler { return recover.New() },
	corsa:   corsafiber3.From,
	builtin: fiber3Cors,
	floor:   func(c fiber.Ctx) error { return floorServe(c.RequestCtx(), c.Next) },
	app: func(mws []fiber.Handler, rs Routes) *App {
		app := fiber.New()
		for _, mw := range mws {
			app.Use(mw)
		}
		rs.each(func(method string, rt Route) {
			h := rs.fastHandler(rt)
			handler := func(c fiber.Ctx) error {
				if s := h(c.RequestCtx()); s != 0 {
					return fiber.NewError(s)
				}
				return nil
			}
			if method == "" {
				app.All(rt.Path, handler)
			} else {
				app.Add([]string{method}, rt.Path, handler)
			}
		})
		return &App{
			Fast:       app.Handler(),
			Quirks:     conformance.Quirks{MaxHeaderBytes: fiber.DefaultReadBufferSize},
			fastServer: app.Server(),
			listen: func(ln net.Listener) error {
				return app.Listener(ln, fiber.ListenConfig{DisableStartupMessage: true})
			},
			shutdown: app.ShutdownWithContext,
			test: func(r *http.Request) (*http.Response, error) {
				return app.Test(r, fiber.TestConfig{Timeout: 0})
			},
		}
	},
}

// fiber3Cors maps c onto fiber v3's middleware/cors, whose lists are
// slices: subdomain patterns but no port pattern; "null" cannot be listed
// in AllowOrigins (AllowOriginsFunc may allow it, but that predicate would
// be this package's code, not the library's).
func fiber3Cors(c CORS) (fiber.Handler, error) {
	const library = "fiber v3's CORS middleware"
	if err := answers204(library, c, true); err != nil {
		return nil, err
	}
	switch {
	case slices.ContainsFunc(c.Policy.Origins, isPortPattern):
		return nil, cannotExpress(library, "has no port wildcard")
	case slices.Contains(c.Policy.Origins, "null"):
		return nil, cannotExpress(library, `cannot list the "null" origin in AllowOrigins`)
	}
	l := listsFor(c)
	cfg := cors.Config{
		AllowOrigins:        l.origins,
		AllowMethods:        l.methods,
		AllowHeaders:        l.headers,
		ExposeHeaders:       l.exposed,
		AllowCredentials:    l.credentials,
		AllowPrivateNetwork: c.Policy.PrivateNetwork,
		MaxAge:              l.maxAge,
	}
	if len(l.origins) == 0 {
		cfg.AllowOriginsFunc = refuseOrigin
	}
	return refusal(func() fiber.Handler { return cors.New(cfg) })
}
