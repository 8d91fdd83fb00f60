package corsaecho_test

import (
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/corsa-go/corsa/conformance/adaptertest"
	"github.com/corsa-go/corsa/conformance/scenario"
	corsaecho "github.com/corsa-go/corsa/echo"
)

// passThrough is the cheapest middleware echo can run.
func passThrough(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error { return next(c) }
}

// benchSetups are the scenarios' app with a pass-through middleware and
// with corsa, registered the i-th way.
func benchSetups(i int) (pass, withCorsa adaptertest.Setup) {
	reg := registrations[i]
	a := adapter(reg.register)
	return a.Bench("pass-through"+reg.bench, false, adaptertest.ScenarioApp[echo.MiddlewareFunc](passThrough)),
		a.Bench("corsa"+reg.bench, true, adaptertest.ScenarioApp(corsaecho.Must(scenario.Policy())))
}

func BenchmarkMiddleware(b *testing.B) {
	passUse, _ := benchSetups(0)
	passPre, corsaPre := benchSetups(1)
	adapter((*echo.Echo).Use).BenchmarkMiddleware(b, passUse, passPre, corsaPre)
}

// Echo builds every middleware's handler anew for each request
// (applyMiddleware), which costs one closure per middleware, and e.Pre one
// more for the routing step; a pass-through middleware registered the same
// way carries that cost, leaving corsa's own.
func TestMiddlewareAddsAtMostOneAllocationOverAPassThrough(t *testing.T) {
	for i, reg := range registrations {
		t.Run("registered "+reg.name, func(t *testing.T) {
			pass, withCorsa := benchSetups(i)
			adaptertest.CheckAllocsAdded(t, 1, pass, withCorsa)
		})
	}
}
