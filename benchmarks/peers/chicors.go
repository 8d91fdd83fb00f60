package peers

import (
	"net/http"
	"slices"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/internal/routes"
	"github.com/corsa-go/corsa/conformance"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/cors"
)

// ChiCors is the harness for github.com/go-chi/cors, installed with Use on a
// chi router.
func ChiCors(policy corsa.Config) (conformance.Server, error) {
	const peer = "go-chi/cors"
	switch {
	case policy.PrivateNetwork:
		return conformance.Server{}, cannotExpress(peer, "has no Private Network Access support")
	case policy.MaxAge != nil && *policy.MaxAge == 0:
		return conformance.Server{}, cannotExpress(peer, "cannot send Access-Control-Max-Age: 0")
	case policy.PreflightStatus != 0 && policy.PreflightStatus != http.StatusOK:
		return conformance.Server{}, cannotExpress(peer, "always answers preflights with 200")
	case slices.Contains(policy.Methods, "*"):
		return conformance.Server{}, cannotExpress(peer, "has no method wildcard")
	}
	opts := cors.Options{
		AllowedOrigins:   policy.Origins,
		AllowedMethods:   withSafelisted(policy.Methods),
		AllowedHeaders:   policy.RequestHeaders,
		ExposedHeaders:   policy.ExposedHeaders,
		AllowCredentials: policy.Credentials,
	}
	if policy.MaxAge != nil {
		opts.MaxAge = *policy.MaxAge
	}
	if len(policy.Origins) == 0 {
		opts.AllowOriginFunc = func(_ *http.Request, origin string) bool { return refuseOrigin(origin) }
	}
	r := chi.NewRouter()
	r.Use(cors.Handler(opts))
	routes.Chi(r)
	return conformance.Server{Do: conformance.Recorder(conformance.Recover(r))}, nil
}
