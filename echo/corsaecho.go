package corsaecho

import (
	"github.com/labstack/echo/v4"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/internal/adapter"
)

// Config is corsa's policy configuration, aliased so that one import is
// enough to configure and install the middleware.
type Config = corsa.Config

// From returns an echo middleware serving src: a *corsa.Policy shared by
// several servers, a *corsa.Middleware whose policy can be replaced while
// serving, or *corsa.Paths for a policy per path prefix. It panics on a
// nil src.
func From(src corsa.Source) echo.MiddlewareFunc {
	adapter.CheckSource("corsaecho.From", src)
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			var r corsa.Request
			r.ReadHTTP(c.Request())
			d := corsa.Decide(src, &r)
			res := c.Response()
			h := res.Header()
			d.SetHeaders(h)
			if s := d.Status(); s != 0 {
				return c.NoContent(s)
			}
			err := next(c)
			// A response is committed only once written: echo's error
			// handler, for one, runs after this returns.
			if !res.Committed {
				d.RestoreVary(h)
			}
			return err
		}
	}
}

// New validates cfg and returns an echo middleware enforcing it. The error
// lists every problem in cfg at once (see corsa.New).
func New(cfg Config) (echo.MiddlewareFunc, error) { return adapter.New(cfg, From) }

// Must is New for configurations written in the program itself: it panics
// with New's error when cfg is invalid.
func Must(cfg Config) echo.MiddlewareFunc { return From(corsa.Must(cfg)) }
