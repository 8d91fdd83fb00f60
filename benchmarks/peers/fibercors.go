package peers

import (
	"net/http"
	"slices"
	"strings"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/internal/routes"
	"github.com/corsa-go/corsa/conformance"
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/cors"
	"github.com/gofiber/fiber/v2/middleware/recover"
)

// FiberCors is the harness for fiber v2's middleware/cors, installed with
// Use on a fiber app and served through app.Test.
func FiberCors(policy corsa.Config) (conformance.Server, error) {
	const peer = "fiber's CORS middleware"
	switch {
	case policy.PrivateNetwork:
		return conformance.Server{}, cannotExpress(peer, "has no Private Network Access support")
	case policy.PreflightStatus != 0 && policy.PreflightStatus != http.StatusNoContent:
		return conformance.Server{}, cannotExpress(peer, "always answers preflights with 204")
	case slices.ContainsFunc(policy.Origins, isPortPattern):
		return conformance.Server{}, cannotExpress(peer, "has no port wildcard")
	case slices.Contains(policy.Origins, "null"):
		return conformance.Server{}, cannotExpress(peer, "cannot allow the \"null\" origin")
	}
	cfg := cors.Config{
		AllowOrigins:     strings.Join(policy.Origins, ","),
		AllowMethods:     strings.Join(orSafelisted(policy.Methods), ","),
		AllowHeaders:     strings.Join(policy.RequestHeaders, ","),
		ExposeHeaders:    strings.Join(policy.ExposedHeaders, ","),
		AllowCredentials: policy.Credentials,
		MaxAge:           maxAgeNegativeForZero(policy.MaxAge),
	}
	if len(policy.Origins) == 0 {
		cfg.AllowOriginsFunc = refuseOrigin
	}
	mw, err := refusal(func() fiber.Handler { return cors.New(cfg) })
	if err != nil {
		return conformance.Server{}, err
	}
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Use(recover.New(), mw)
	routes.Fiber(app)
	return conformance.Server{
		Do:     func(r *http.Request) (*http.Response, error) { return app.Test(r, -1) },
		Quirks: conformance.Quirks{MaxHeaderBytes: fiber.DefaultReadBufferSize},
	}, nil
}
