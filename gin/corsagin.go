package corsagin

import (
	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/internal/adapter"
)

// Config is corsa's policy configuration, aliased so that one import is
// enough to configure and install the middleware.
type Config = corsa.Config

// From returns a gin middleware serving src: a *corsa.Policy shared by
// several engines, a *corsa.Middleware whose policy can be replaced while
// serving, or *corsa.Paths for a policy per path prefix. It panics on a
// nil src.
func From(src corsa.Source) gin.HandlerFunc {
	adapter.CheckSource("corsagin.From", src)
	return func(c *gin.Context) {
		var r corsa.Request
		r.ReadHTTP(c.Request)
		d := corsa.Decide(src, &r)
		h := c.Writer.Header()
		d.SetHeaders(h)
		if s := d.Status(); s != 0 {
			c.AbortWithStatus(s)
			return
		}
		c.Next()
		// gin writes the headers of a response with no body only after
		// the chain returns, so a Vary replaced by c.Header can still be
		// fixed.
		if !c.Writer.Written() {
			d.RestoreVary(h)
		}
	}
}

// New validates cfg and returns a gin middleware enforcing it. The error
// lists every problem in cfg at once (see corsa.New).
func New(cfg Config) (gin.HandlerFunc, error) { return adapter.New(cfg, From) }

// Must is New for configurations written in the program itself: it panics
// with New's error when cfg is invalid.
func Must(cfg Config) gin.HandlerFunc { return From(corsa.Must(cfg)) }
