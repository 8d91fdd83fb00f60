package corsagin

import (
	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa"
)

// Config is corsa's policy configuration, aliased so that one import is
// enough to configure and install the middleware.
type Config = corsa.Config

// New validates cfg and returns a gin middleware enforcing it. The error
// lists every problem in cfg at once (see corsa.New).
func New(cfg Config) (gin.HandlerFunc, error) {
	p, err := corsa.New(cfg)
	if err != nil {
		return nil, err
	}
	return FromPolicy(p), nil
}

// Must is New for configurations written in the program itself: it panics
// with New's error when cfg is invalid.
func Must(cfg Config) gin.HandlerFunc {
	mw, err := New(cfg)
	if err != nil {
		panic(err)
	}
	return mw
}

// FromPolicy returns a gin middleware enforcing p, so that one compiled
// policy can serve several engines.
func FromPolicy(p *corsa.Policy) gin.HandlerFunc {
	return func(c *gin.Context) { serve(p, c) }
}

// FromMiddleware returns a gin middleware enforcing m's current policy: it
// reads m.Policy() for every request, so m.Reconfigure takes effect on the
// next request without rebuilding the engine.
func FromMiddleware(m *corsa.Middleware) gin.HandlerFunc {
	return func(c *gin.Context) { serve(m.Policy(), c) }
}

// NewPaths validates m, a map from path prefix to policy (see
// corsa.NewPaths), and returns a gin middleware serving each request the
// policy of the longest prefix covering its path, and no CORS at all to a
// path no prefix covers. Install it once, with Engine.Use, instead of one
// policy per RouterGroup.
func NewPaths(m map[string]Config) (gin.HandlerFunc, error) {
	pp, err := corsa.NewPaths(m)
	if err != nil {
		return nil, err
	}
	return FromPaths(pp), nil
}

// MustPaths is NewPaths for prefixes and policies written in the program
// itself: it panics with NewPaths's error.
func MustPaths(m map[string]Config) gin.HandlerFunc {
	mw, err := NewPaths(m)
	if err != nil {
		panic(err)
	}
	return mw
}

// FromPaths returns a gin middleware serving pp, whose entries can be
// replaced while serving (corsa.Paths.Reconfigure).
func FromPaths(pp *corsa.Paths) gin.HandlerFunc {
	return func(c *gin.Context) {
		if p := pp.PolicyFor(c.Request); p != nil {
			serve(p, c)
		}
	}
}

// serve writes p's headers before the rest of the chain runs, so that they
// survive whatever status, abort or recovered panic comes after.
func serve(p *corsa.Policy, c *gin.Context) {
	if status := p.SetHeaders(c.Writer.Header(), c.Request); status != 0 {
		c.AbortWithStatus(status) // a preflight
		return
	}
	c.Next()
	// gin writes the headers of a response with no body only after the
	// chain returns, so a Vary replaced by c.Header can still be fixed.
	if !c.Writer.Written() {
		p.RestoreVary(c.Writer.Header())
	}
}
