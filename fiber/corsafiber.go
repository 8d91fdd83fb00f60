package corsafiber

import (
	"github.com/gofiber/fiber/v2"

	"github.com/corsa-go/corsa"
	corsafasthttp "github.com/corsa-go/corsa/fasthttp"
	"github.com/corsa-go/corsa/internal/adapter"
)

// Config is corsa's policy configuration, aliased so that one import is
// enough to configure and install the middleware.
type Config = corsa.Config

// From returns a fiber middleware serving src: a *corsa.Policy shared by
// several apps, a *corsa.Middleware whose policy can be replaced while
// serving, or *corsa.Paths for a policy per path prefix (compared with
// c.Path()). It panics on a nil src.
func From(src corsa.Source) fiber.Handler {
	adapter.CheckSource("corsafiber.From", src)
	return func(c *fiber.Ctx) error {
		return corsafasthttp.Serve(src, c.Context(), c.Path(), c.Next)
	}
}

// New validates cfg and returns a fiber middleware enforcing it. The error
// lists every problem in cfg at once (see corsa.New).
func New(cfg Config) (fiber.Handler, error) { return adapter.New(cfg, From) }

// Must is New for configurations written in the program itself: it panics
// with New's error when cfg is invalid.
func Must(cfg Config) fiber.Handler { return From(corsa.Must(cfg)) }
