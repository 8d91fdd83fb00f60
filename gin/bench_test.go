package corsagin_test

import (
	"net/http"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa/conformance/adaptertest"
	"github.com/corsa-go/corsa/conformance/scenario"
	corsagin "github.com/corsa-go/corsa/gin"
)

// benchApp serves /resource for every method, so that the bare engine
// runs the same route and handler for each scenario as the one with corsa
// (which answers preflights itself).
func benchApp(mw ...gin.HandlerFunc) *gin.Engine {
	r := gin.New()
	r.Use(mw...)
	r.Any("/resource", func(c *gin.Context) { c.Status(http.StatusOK) })
	return r
}

// benchSetups are the same engine without and with corsa.
func benchSetups() (bare, withCorsa adaptertest.Setup) {
	return adaptertest.HTTPSetup("bare", false, benchApp()),
		adaptertest.HTTPSetup("corsa", true, benchApp(corsagin.Must(scenario.Policy())))
}

func BenchmarkMiddleware(b *testing.B) {
	bare, withCorsa := benchSetups()
	adaptertest.BenchmarkScenarios(b, bare, withCorsa)
}

func TestMiddlewareAddsAtMostOneAllocation(t *testing.T) {
	bare, withCorsa := benchSetups()
	adaptertest.CheckAllocsAdded(t, 1, bare, withCorsa)
}
