package corsachi

import (
	"net/http"

	"github.com/corsa-go/corsa"
)

// Config is corsa's policy configuration, aliased so that one import is
// enough to configure and install the middleware.
type Config = corsa.Config

// New validates cfg and returns a chi middleware enforcing it. The error
// lists every problem in cfg at once (see corsa.New).
func New(cfg Config) (func(http.Handler) http.Handler, error) {
	p, err := corsa.New(cfg)
	if err != nil {
		return nil, err
	}
	return FromPolicy(p), nil
}

// Must is New for configurations written in the program itself: it panics
// with New's error when cfg is invalid.
func Must(cfg Config) func(http.Handler) http.Handler {
	mw, err := New(cfg)
	if err != nil {
		panic(err)
	}
	return mw
}

// FromPolicy returns a chi middleware enforcing p, so that one compiled
// policy can serve several routers.
func FromPolicy(p *corsa.Policy) func(http.Handler) http.Handler {
	return p.Handler
}

// FromMiddleware returns a chi middleware enforcing m's current policy: it
// reads m.Policy() for every request, so m.Reconfigure takes effect on the
// next request without rebuilding the router.
func FromMiddleware(m *corsa.Middleware) func(http.Handler) http.Handler {
	return m.Handler
}

// NewPaths validates m, a map from path prefix to policy (see
// corsa.NewPaths), and returns a chi middleware serving each request the
// policy of the longest prefix covering its path, and no CORS at all to a
// path no prefix covers. Install it once, with Mux.Use on the root router,
// instead of one policy per Group, Route or mounted router.
func NewPaths(m map[string]Config) (func(http.Handler) http.Handler, error) {
	pp, err := corsa.NewPaths(m)
	if err != nil {
		return nil, err
	}
	return FromPaths(pp), nil
}

// MustPaths is NewPaths for prefixes and policies written in the program
// itself: it panics with NewPaths's error.
func MustPaths(m map[string]Config) func(http.Handler) http.Handler {
	mw, err := NewPaths(m)
	if err != nil {
		panic(err)
	}
	return mw
}

// FromPaths returns a chi middleware serving pp, whose entries can be
// replaced while serving (corsa.Paths.Reconfigure).
func FromPaths(pp *corsa.Paths) func(http.Handler) http.Handler {
	return pp.Handler
}
