package browser

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	echo5 "github.com/labstack/echo/v5"

	gincors "github.com/gin-contrib/cors"
	chicors "github.com/go-chi/cors"
	fibercors "github.com/gofiber/fiber/v2/middleware/cors"
	fiber3 "github.com/gofiber/fiber/v3"
	fiber3cors "github.com/gofiber/fiber/v3/middleware/cors"
	echo5mw "github.com/labstack/echo/v5/middleware"
	rscors "github.com/rs/cors"

	"github.com/corsa-go/corsa"
)

// The peers: the CORS middlewares Go users reach for instead of corsa,
// each installed globally on the framework it belongs to, as its
// documentation shows, and configured for the same policy as corsa. The
// benchmarks module's peers package maps policies the same way for the
// conformance suite; this module cannot import it, hence the copy of the
// mapping, kept to the policies of a site.
//
// Mapping decisions: a corsa policy always allows GET, HEAD and POST, so
// rs/cors and go-chi/cors, which check the requested method against their
// list, get those three plus the policy's methods; the others copy their
// list into Access-Control-Allow-Methods and get the policy's methods, or
// GET, HEAD, POST where their default would grant more. A max-age of 0 is
// the documented negative value where a peer has one. A policy a peer has
// no setting for is not approximated: serve returns errCannotExpress and
// the scenarios that need it are reported as such.
//
// A policy of listed origins and nothing else, the README's one-liner, is
// not mapped: each peer gets the minimal "allow this origin" setup its
// own README shows (see minimalFor), since that is what a newcomer to it
// writes.
var peers = []adapter{
	{name: "rs/cors", peer: true, module: "github.com/rs/cors", serve: viaHTTP(rsCors)},
	{name: "go-chi/cors", peer: true, module: "github.com/go-chi/cors", serve: viaHTTP(chiCors)},
	{name: "gin-contrib/cors", peer: true, module: "github.com/gin-contrib/cors", serve: viaHTTP(ginCors)},
	{name: "echo CORS", peer: true, module: "github.com/labstack/echo/v4", serve: viaHTTP(echoCors)},
	{name: "echo v5 CORS", peer: true, module: "github.com/labstack/echo/v5", serve: viaHTTP(echo5Cors)},
	{name: "fiber CORS", peer: true, module: "github.com/gofiber/fiber/v2", serve: fiberCors},
	{name: "fiber v3 CORS", peer: true, module: "github.com/gofiber/fiber/v3", serve: fiber3Cors},
}

// errCannotExpress is a policy a peer has no setting for.
var errCannotExpress = errors.New("cannot express the policy")

func cannotExpress(why string) error { return fmt.Errorf("%w: %s", errCannotExpress, why) }

// withSafelisted is the method list of peers that check requested methods.
func withSafelisted(methods []string) []string {
	all := []string{http.MethodGet, http.MethodHead, http.MethodPost}
	for _, m := range methods {
		if !slices.Contains(all, m) {
			all = append(all, m)
		}
	}
	return all
}

// orSafelisted is the method list of peers whose empty list means more
// than GET, HEAD and POST.
func orSafelisted(methods []string) []string {
	if len(methods) == 0 {
		return []string{http.MethodGet, http.MethodHead, http.MethodPost}
	}
	return methods
}

// negativeForZero is the max-age convention of rs/cors, echo (v4 and v5)
// and fiber (v2 and v3): 0 sends nothing, a negative value sends "0".
func negativeForZero(maxAge *int) int {
	switch {
	case maxAge == nil:
		return 0
	case *maxAge == 0:
		return -1
	}
	return *maxAge
}

// originsOnly reports whether policy sets listed origins and nothing
// else: the README's one-liner. Its funcs are compared with nil by
// DeepEqual, so a policy with OriginFunc or OnDecision is not one.
func originsOnly(policy corsa.Config) bool {
	return len(policy.Origins) > 0 && !slices.Contains(policy.Origins, "*") &&
		reflect.DeepEqual(policy, corsa.Config{Origins: policy.Origins})
}

func rsCors(policy corsa.Config, endpoint http.Handler) (http.Handler, error) {
	if originsOnly(policy) {
		// Its README: cors.New(cors.Options{AllowedOrigins: ...}).
		return rscors.New(rscors.Options{AllowedOrigins: policy.Origins}).Handler(muxOf(endpoint)), nil
	}
	if slices.Contains(policy.Methods, "*") {
		return nil, cannotExpress("no method wildcard")
	}
	c := rscors.New(rscors.Options{
		AllowedOrigins:   policy.Origins,
		AllowedMethods:   withSafelisted(policy.Methods),
		AllowedHeaders:   policy.RequestHeaders,
		ExposedHeaders:   policy.ExposedHeaders,
		AllowCredentials: policy.Credentials,
		MaxAge:           negativeForZero(policy.MaxAge),
	})
	return c.Handler(muxOf(endpoint)), nil
}

// muxOf is a net/http mux serving endpoint on every route.
func muxOf(endpoint http.Handler) *http.ServeMux {
	mux := http.NewServeMux()
	for _, r := range routes {
		for _, m := range r.methods {
			mux.Handle(m+" "+r.path, endpoint)
		}
	}
	return mux
}

