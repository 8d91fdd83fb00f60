package peers

import (
	"slices"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/rs/cors"
)

// RSCors is the harness for github.com/rs/cors, wrapping the suite's
// net/http ServeMux.
func RSCors(policy corsa.Config) (conformance.Server, error) {
	if slices.Contains(policy.Methods, "*") {
		return conformance.Server{}, cannotExpress("rs/cors", "has no method wildcard")
	}
	opts := cors.Options{
		AllowedOrigins:       policy.Origins,
		AllowedMethods:       withSafelisted(policy.Methods),
		AllowedHeaders:       policy.RequestHeaders,
		ExposedHeaders:       policy.ExposedHeaders,
		MaxAge:               maxAgeNegativeForZero(policy.MaxAge),
		AllowCredentials:     policy.Credentials,
		AllowPrivateNetwork:  policy.PrivateNetwork,
		OptionsSuccessStatus: policy.PreflightStatus,
	}
	if len(policy.Origins) == 0 {
		opts.AllowOriginFunc = refuseOrigin
	}
	h := conformance.Recover(cors.New(opts).Handler(conformance.NewServeMux()))
	return conformance.Server{Do: conformance.Recorder(h)}, nil
}
