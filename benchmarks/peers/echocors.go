package peers

import (
	"io"
	"net/http"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/internal/routes"
	"github.com/corsa-go/corsa/conformance"
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
	routes.Echo(e)
	return conformance.Server{Do: conformance.Recorder(e)}, nil
}
