package suite

import (
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/scenario"
	"net/http"
	"slices"
	"time"

	ginCors "github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"

	corsagin "github.com/corsa-go/corsa/gin"
)

func ginEngine() Framework {
	build := func(mw func() (gin.HandlerFunc, error)) func(scenario.Scenario) (target, error) {
		return func(s scenario.Scenario) (target, error) {
			gin.SetMode(gin.ReleaseMode)
			ran := new(bool)
			r := gin.New()
			if mw != nil {
				m, err := mw()
				if err != nil {
					return nil, err
				}
				r.Use(m)
			}
			r.Any(scenario.Path, func(c *gin.Context) {
				*ran = true
				c.Status(http.StatusOK)
			})
			return newHTTPTarget(r, s, ran), nil
		}
	}
	return Framework{Name: "Gin", Key: "gin", Impls: []Impl{
		{Name: "bare", Kind: Bare, build: build(nil)},
		{Name: "corsa", Kind: Corsa, build: build(func() (gin.HandlerFunc, error) { return corsagin.New(scenario.Policy()) })},
		{Name: "gin-contrib-cors", Kind: Builtin, build: build(ginContribCors)},
		{Name: "rs-cors", Kind: RSCors, build: build(rsCorsGin)},
		{Name: "floor", Kind: Floor, build: build(floorGin)},
	}}
}

func ginContribCors() (gin.HandlerFunc, error) {
	return ginCors.New(ginCors.Config{
		AllowOrigins:     []string{conformance.AppOrigin},
		AllowMethods:     slices.Clone(scenario.Methods),
		AllowHeaders:     slices.Clone(scenario.RequestHeaders),
		ExposeHeaders:    []string{scenario.ExposedHeader},
		AllowCredentials: true,
		MaxAge:           scenario.MaxAgeSeconds * time.Second,
	}), nil
}

// rsCorsGin installs rs/cors on gin the way its gin wrapper
// (github.com/rs/cors/wrapper/gin) does: HandlerFunc writes the headers,
// and a preflight stops the chain. The wrapper is a module of its own that
// only adds this.
func rsCorsGin() (gin.HandlerFunc, error) {
	c := rsCors()
	return func(ctx *gin.Context) {
		c.HandlerFunc(ctx.Writer, ctx.Request)
		if ctx.Request.Method == http.MethodOptions && ctx.GetHeader("Access-Control-Request-Method") != "" {
			ctx.AbortWithStatus(http.StatusNoContent)
		}
	}, nil
}

// floorGin is the floor (see floorWrite) on gin's response headers.
func floorGin() (gin.HandlerFunc, error) {
	return func(c *gin.Context) {
		if status := floorWrite(c.Writer.Header(), c.Request); status != 0 {
			c.AbortWithStatus(status)
			return
		}
		c.Next()
		if !c.Writer.Written() {
			floorRestoreVary(c.Writer.Header())
		}
	}, nil
}
