package corsachi_test

import (
	"testing"

	"github.com/corsa-go/corsa"
	corsachi "github.com/corsa-go/corsa/chi"
	"github.com/corsa-go/corsa/conformance"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

// harness serves a policy the way chi users do: chi's Recoverer outside
// the CORS middleware, both on the router with Use, then the routes.
// http.Header keeps repeated request header lines apart, so the harness
// has no quirk.
func harness(cfg corsa.Config) (conformance.Server, error) {
	cors, err := corsachi.New(cfg)
	if err != nil {
		return conformance.Server{}, err
	}
	r := chi.NewRouter()
	r.Use(middleware.RequestLogger(quietLog{}), middleware.Recoverer, cors)
	for _, rt := range conformance.Routes {
		for _, m := range rt.Methods {
			r.Method(m, rt.Path, rt)
		}
	}
	return conformance.Server{Do: conformance.Recorder(r)}, nil
}

func TestConformance(t *testing.T) {
	conformance.Run(t, harness)
}