func chiCors(policy corsa.Config, endpoint http.Handler) (http.Handler, error) {
	switch {
	case policy.MaxAge != nil && *policy.MaxAge == 0:
		return nil, cannotExpress("cannot send Access-Control-Max-Age: 0")
	case slices.Contains(policy.Methods, "*"):
		return nil, cannotExpress("no method wildcard")
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
	if originsOnly(policy) {
		// Its README lists every option; the minimum is the origins.
		opts = chicors.Options{AllowedOrigins: policy.Origins}
	}
	r := chi.NewRouter()
	r.Use(chicors.Handler(opts))
	for _, rt := range routes {
		for _, m := range rt.methods {
			r.Method(m, rt.path, endpoint)
		}
	}
	return r, nil
}

func ginCors(policy corsa.Config, endpoint http.Handler) (http.Handler, error) {
	if policy.MaxAge != nil && *policy.MaxAge == 0 {
		return nil, cannotExpress("cannot send Access-Control-Max-Age: 0")
	}
	cfg := gincors.Config{
		AllowMethods:     policy.Methods,
		AllowHeaders:     policy.RequestHeaders,
		ExposeHeaders:    policy.ExposedHeaders,
		AllowCredentials: policy.Credentials,
	}
	// Its documentation allows any origin with AllowAllOrigins, not "*".
	if slices.Equal(policy.Origins, []string{"*"}) {
		cfg.AllowAllOrigins = true
	} else {
		cfg.AllowOrigins = policy.Origins
	}
	if policy.MaxAge != nil {
		cfg.MaxAge = time.Duration(*policy.MaxAge) * time.Second
	}
	if originsOnly(policy) {
		// Its README: start from DefaultConfig and set AllowOrigins.
		cfg = gincors.DefaultConfig()
		cfg.AllowOrigins = policy.Origins
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	e := gin.New()
	e.Use(gincors.New(cfg))
	for _, r := range routes {
		for _, m := range r.methods {
			e.Handle(m, r.path, gin.WrapH(endpoint))
		}
	}
	return e, nil
}

func echoCors(policy corsa.Config, endpoint http.Handler) (http.Handler, error) {
	cfg := middleware.CORSConfig{
		AllowOrigins:     policy.Origins,
		AllowMethods:     orSafelisted(policy.Methods),
		AllowHeaders:     policy.RequestHeaders,
		ExposeHeaders:    policy.ExposedHeaders,
		AllowCredentials: policy.Credentials,
		MaxAge:           negativeForZero(policy.MaxAge),
	}
	if originsOnly(policy) {
		// Its docs: CORSWithConfig(CORSConfig{AllowOrigins: ...}).
		cfg = middleware.CORSConfig{AllowOrigins: policy.Origins}
	}
	e := echo.New()
	e.Use(middleware.CORSWithConfig(cfg))
	for _, r := range routes {
		for _, m := range r.methods {
			e.Add(m, r.path, echo.WrapHandler(endpoint))
		}
	}
	return e, nil
}

// fiberCors serves fiber's middleware/cors, whose lists are
// comma-separated strings.
func fiberCors(ln net.Listener, policy corsa.Config, rec *recorder) (func() error, error) {
	cfg := fibercors.Config{
		AllowOrigins:     strings.Join(policy.Origins, ","),
		AllowMethods:     strings.Join(orSafelisted(policy.Methods), ","),
		AllowHeaders:     strings.Join(policy.RequestHeaders, ","),
		ExposeHeaders:    strings.Join(policy.ExposedHeaders, ","),
		AllowCredentials: policy.Credentials,
		MaxAge:           negativeForZero(policy.MaxAge),
	}
	if originsOnly(policy) {
		// Its docs: cors.New(cors.Config{AllowOrigins: ...}).
		cfg = fibercors.Config{AllowOrigins: strings.Join(policy.Origins, ",")}
	}
	return serveFiberWith(ln, rec, func() (fiber.Handler, error) { return fibercors.New(cfg), nil })
}

// echo5Cors serves echo v5's middleware.CORSWithConfig, built with
// ToMiddleware, which returns the configuration errors CORSWithConfig
// panics with.
func echo5Cors(policy corsa.Config, endpoint http.Handler) (http.Handler, error) {
	cfg := echo5mw.CORSConfig{
		AllowOrigins:     policy.Origins,
		AllowMethods:     orSafelisted(policy.Methods),
		AllowHeaders:     policy.RequestHeaders,
		ExposeHeaders:    policy.ExposedHeaders,
		AllowCredentials: policy.Credentials,
		MaxAge:           negativeForZero(policy.MaxAge),
	}
	if originsOnly(policy) {
		// Its doc comment: CORS(origins...), which is this config.
		cfg = echo5mw.CORSConfig{AllowOrigins: policy.Origins}
	}
	mw, err := cfg.ToMiddleware()
	if err != nil {
		return nil, err
	}
	e := echo5.New()
	e.Use(mw)
	for _, r := range routes {
		for _, m := range r.methods {
			e.Add(m, r.path, echo5.WrapHandler(endpoint))
		}
	}
	return e, nil
}

// fiber3Cors serves fiber v3's middleware/cors, whose lists are slices.
// Its New panics on a configuration it refuses; that panic is returned
// as an error, failing the run rather than crashing it.
func fiber3Cors(ln net.Listener, policy corsa.Config, rec *recorder) (func() error, error) {
	cfg := fiber3cors.Config{
		AllowOrigins:     policy.Origins,
		AllowMethods:     orSafelisted(policy.Methods),
		AllowHeaders:     policy.RequestHeaders,
		ExposeHeaders:    policy.ExposedHeaders,
		AllowCredentials: policy.Credentials,
		MaxAge:           negativeForZero(policy.MaxAge),
	}
	if originsOnly(policy) {
		// Its docs: cors.New(cors.Config{AllowOrigins: ...}).
		cfg = fiber3cors.Config{AllowOrigins: policy.Origins}
	}
	return serveFiber3With(ln, rec, func() (h fiber3.Handler, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("fiber v3 cors.New refused the configuration: %v", r)
			}
		}()
		return fiber3cors.New(cfg), nil
	})
}
