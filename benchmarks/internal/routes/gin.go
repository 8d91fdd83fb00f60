package routes

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa/conformance"
)

// Gin registers the standard routes on r. Errors end with
// c.AbortWithStatus, gin's way.
func Gin(r gin.IRoutes) {
	for _, rt := range conformance.Routes {
		for _, method := range rt.Methods {
			r.Handle(method, rt.Path, ginHandler(rt))
		}
	}
}

func ginHandler(rt conformance.Route) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header(conformance.HandlerHeader, conformance.HandlerRan)
		switch {
		case rt.Panics:
			panic(panicMessage(rt))
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

// panicMessage is what the handler of a panicking route panics with.
func panicMessage(rt conformance.Route) string {
	return "the " + rt.Path + " handler panics on purpose"
}
