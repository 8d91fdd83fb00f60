package suite

import (
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/scenario"
	"net/http"
	"slices"

	"github.com/go-chi/chi/v5"
	chicors "github.com/go-chi/cors"
	"github.com/rs/cors"

	"github.com/corsa-go/corsa"
	corsachi "github.com/corsa-go/corsa/chi"
)

// httpMiddleware is a net/http middleware, the shape chi's Use takes.
type httpMiddleware = func(http.Handler) http.Handler

func netHTTP() Framework {
	build := func(mw func() (httpMiddleware, error)) func(scenario.Scenario) (target, error) {
		return func(s scenario.Scenario) (target, error) {
			ran := new(bool)
			mux := http.NewServeMux()
			mux.Handle(scenario.Path, okHandler(ran))
			var h http.Handler = mux
			if mw != nil {
				m, err := mw()
				if err != nil {
					return nil, err
				}
				h = m(mux)
			}
			return newHTTPTarget(h, s, ran), nil
		}
	}
	return Framework{Name: "NetHTTP", Key: "nethttp", Impls: []Impl{
		{Name: "bare", Kind: Bare, build: build(nil)},
		{Name: "corsa", Kind: Corsa, build: build(corsaHandler)},
		{Name: "rs-cors", Kind: RSCors, build: build(rsCorsHandler)},
		{Name: "floor", Kind: Floor, build: build(floorHandler)},
	}}
}

func chiRouter() Framework {
	build := func(mw func() (httpMiddleware, error)) func(scenario.Scenario) (target, error) {
		return func(s scenario.Scenario) (target, error) {
			ran := new(bool)
			r := chi.NewRouter()
			if mw != nil {
				m, err := mw()
				if err != nil {
					return nil, err
				}
				r.Use(m)
			}
			r.Handle(scenario.Path, okHandler(ran))
			return newHTTPTarget(r, s, ran), nil
		}
	}
	return Framework{Name: "Chi", Key: "chi", Impls: []Impl{
		{Name: "bare", Kind: Bare, build: build(nil)},
		{Name: "corsa", Kind: Corsa, build: build(func() (httpMiddleware, error) { return corsachi.New(scenario.Policy()) })},
		{Name: "go-chi-cors", Kind: Builtin, build: build(goChiCors)},
		{Name: "rs-cors", Kind: RSCors, build: build(rsCorsHandler)},
		{Name: "floor", Kind: Floor, build: build(floorHandler)},
	}}
}

// okHandler is the route's handler: it records that it ran and answers 200
// with no body, so that the response costs the same for every middleware.
func okHandler(ran *bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		*ran = true
		w.WriteHeader(http.StatusOK)
	})
}

func corsaHandler() (httpMiddleware, error) {
	p, err := corsa.New(scenario.Policy())
	if err != nil {
		return nil, err
	}
	return p.Handler, nil
}

func rsCors() *cors.Cors {
	return cors.New(cors.Options{
		AllowedOrigins:   []string{conformance.AppOrigin},
		AllowedMethods:   slices.Clone(scenario.Methods),
		AllowedHeaders:   slices.Clone(scenario.RequestHeaders),
		ExposedHeaders:   []string{scenario.ExposedHeader},
		AllowCredentials: true,
		MaxAge:           scenario.MaxAgeSeconds,
	})
}

func rsCorsHandler() (httpMiddleware, error) { return rsCors().Handler, nil }

func goChiCors() (httpMiddleware, error) {
	return chicors.Handler(chicors.Options{
		AllowedOrigins:   []string{conformance.AppOrigin},
		AllowedMethods:   slices.Clone(scenario.Methods),
		AllowedHeaders:   slices.Clone(scenario.RequestHeaders),
		ExposedHeaders:   []string{scenario.ExposedHeader},
		AllowCredentials: true,
		MaxAge:           scenario.MaxAgeSeconds,
	}), nil
}
