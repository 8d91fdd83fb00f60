package corsaecho5_test

import (
	"net/http"
	"testing"

	"github.com/labstack/echo/v5"

	"github.com/corsa-go/corsa/conformance/adaptertest"
	"github.com/corsa-go/corsa/conformance/scenario"
	corsaecho5 "github.com/corsa-go/corsa/echo5"
)

// passThrough is the cheapest middleware echo can run.
func passThrough(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c *echo.Context) error { return next(c) }
}

// benchApp serves /resource for every method, so that the bare instance
// runs the same route and handler for each scenario as the one with corsa
// (which answers preflights itself).
func benchApp(register func(*echo.Echo)) *echo.Echo {
	e := echo.New()
	register(e)
	e.Any("/resource", func(c *echo.Context) error { return c.NoContent(http.StatusOK) })
	return e
}

// benchSetups are the same Echo instance bare, with a pass-through
// middleware and with corsa, registered with e.Use and with e.Pre.
func benchSetups() (bare, passUse, corsaUse, passPre, corsaPre adaptertest.Setup) {
	mw := corsaecho5.Must(scenario.Policy())
	return adaptertest.HTTPSetup("bare", false, benchApp(func(*echo.Echo) {})),
		adaptertest.HTTPSetup("pass-through", false, benchApp(func(e *echo.Echo) { e.Use(passThrough) })),
		adaptertest.HTTPSetup("corsa", true, benchApp(func(e *echo.Echo) { e.Use(mw) })),
		adaptertest.HTTPSetup("pass-through-pre", false, benchApp(func(e *echo.Echo) { e.Pre(passThrough) })),
		adaptertest.HTTPSetup("corsa-pre", true, benchApp(func(e *echo.Echo) { e.Pre(mw) }))
}

func BenchmarkMiddleware(b *testing.B) {
	bare, passUse, corsaUse, passPre, corsaPre := benchSetups()
	adaptertest.BenchmarkScenarios(b, bare, passUse, corsaUse, passPre, corsaPre)
}

// A pass-through middleware registered the same way carries whatever echo
// v5 charges a middleware (measured: nothing, where echo v4 builds a
// closure per middleware per request), leaving corsa's own.
func TestMiddlewareAddsAtMostOneAllocationOverAPassThrough(t *testing.T) {
	_, passUse, corsaUse, passPre, corsaPre := benchSetups()
	t.Run("registered with e.Use", func(t *testing.T) { adaptertest.CheckAllocsAdded(t, 1, passUse, corsaUse) })
	t.Run("registered with e.Pre", func(t *testing.T) { adaptertest.CheckAllocsAdded(t, 1, passPre, corsaPre) })
}
