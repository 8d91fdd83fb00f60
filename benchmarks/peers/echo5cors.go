package peers

import (
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/internal/routes"
	"github.com/corsa-go/corsa/conformance"
)

// Echo5Cors is the harness for echo v5's middleware.CORSWithConfig,
// installed with Use on an echo instance.
func Echo5Cors(policy corsa.Config) (conformance.Server, error) {
	const peer = "echo v5's CORS middleware"
	switch {
	case policy.PrivateNetwork:
		return conformance.Server{}, cannotExpress(peer, "has no Private Network Access support")
	case policy.PreflightStatus != 0 && policy.PreflightStatus != http.StatusNoContent:
		return conformance.Server{}, cannotExpress(peer, "always answers preflights with 204")
	case slices.ContainsFunc(policy.Origins, func(o string) bool { return o != "*" && strings.Contains(o, "*") }):
		// v4 matched '*' in AllowOrigins as a wildcard; v5 compares
		// AllowOrigins literally and leaves patterns to
		// UnsafeAllowOriginFunc, which would be the harness's code.
		return conformance.Server{}, cannotExpress(peer, "has no origin patterns")
	case slices.Contains(policy.Origins, "null"):
		// Its configuration check refuses an origin without a scheme
		// and host.
		return conformance.Server{}, cannotExpress(peer, "cannot list the \"null\" origin in AllowOrigins")
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
		cfg.UnsafeAllowOriginFunc = func(_ *echo.Context, origin string) (string, bool, error) {
			return "", refuseOrigin(origin), nil
		}
	}
	// ToMiddleware returns the error CORSWithConfig panics with.
	mw, err := cfg.ToMiddleware()
	if err != nil {
		return conformance.Server{}, err
	}
	e := echo.New()
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{DisablePrintStack: true}), mw)
	routes.Echo5(e)
	return conformance.Server{Do: conformance.Recorder(e)}, nil
}
