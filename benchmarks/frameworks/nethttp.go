package frameworks

import (
	"net/http"
	"slices"

	"github.com/go-chi/chi/v5"
	chicors "github.com/go-chi/cors"
	"github.com/rs/cors"

	"github.com/corsa-go/corsa"
	corsachi "github.com/corsa-go/corsa/chi"
	"github.com/corsa-go/corsa/conformance"
)

// httpMiddleware is a net/http middleware, the shape chi's Use takes.
type httpMiddleware = func(http.Handler) http.Handler

// netHTTPSetups set up an http.ServeMux inside its middleware, corsa's being the
// Source's Handler.
var netHTTPSetups = setups[httpMiddleware]{
	recover: func() httpMiddleware { return conformance.Recover },
	corsa:   func(src corsa.Source) httpMiddleware { return src.Handler },
	rsCors:  func(c *cors.Cors) httpMiddleware { return c.Handler },
	floor:   floorHTTP,
	app: func(mws []httpMiddleware, rs Routes) *App {
		mux := http.NewServeMux()
		rs.each(func(method string, rt Route) {
			pattern := rt.Path
			if method != "" {
				pattern = method + " " + rt.Path
			}
			mux.Handle(pattern, rs.httpHandler(rt))
		})
		var h http.Handler = mux
		for i := len(mws) - 1; i >= 0; i-- {
			h = mws[i](h)
		}
		return httpApp(h)
	},
}

// chiSetups set up a chi router with its middleware installed with Use.
var chiSetups = setups[httpMiddleware]{
	recover: func() httpMiddleware { return conformance.Recover },
	corsa:   corsachi.From,
	builtin: goChiCors,
	rsCors:  func(c *cors.Cors) httpMiddleware { return c.Handler },
	floor:   floorHTTP,
	app: func(mws []httpMiddleware, rs Routes) *App {
		r := chi.NewRouter()
		r.Use(mws...)
		rs.each(func(method string, rt Route) {
			if method == "" {
				r.Handle(rt.Path, rs.httpHandler(rt))
			} else {
				r.Method(method, rt.Path, rs.httpHandler(rt))
			}
		})
		return httpApp(r)
	},
}

// httpHandler is a route's handler on net/http and chi, and what gin and
// echo wrap for Handlers.
func (rs Routes) httpHandler(rt Route) http.Handler {
	switch {
	case rt.standard != nil:
		// conformance.Route is its own net/http handler.
		return *rt.standard
	case rs.ran != nil:
		return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			*rs.ran = true
			w.WriteHeader(http.StatusOK)
		})
	}
	return rs.http
}

// goChiCors maps c onto go-chi/cors: no Private Network Access, no way to
// send max-age 0, preflights always answered 200, no method wildcard.
func goChiCors(c CORS) (httpMiddleware, error) {
	const library = "go-chi/cors"
	policy := c.Policy
	switch {
	case policy.PrivateNetwork:
		return nil, cannotExpress(library, "has no Private Network Access support")
	case policy.MaxAge != nil && *policy.MaxAge == 0:
		return nil, cannotExpress(library, "cannot send Access-Control-Max-Age: 0")
	case policy.PreflightStatus != 0 && policy.PreflightStatus != http.StatusOK:
		return nil, cannotExpress(library, "always answers preflights with 200")
	case slices.Contains(policy.Methods, "*"):
		return nil, cannotExpress(library, "has no method wildcard")
	case c.Readme:
		// Its README lists every option; the minimum is the origins.
		return chicors.Handler(chicors.Options{AllowedOrigins: policy.Origins}), nil
	}
	opts := chicors.Options{
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
	return chicors.Handler(opts), nil
}
