package peers

import (
	"io"
	"net/http"
	"slices"
	"time"

	"github.com/corsa-go/corsa/conformance"
	corsa "github.com/corsa-go/corsa/core"
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
	for _, route := range conformance.Routes {
		for _, m := range route.Methods {
			e.Handle(m, route.Path, ginHandler(route))
		}
	}
	return conformance.Server{Do: conformance.Recorder(e)}, nil
}

// ginHandler is route's standard handler written with gin's calls.
func ginHandler(route conformance.Route) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header(conformance.HandlerHeader, conformance.HandlerRan)
		if route.Panics {
			panic("peers: the " + route.Path + " handler panics on purpose")
		}
		if route.SetTotalCount {
			c.Header(conformance.TotalCountHeader, conformance.TotalCount)
		}
		if route.AddVary {
			c.Writer.Header().Add("Vary", conformance.HandlerVary)
		}
		if route.Status != http.StatusOK {
			c.AbortWithStatus(route.Status)
			return
		}
		c.String(http.StatusOK, route.Body)
	}
}
