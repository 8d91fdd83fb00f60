package main

import (
	"log"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa/conformance"
	corsa "github.com/corsa-go/corsa/core"
	corsagin "github.com/corsa-go/corsa/gin"
)

// ginHandler is a gin engine with gin's Recovery, then corsagin, as global
// middleware.
func ginHandler(m *corsa.Middleware, logger *log.Logger) http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.Use(gin.Recovery())
	if m != nil {
		r.Use(func(c *gin.Context) {
			req := corsa.RequestFromHTTP(c.Request)
			logIfRefused(m.Policy(), &req, c.Request.URL.Path, logger)
		}, corsagin.FromMiddleware(m))
	}
	for _, rt := range conformance.Routes {
		for _, method := range rt.Methods {
			r.Handle(method, rt.Path, ginRoute(rt))
		}
	}
	return r
}

// ginRoute does what rt describes with gin's own calls.
func ginRoute(rt conformance.Route) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header(conformance.HandlerHeader, conformance.HandlerRan)
		switch {
		case rt.Panics:
			panic("corsa-serve: the " + rt.Path + " handler panics on purpose")
		case rt.Status != http.StatusOK:
			c.AbortWithStatus(rt.Status)
			return
		}
		if rt.SetTotalCount {
			c.Header(conformance.TotalCountHeader, conformance.TotalCount)
		}
		if rt.AddVary {
			c.Writer.Header().Add(corsa.HeaderVary, conformance.HandlerVary)
		}
		c.String(http.StatusOK, rt.Body)
	}
}
