package corsagin_test

import (
	"io"
	"net/http"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	corsagin "github.com/corsa-go/corsa/gin"
)

func TestConformance(t *testing.T) {
	conformance.Run(t, harness)
}

// harness installs corsa as doc.go says users should: Engine.Use, before
// the routes, with gin's recovery outside it.
func harness(policy corsa.Config) (conformance.Server, error) {
	mw, err := corsagin.New(policy)
	if err != nil {
		return conformance.Server{}, err
	}
	r := gin.New()
	r.Use(gin.RecoveryWithWriter(io.Discard), mw)
	for _, rt := range conformance.Routes {
		for _, m := range rt.Methods {
			r.Handle(m, rt.Path, routeHandler(rt))
		}
	}
	return conformance.Server{Do: conformance.Recorder(r)}, nil
}

// routeHandler does what conformance.Route rt describes, with gin's own
// calls: errors end through c.AbortWithStatus.
func routeHandler(rt conformance.Route) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header(conformance.HandlerHeader, conformance.HandlerRan)
		switch {
		case rt.Panics:
			panic("corsagin: the " + rt.Path + " handler panics on purpose")
		case rt.Status != http.StatusOK:
			c.AbortWithStatus(rt.Status)
			return
		}
		if rt.SetTotalCount {
			c.Header(conformance.TotalCountHeader, conformance.TotalCount)
		}
		if rt.AddVary {
			c.Writer.Header().Add("Vary", conformance.HandlerVary)
		}
		c.String(http.StatusOK, rt.Body)
	}
}
