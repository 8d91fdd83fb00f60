package peers

import (
	"net/http"
	"slices"

	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/cors"
	"github.com/gofiber/fiber/v3/middleware/recover"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/internal/routes"
	"github.com/corsa-go/corsa/conformance"
)

// Fiber3Cors is the harness for fiber v3's middleware/cors, installed with
// Use on a fiber app and served through app.Test.
func Fiber3Cors(policy corsa.Config) (conformance.Server, error) {
	const peer = "fiber v3's CORS middleware"
	switch {
	case policy.PreflightStatus != 0 && policy.PreflightStatus != http.StatusNoContent:
		return conformance.Server{}, cannotExpress(peer, "always answers preflights with 204")
	case slices.ContainsFunc(policy.Origins, isPortPattern):
		return conformance.Server{}, cannotExpress(peer, "has no port wildcard")
	case slices.Contains(policy.Origins, "null"):
		// Its AllowOriginsFunc may return true for "null", but that
		// predicate would be the harness's code, not the peer's.
		return conformance.Server{}, cannotExpress(peer, "cannot list the \"null\" origin in AllowOrigins")
	}
	cfg := cors.Config{
		AllowOrigins:        policy.Origins,
		AllowMethods:        orSafelisted(policy.Methods),
		AllowHeaders:        policy.RequestHeaders,
		ExposeHeaders:       policy.ExposedHeaders,
		AllowCredentials:    policy.Credentials,
		AllowPrivateNetwork: policy.PrivateNetwork,
		MaxAge:              maxAgeNegativeForZero(policy.MaxAge),
	}
	if len(policy.Origins) == 0 {
		cfg.AllowOriginsFunc = refuseOrigin
	}
	mw, err := refusal(func() fiber.Handler { return cors.New(cfg) })
	if err != nil {
		return conformance.Server{}, err
	}
	app := fiber.New()
	app.Use(recover.New(), mw)
	routes.Fiber3(app)
	return conformance.Server{
		Do: func(r *http.Request) (*http.Response, error) {
			return app.Test(r, fiber.TestConfig{Timeout: 0})
		},
		Quirks: conformance.Quirks{MaxHeaderBytes: fiber.DefaultReadBufferSize},
	}, nil
}
