package peers

import (
	"io"
	"slices"
	"time"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/internal/routes"
	"github.com/corsa-go/corsa/conformance"
	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
)

func init() {
	// Debug mode prints every route registration, once per case.
	gin.SetMode(gin.ReleaseMode)
}

// GinCors is the harness for github.com/gin-contrib/cors, installed with Use
// on a gin engine.
func GinCors(policy corsa.Config) (conformance.Server, error) {
	const peer = "gin-contrib/cors"
	switch {
	case policy.MaxAge != nil && *policy.MaxAge == 0:
		return conformance.Server{}, cannotExpress(peer, "cannot send Access-Control-Max-Age: 0")
	case slices.Contains(policy.Origins, "null"):
		return conformance.Server{}, cannotExpress(peer, "cannot allow the \"null\" origin")
	}
	cfg := cors.Config{
		AllowOrigins:              policy.Origins,
		AllowWildcard:             hasPattern(policy.Origins),
		AllowMethods:              policy.Methods,
		AllowHeaders:              policy.RequestHeaders,
		ExposeHeaders:             policy.ExposedHeaders,
		AllowCredentials:          policy.Credentials,
		AllowPrivateNetwork:       policy.PrivateNetwork,
		OptionsResponseStatusCode: policy.PreflightStatus,
	}
	if policy.MaxAge != nil {
		cfg.MaxAge = time.Duration(*policy.MaxAge) * time.Second
	}
	if len(policy.Origins) == 0 {
		cfg.AllowOriginFunc = refuseOrigin
	}
	mw, err := refusal(func() gin.HandlerFunc { return cors.New(cfg) })
	if err != nil {
		return conformance.Server{}, err
	}
	e := gin.New()
	e.Use(gin.RecoveryWithWriter(io.Discard), mw)
	routes.Gin(e)
	return conformance.Server{Do: conformance.Recorder(e)}, nil
}
