package corsagin_test

import (
	"net/http"
	"testing"

	"github.com/gin-gonic/gin"

	corsagin "github.com/corsa-go/corsa/gin"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
)

// The decision hook needs no adapter code: corsa calls Config.OnDecision
// from Decide, which this adapter calls once per request, with the path it
// routes on.
func TestOnDecisionNeedsNoAdapterCode(t *testing.T) {
	adaptertest.CheckOnDecision(t, onDecisionApp)
}

// A panicking OriginFunc refuses its origin and the server keeps serving.
func TestAnOriginFuncThatPanicsFailsClosed(t *testing.T) {
	adaptertest.CheckOriginFuncPanics(t, onDecisionApp)
}

// onDecisionApp is the app the hook checks serve: GET /api/items behind
// the middleware built from cfg.
var onDecisionApp = func(cfg corsa.Config) func(*http.Request) (*http.Response, error) {
	r := gin.New()
	r.Use(corsagin.Must(cfg))
	r.GET("/api/items", func(c *gin.Context) { c.Status(http.StatusOK) })
	return conformance.Recorder(r)
}
