package conformance_test

import (
	"net/http"
	"testing"

	"github.com/corsa-go/corsa/conformance"
	corsa "github.com/corsa-go/corsa/core"
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
	mux.HandleFunc("GET "+conformance.PathResource, conformance.HandleResource) // and HEAD
	mux.HandleFunc("POST "+conformance.PathResource, conformance.HandleResource)
	mux.HandleFunc("PUT "+conformance.PathResource, conformance.HandleResource)
	mux.HandleFunc("DELETE "+conformance.PathResource, conformance.HandleResource)
	mux.HandleFunc("PATCH "+conformance.PathResource, conformance.HandleResource)
	mux.HandleFunc("OPTIONS "+conformance.PathOptions, conformance.HandleOptions)
	mux.HandleFunc("GET "+conformance.PathOptions, conformance.HandleOptions)
	mux.HandleFunc("GET "+conformance.PathNotFound, conformance.HandleNotFound)
	mux.HandleFunc("GET "+conformance.PathServerError, conformance.HandleServerError)
	mux.HandleFunc("GET "+conformance.PathPanic, conformance.HandlePanic)
	return conformance.Server{Do: conformance.Recorder(conformance.Recover(p.Handler(mux)))}, nil
}
