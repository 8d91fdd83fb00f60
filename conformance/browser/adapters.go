package browser

import (
	"context"
	"errors"
	"net"
	"net/http"
	"slices"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
	echo5 "github.com/labstack/echo/v5"

	"github.com/corsa-go/corsa"
	corsachi "github.com/corsa-go/corsa/chi"
	corsaecho "github.com/corsa-go/corsa/echo"
	corsaecho5 "github.com/corsa-go/corsa/echo5"
	corsafiber "github.com/corsa-go/corsa/fiber"
	corsagin "github.com/corsa-go/corsa/gin"
)

// shutdownTimeout bounds how long a server may take to stop.
const shutdownTimeout = 5 * time.Second

// adapter is one way of serving corsa: the CORS middleware installed
// globally, as its documentation says users install it, on an app with
// the routes of routes.go, and a recorder in front of everything.
type adapter struct {
	name string
	// peer marks another library than corsa: where it does not do what
	// corsa's scenarios expect, that is a difference to report, not a
	// failure.
	peer bool
	// module is the Go module of a peer, for its version.
	module string
	// serve serves policy on ln until stop is called. It returns an error
	// wrapping errCannotExpress for a policy the library has no setting
	// for.
	serve func(ln net.Listener, policy corsa.Config, rec *recorder) (stop func() error, err error)
}

// servers are the matrix's columns, in order: corsa's adapters, then the
// peers.
var servers = append(slices.Clone(adapters), peers...)

// adapters are corsa's own, held to every expectation of the scenarios.
var adapters = []adapter{
	{name: "net/http", serve: viaHTTP(func(policy corsa.Config, endpoint http.Handler) (http.Handler, error) {
		p, err := corsa.New(policy)
		if err != nil {
			return nil, err
		}
		mux := http.NewServeMux()
		for _, r := range routes {
			for _, m := range r.methods {
				mux.Handle(m+" "+r.path, endpoint)
			}
		}
		return p.Handler(mux), nil
	})},
	{name: "chi", serve: viaHTTP(func(policy corsa.Config, endpoint http.Handler) (http.Handler, error) {
		mw, err := corsachi.New(policy)
		if err != nil {
			return nil, err
		}
		r := chi.NewRouter()
		r.Use(mw)
		for _, rt := range routes {
			for _, m := range rt.methods {
				r.Method(m, rt.path, endpoint)
			}
		}
		return r, nil
	})},
	{name: "gin", serve: viaHTTP(func(policy corsa.Config, endpoint http.Handler) (http.Handler, error) {
		mw, err := corsagin.New(policy)
		if err != nil {
			return nil, err
		}
		e := gin.New()
		e.Use(mw)
		for _, r := range routes {
			for _, m := range r.methods {
				e.Handle(m, r.path, gin.WrapH(endpoint))
			}
		}
		return e, nil
	})},
	{name: "echo", serve: viaHTTP(func(policy corsa.Config, endpoint http.Handler) (http.Handler, error) {
		mw, err := corsaecho.New(policy)
		if err != nil {
			return nil, err
		}
		e := echo.New()
		e.Use(mw)
		for _, r := range routes {
			for _, m := range r.methods {
				e.Add(m, r.path, echo.WrapHandler(endpoint))
			}
		}
		return e, nil
	})},
	{name: "echo v5", serve: viaHTTP(func(policy corsa.Config, endpoint http.Handler) (http.Handler, error) {
		mw, err := corsaecho5.New(policy)
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
	})},
	{name: "fiber", serve: serveFiber},
	{name: "fiber v3", serve: serveFiber3},
}

// viaHTTP serves the net/http handler that build makes around endpoint.
func viaHTTP(build func(policy corsa.Config, endpoint http.Handler) (http.Handler, error)) func(net.Listener, corsa.Config, *recorder) (func() error, error) {
	return func(ln net.Listener, policy corsa.Config, rec *recorder) (func() error, error) {
		h, err := build(policy, rec.endpoint())
		if err != nil {
			return nil, err
		}
		srv := &http.Server{Handler: rec.record(h), ReadHeaderTimeout: shutdownTimeout}
		served := make(chan error, 1)
		go func() { served <- srv.Serve(ln) }()
		return func() error {
			ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
			defer cancel()
			err := srv.Shutdown(ctx)
			if serr := <-served; !errors.Is(serr, http.ErrServerClosed) {
				err = errors.Join(err, serr)
			}
			return err
		}, nil
	}
}

// serveFiber serves with fiber, whose adapter works on fasthttp directly.
func serveFiber(ln net.Listener, policy corsa.Config, rec *recorder) (func() error, error) {
	return serveFiberWith(ln, rec, func() (fiber.Handler, error) { return corsafiber.New(policy) })
}

// serveFiberWith serves a fiber app with the CORS middleware that mw
// makes.
func serveFiberWith(ln net.Listener, rec *recorder, mw func() (fiber.Handler, error)) (func() error, error) {
	cors, err := mw()
	if err != nil {
		return nil, err
	}
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Use(rec.recordFiber)
	app.Use(cors)
	for _, r := range routes {
		for _, m := range r.methods {
			app.Add(m, r.path, rec.fiberEndpoint)
		}
	}
	served := make(chan error, 1)
	go func() { served <- app.Listener(ln) }()
	return func() error {
		return errors.Join(app.ShutdownWithTimeout(shutdownTimeout), <-served)
	}, nil
}
