package corsachi

import (
	"net/http"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/internal/adapter"
)

// Config is corsa's policy configuration, aliased so that one import is
// enough to configure and install the middleware.
type Config = corsa.Config

// From returns a chi middleware serving src: a *corsa.Policy shared by
// several routers, a *corsa.Middleware whose policy can be replaced while
// serving, or *corsa.Paths for a policy per path prefix. It is src's own
// net/http Handler method. It panics on a nil src.
func From(src corsa.Source) func(http.Handler) http.Handler {
	adapter.CheckSource("corsachi.From", src)
	return src.Handler
}

// New validates cfg and returns a chi middleware enforcing it. The error
// lists every problem in cfg at once (see corsa.New).
func New(cfg Config) (func(http.Handler) http.Handler, error) { return adapter.New(cfg, From) }

// Must is New for configurations written in the program itself: it panics
// with New's error when cfg is invalid.
func Must(cfg Config) func(http.Handler) http.Handler { return From(corsa.Must(cfg)) }
