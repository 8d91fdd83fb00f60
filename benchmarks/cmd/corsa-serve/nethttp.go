package main

import (
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/internal/routes"
	corsachi "github.com/corsa-go/corsa/chi"
	"github.com/corsa-go/corsa/conformance"
)

// netHTTPHandler is the standard mux behind corsa's net/http middleware,
// with conformance.Recover outermost.
func netHTTPHandler(m *corsa.Middleware, logger *log.Logger) http.Handler {
	var h http.Handler = conformance.NewServeMux()
	if m != nil {
		h = logRefusals(m, logger, m.Handler(h))
	}
	return conformance.Recover(h)
}

// chiHandler is a chi router with chi's Recoverer, then corsachi, on the
// router, as chi users install them.
func chiHandler(m *corsa.Middleware, logger *log.Logger) http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.Recoverer)
	if m != nil {
		r.Use(func(next http.Handler) http.Handler { return logRefusals(m, logger, next) })
		r.Use(corsachi.FromMiddleware(m))
	}
	routes.Chi(r)
	return r
}
