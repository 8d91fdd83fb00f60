package corsaecho5

import (
	"github.com/labstack/echo/v5"

	"github.com/corsa-go/corsa"
)

// Config is corsa's policy configuration, aliased so that one import is
// enough to configure and install the middleware.
type Config = corsa.Config

// New validates cfg and returns an echo middleware enforcing it. The error
// lists every problem in cfg at once (see corsa.New).
func New(cfg Config) (echo.MiddlewareFunc, error) {
	p, err := corsa.New(cfg)
	if err != nil {
		return nil, err
	}
	return FromPolicy(p), nil
}

// Must is New for configurations written in the program itself: it panics
// with New's error when cfg is invalid.
func Must(cfg Config) echo.MiddlewareFunc {
	mw, err := New(cfg)
	if err != nil {
		panic(err)
	}
	return mw
}

// FromPolicy returns an echo middleware enforcing p, so that one compiled
// policy can serve several Echo instances.
func FromPolicy(p *corsa.Policy) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c *echo.Context) error { return serve(p, c, next) }
	}
}

// FromMiddleware returns an echo middleware enforcing m's current policy:
// it reads m.Policy() for every request, so m.Reconfigure takes effect on
// the next request without rebuilding the Echo instance.
func FromMiddleware(m *corsa.Middleware) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c *echo.Context) error { return serve(m.Policy(), c, next) }
	}
}

// NewPaths validates m, a map from path prefix to policy (see
// corsa.NewPaths), and returns an echo middleware serving each request the
// policy of the longest prefix covering its path, and no CORS at all to a
// path no prefix covers. Install it once, with e.Use, instead of one
// policy per Group.
func NewPaths(m map[string]Config) (echo.MiddlewareFunc, error) {
	pp, err := corsa.NewPaths(m)
	if err != nil {
		return nil, err
	}
	return FromPaths(pp), nil
}

// MustPaths is NewPaths for prefixes and policies written in the program
// itself: it panics with NewPaths's error.
func MustPaths(m map[string]Config) echo.MiddlewareFunc {
	mw, err := NewPaths(m)
	if err != nil {
		panic(err)
	}
	return mw
}

// FromPaths returns an echo middleware serving pp, whose entries can be
// replaced while serving (corsa.Paths.Reconfigure).
func FromPaths(pp *corsa.Paths) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c *echo.Context) error {
			if p := pp.PolicyFor(c.Request()); p != nil {
				return serve(p, c, next)
			}
			return next(c)
		}
	}
}

// serve writes p's headers before next runs, so that they survive whatever
// status, returned error or recovered panic comes after.
func serve(p *corsa.Policy, c *echo.Context, next echo.HandlerFunc) error {
	if status := p.SetHeaders(c.Response().Header(), c.Request()); status != 0 {
		return c.NoContent(status) // a preflight
	}
	err := next(c)
	// A response is committed only once written: echo's error handler,
	// for one, runs after this returns. Until then a Vary that later code
	// replaced can still be fixed.
	if r, _ := echo.UnwrapResponse(c.Response()); r == nil || !r.Committed {
		p.RestoreVary(c.Response().Header())
	}
	return err
}
