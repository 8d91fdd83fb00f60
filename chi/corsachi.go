package corsachi

import (
	"net/http"

	corsa "github.com/corsa-go/corsa/core"
)

// Config is the CORS policy, as documented in the core package; the alias
// lets users build one without importing core.
type Config = corsa.Config

// New validates c and returns the chi middleware serving it, for Mux.Use.
// It returns every problem corsa.New finds in c, and no middleware.
func New(c Config) (func(http.Handler) http.Handler, error) {
	p, err := corsa.New(c)
	if err != nil {
		return nil, err
	}
	return FromPolicy(p), nil
}

// Must is New for configurations written in the program: it panics with
// New's error, so that a broken policy stops the program at start-up
// rather than serving without CORS.
func Must(c Config) func(http.Handler) http.Handler {
	mw, err := New(c)
	if err != nil {
		panic(err)
	}
	return mw
}

// FromPolicy returns the chi middleware serving p, so that one compiled
// policy can serve several routers.
func FromPolicy(p *corsa.Policy) func(http.Handler) http.Handler {
	return p.Handler
}

// FromMiddleware returns the chi middleware serving m's current policy:
// each request is decided on the policy m holds when it arrives, so
// m.Reconfigure takes effect on every router using it.
func FromMiddleware(m *corsa.Middleware) func(http.Handler) http.Handler {
	return m.Handler
}

// NewPaths validates m, a map from path prefix to policy (see
// corsa.NewPaths), and returns the chi middleware serving each request the
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

// MustPaths is NewPaths for prefixes and policies written in the program:
// it panics with NewPaths's error.
func MustPaths(m map[string]Config) func(http.Handler) http.Handler {
	mw, err := NewPaths(m)
	if err != nil {
		panic(err)
	}
	return mw
}

// FromPaths returns the chi middleware serving pp, whose entries can be
// replaced while serving (corsa.Paths.Reconfigure).
func FromPaths(pp *corsa.Paths) func(http.Handler) http.Handler {
	return pp.Handler
}
