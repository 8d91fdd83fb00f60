package peers

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
)

// Library is one row of the scoreboard: a CORS middleware, installed on the
// framework it belongs to, behind a conformance harness.
type Library struct {
	// Name says which middleware on which framework, e.g. "rs/cors (net/http)".
	Name string
	// Module is the Go module path of the middleware, so that a report can
	// name the version it measured.
	Module string
	// Harness serves the suite's standard routes with the middleware
	// configured for a case's policy.
	Harness conformance.Harness
	// Transport is the Go module of the HTTP server the framework runs on
	// when it is not net/http, so that a report can name its version too:
	// a peer's answers to malformed requests may be the transport's.
	Transport string
	// Note is what a reader of the report needs to know about this build
	// of the library to read its numbers.
	Note string
}

// fasthttp is the module fiber runs on.
const fasthttp = "github.com/valyala/fasthttp"

// fasthttpParser says what fasthttp v1.69 does to some hardening cases.
const fasthttpParser = "request parser refuses control bytes in header values with an error before any middleware runs; " +
	"app.Test returns that error, and those hardening cases count as failed (\"request failed\")."

// All returns corsa's own net/http middleware first, as the reference row,
// then the peers in a fixed order.
func All() []Library {
	return []Library{
		{Name: "corsa (net/http)", Module: "github.com/corsa-go/corsa", Harness: Corsa},
		{Name: "rs/cors (net/http)", Module: "github.com/rs/cors", Harness: RSCors},
		{Name: "go-chi/cors (chi)", Module: "github.com/go-chi/cors", Harness: ChiCors},
		{Name: "gin-contrib/cors (gin)", Module: "github.com/gin-contrib/cors", Harness: GinCors},
		{Name: "echo/v4 middleware.CORSWithConfig", Module: "github.com/labstack/echo/v4", Harness: EchoCors},
		{Name: "echo/v5 middleware.CORSWithConfig", Module: "github.com/labstack/echo/v5", Harness: Echo5Cors},
		{Name: "fiber/v2 middleware/cors", Module: "github.com/gofiber/fiber/v2", Harness: FiberCors, Transport: fasthttp,
			Note: "This module also builds fiber v3, so Go's minimal version selection gives fiber v2 the fasthttp that fiber v3 requires, " +
				"newer than the one fiber v2's own go.mod asks for. That fasthttp's " + fasthttpParser +
				" A fiber v2 application built without fiber v3 may run on the older fasthttp, which passes such requests to the middleware."},
		{Name: "fiber/v3 middleware/cors", Module: "github.com/gofiber/fiber/v3", Harness: Fiber3Cors, Transport: fasthttp, Note: "Its " + fasthttpParser},
	}
}

// Corsa is the harness for corsa's own net/http middleware, the reference
// every peer is compared with.
func Corsa(policy corsa.Config) (conformance.Server, error) {
	p, err := corsa.New(policy)
	if err != nil {
		return conformance.Server{}, err
	}
	h := conformance.Recover(p.Handler(conformance.NewServeMux()))
	return conformance.Server{Do: conformance.Recorder(h)}, nil
}

// cannotExpress reports a policy the peer has no setting for; why
// completes a sentence about the peer ("has no port wildcard").
func cannotExpress(peer, why string) error {
	return fmt.Errorf("%w: %s %s", conformance.ErrCannotExpress, peer, why)
}

// safelisted are the methods a corsa policy always allows and never lists.
var safelisted = []string{http.MethodGet, http.MethodHead, http.MethodPost}

// withSafelisted is a policy's method set for peers whose method list is the
// complete set of methods they allow, safelisted ones included.
func withSafelisted(methods []string) []string {
	all := slices.Clone(safelisted)
	for _, m := range methods {
		if !slices.Contains(all, m) {
			all = append(all, m)
		}
	}
	return all
}

// orSafelisted is a policy's method list for peers that replace an empty
// list with a default broader than GET, HEAD and POST.
func orSafelisted(methods []string) []string {
	if len(methods) == 0 {
		return safelisted
	}
	return methods
}

// maxAgeNegativeForZero maps Config.MaxAge onto the convention of rs/cors,
// echo and fiber: 0 sends no header, a negative value sends "0".
func maxAgeNegativeForZero(maxAge *int) int {
	switch {
	case maxAge == nil:
		return 0
	case *maxAge == 0:
		return -1
	default:
		return *maxAge
	}
}

// isPortPattern reports whether origin is a port wildcard such as
// "http://localhost:*".
func isPortPattern(origin string) bool { return strings.HasSuffix(origin, ":*") }

// hasPattern reports whether origins hold a subdomain or port wildcard
// (anything with "*" besides the any-origin "*" itself).
func hasPattern(origins []string) bool {
	return slices.ContainsFunc(origins, func(o string) bool { return o != "*" && strings.Contains(o, "*") })
}

// refuseOrigin is the origin predicate for a policy with no origins at all:
// peers read an empty origin list as "any origin" or as a configuration
// error, so "none" is said through each peer's own origin predicate hook.
func refuseOrigin(string) bool { return false }

// refusal calls newMiddleware, turning the panic with which gin-contrib/cors
// and fiber refuse a configuration into the error a harness must return for
// it (cases that expect a policy to be refused count on that error).
func refusal[M any](newMiddleware func() M) (mw M, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("peers: the middleware refused the configuration: %v", v)
		}
	}()
	return newMiddleware(), nil
}
