package conformance_test

import (
	"net/http"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
)

// TestNetHTTP runs the suite against the core's own net/http middleware:
// the reference harness.
func TestNetHTTP(t *testing.T) {
	conformance.Run(t, netHTTPHarness)
}

// netHTTPHarness registers the standard routes on a ServeMux, wraps it in
// the policy, and puts the recovery outside, as a user would.
func netHTTPHarness(cfg corsa.Config) (conformance.Server, error) {
	p, err := corsa.New(cfg)
	if err != nil {
		return conformance.Server{}, err
	}
	mux := http.NewServeMux()
	for _, rt := range conformance.Routes {
		for _, m := range rt.Methods {
			mux.Handle(m+" "+rt.Path, rt)
		}
	}
	return conformance.Server{Do: conformance.Recorder(conformance.Recover(p.Handler(mux)))}, nil
}
