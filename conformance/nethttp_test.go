package conformance_test

import (
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
)

// TestNetHTTP runs the suite against the core's own net/http middleware:
// the reference harness.
func TestNetHTTP(t *testing.T) {
	conformance.Run(t, netHTTPHarness)
}

// netHTTPHarness serves the standard routes on a ServeMux, wrapped in
// the policy, with the recovery outside, as a user would.
func netHTTPHarness(cfg corsa.Config) (conformance.Server, error) {
	p, err := corsa.New(cfg)
	if err != nil {
		return conformance.Server{}, err
	}
	return conformance.Server{Do: conformance.Recorder(conformance.Recover(p.Handler(conformance.NewServeMux())))}, nil
}
