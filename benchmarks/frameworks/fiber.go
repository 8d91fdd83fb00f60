package frameworks

import (
	"net/http"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/cors"
	"github.com/gofiber/fiber/v2/middleware/recover"

	"github.com/corsa-go/corsa/conformance"
	corsafiber "github.com/corsa-go/corsa/fiber"
)

// fiberSetups set up a fiber v2 app with its middleware installed with Use.
var fiberSetups = setups[fiber.Handler]{
	recover: func() fiber.Handler { return recover.New() },
	corsa:   corsafiber.From,
	builtin: fiberCors,
	floor:   func(c *fiber.Ctx) error { return floorServe(c.Context(), c.Next) },
	app: func(mws []fiber.Handler, rs Routes) *App {
		app := fiber.New(fiber.Config{DisableStartupMessage: true})
		for _, mw := range mws {
			app.Use(mw)
		}
		rs.each(func(method string, rt Route) {
			h := rs.fastHandler(rt)
			handler := func(c *fiber.Ctx) error {
				if s := h(c.Context()); s != 0 {
					return fiber.NewError(s)
				}
				return nil
			}
			if method == "" {
				app.All(rt.Path, handler)
			} else {
				app.Add(method, rt.Path, handler)
			}
		})
		return &App{
			Fast:       app.Handler(),
			Quirks:     conformance.Quirks{MaxHeaderBytes: fiber.DefaultReadBufferSize},
			fastServer: app.Server(),
			listen:     app.Listener,
			shutdown:   app.ShutdownWithContext,
			test:       func(r *http.Request) (*http.Response, error) { return app.Test(r, -1) },
		}
	},
}

// fiberCors maps c onto fiber v2's middleware/cors, whose lists are
// comma-separated strings: subdomain patterns but no port pattern and no
// "null" origin; no Private Network Access.
func fiberCors(c CORS) (fiber.Handler, error) {
	const library = "fiber's CORS middleware"
	if err := answers204(library, c, false); err != nil {
		return nil, err
	}
	switch {
	case slices.ContainsFunc(c.Policy.Origins, isPortPattern):
		return nil, cannotExpress(library, "has no port wildcard")
	case slices.Contains(c.Policy.Origins, "null"):
		return nil, cannotExpress(library, `cannot allow the "null" origin`)
	}
	l := listsFor(c)
	cfg := cors.Config{
		AllowOrigins:     strings.Join(l.origins, ","),
		AllowMethods:     strings.Join(l.methods, ","),
		AllowHeaders:     strings.Join(l.headers, ","),
		ExposeHeaders:    strings.Join(l.exposed, ","),
		AllowCredentials: l.credentials,
		MaxAge:           l.maxAge,
	}
	if len(l.origins) == 0 {
		cfg.AllowOriginsFunc = refuseOrigin
	}
	return refusal(func() fiber.Handler { return cors.New(cfg) })
}
