package main

import (
	"log"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/internal/routes"
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
	routes.Gin(r)
	return r
}
