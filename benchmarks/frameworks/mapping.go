package frameworks

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/rs/cors"

	"github.com/corsa-go/corsa/conformance"
)

// CannotExpress is a policy a library has no setting for; it wraps
// conformance.ErrCannotExpress, so that the conformance suite skips the
// case and counts it.
type CannotExpress struct {
	// Library names the library: "go-chi/cors".
	Library string
	// Why completes a sentence about Library: "has no port wildcard".
	Why string
}

func (e *CannotExpress) Error() string {
	return conformance.ErrCannotExpress.Error() + ": " + e.Library + " " + e.Why
}

// Unwrap returns conformance.ErrCannotExpress.
func (e *CannotExpress) Unwrap() error { return conformance.ErrCannotExpress }

func cannotExpress(library, why string) error { return &CannotExpress{Library: library, Why: why} }

// safelisted are the methods a corsa policy always allows and never lists.
var safelisted = []string{http.MethodGet, http.MethodHead, http.MethodPost}

// withSafelisted is a policy's method set for libraries whose method list
// is the complete set of methods they allow, safelisted ones included.
func withSafelisted(methods []string) []string {
	all := slices.Clone(safelisted)
	for _, m := range methods {
		if !slices.Contains(all, m) {
			all = append(all, m)
		}
	}
	return all
}

// orSafelisted is a policy's method list for libraries that replace an
// empty list with a default broader than GET, HEAD and POST.
func orSafelisted(methods []string) []string {
	if len(methods) == 0 {
		return slices.Clone(safelisted)
	}
	return methods
}

// maxAgeNegativeForZero maps Config.MaxAge onto the convention of
// rs/cors, echo and fiber: 0 sends no header, a negative value sends "0".
func maxAgeNegativeForZero(maxAge *int) int {
	switch {
	case maxAge == nil:
		return 0
	case *maxAge == 0:
		return -1
	}
	return *maxAge
}

// isPortPattern reports whether origin is a port wildcard such as
// "http://localhost:*".
func isPortPattern(origin string) bool { return strings.HasSuffix(origin, ":*") }

// hasPattern reports whether origins hold a subdomain or port wildcard
// (anything with "*" besides the any-origin "*" itself).
func hasPattern(origins []string) bool {
	return slices.ContainsFunc(origins, func(o string) bool { return o != "*" && strings.Contains(o, "*") })
}

// refuseOrigin is the origin predicate for a policy with no origins at
// all: libraries read an empty origin list as "any origin" or as a
// configuration error, so "none" is said through their predicate hooks.
func refuseOrigin(string) bool { return false }

// refusal calls newMiddleware, turning the panic with which
// gin-contrib/cors and fiber refuse a configuration into the error the
// conformance suite's cases for forbidden configurations expect.
func refusal[M any](newMiddleware func() M) (mw M, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("frameworks: the middleware refused the configuration: %v", v)
		}
	}()
	return newMiddleware(), nil
}

// rsCorsOptions maps c onto rs/cors's Options.
func rsCorsOptions(c CORS) (cors.Options, error) {
	policy := c.Policy
	if slices.Contains(policy.Methods, "*") {
		return cors.Options{}, cannotExpress("rs/cors", "has no method wildcard")
	}
	if c.Readme {
		return cors.Options{AllowedOrigins: policy.Origins}, nil
	}
	opts := cors.Options{
		AllowedOrigins:       policy.Origins,
		AllowedMethods:       withSafelisted(policy.Methods),
		AllowedHeaders:       policy.RequestHeaders,
		ExposedHeaders:       policy.ExposedHeaders,
		MaxAge:               maxAgeNegativeForZero(policy.MaxAge),
		AllowCredentials:     policy.Credentials,
		AllowPrivateNetwork:  policy.PrivateNetwork,
		OptionsSuccessStatus: policy.PreflightStatus,
	}
	if len(policy.Origins) == 0 {
		opts.AllowOriginFunc = refuseOrigin
	}
	return opts, nil
}

// corsLists is a policy mapped onto the fields that echo's and fiber's
// CORS configurations share: lists copied into the response headers,
// methods as they expect them, and a max-age whose negative value sends 0.
// For Readme, only the origins are set: the rest stays the library's
// default, as its README shows.
type corsLists struct {
	origins, methods, headers, exposed []string
	credentials                        bool
	maxAge                             int
}

func listsFor(c CORS) corsLists {
	if c.Readme {
		return corsLists{origins: c.Policy.Origins}
	}
	return corsLists{
		origins:     c.Policy.Origins,
		methods:     orSafelisted(c.Policy.Methods),
		headers:     c.Policy.RequestHeaders,
		exposed:     c.Policy.ExposedHeaders,
		credentials: c.Policy.Credentials,
		maxAge:      maxAgeNegativeForZero(c.Policy.MaxAge),
	}
}

// answers204 checks a policy against a library that answers every allowed
// preflight with 204, and, unless privateNetwork, has no Private Network
// Access support.
func answers204(library string, c CORS, privateNetwork bool) error {
	switch {
	case c.Policy.PrivateNetwork && !privateNetwork:
		return cannotExpress(library, "has no Private Network Access support")
	case c.Policy.PreflightStatus != 0 && c.Policy.PreflightStatus != http.StatusNoContent:
		return cannotExpress(library, "always answers preflights with 204")
	}
	return nil
}
