package frameworks

import (
	"io"
	"net/http"
	"slices"
	"time"

	gincors "github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
	"github.com/rs/cors"

	corsagin "github.com/corsa-go/corsa/gin"
)

func init() {
	// Debug mode prints every route registration, once per app built.
	gin.SetMode(gin.ReleaseMode)
}

// ginSetups set up a gin engine with its middleware installed with Use.
var ginSetups = setups[gin.HandlerFunc]{
	recover: func() gin.HandlerFunc { return gin.RecoveryWithWriter(io.Discard) },
	corsa:   corsagin.From,
	builtin: ginContribCors,
	rsCors:  rsCorsGin,
	floor:   floorGin,
	app: func(mws []gin.HandlerFunc, rs Routes) *App {
		e := gin.New()
		e.Use(mws...)
		rs.each(func(method string, rt Route) {
			if method == "" {
				e.Any(rt.Path, ginHandler(rs, rt))
			} else {
				e.Handle(method, rt.Path, ginHandler(rs, rt))
			}
		})
		return httpApp(e)
	},
}

func ginHandler(rs Routes, rt Route) gin.HandlerFunc {
	switch {
	case rt.standard != nil:
		return func(c *gin.Context) {
			h := c.Writer.Header()
			_ = rt.standard.Serve(h.Set, h.Add, func(status int) error { c.AbortWithStatus(status); return nil },
				func(body string) error { c.String(http.StatusOK, body); return nil })
		}
	case rs.ran != nil:
		return func(c *gin.Context) {
			*rs.ran = true
			c.Status(http.StatusOK)
		}
	}
	return gin.WrapH(rs.http)
}

// rsCorsGin installs rs/cors on gin the way its gin wrapper
// (github.com/rs/cors/wrapper/gin, a module of its own that only adds
// this) does: HandlerFunc writes the headers, and a preflight stops the
// chain.
func rsCorsGin(c *cors.Cors) gin.HandlerFunc {
	return func(ctx *gin.Context) {
		c.HandlerFunc(ctx.Writer, ctx.Request)
		if ctx.Request.Method == http.MethodOptions && ctx.GetHeader("Access-Control-Request-Method") != "" {
			ctx.AbortWithStatus(http.StatusNoContent)
		}
	}
}

// ginContribCors maps c onto gin-contrib/cors: subdomain and port patterns
// need AllowWildcard; MaxAge is a time.Duration, and 0 cannot be sent; it
// accepts only http:// and https:// origins, so not "null".
func ginContribCors(c CORS) (gin.HandlerFunc, error) {
	const library = "gin-contrib/cors"
	policy := c.Policy
	switch {
	case policy.MaxAge != nil && *policy.MaxAge == 0:
		return nil, cannotExpress(library, "cannot send Access-Control-Max-Age: 0")
	case slices.Contains(policy.Origins, "null"):
		return nil, cannotExpress(library, "cannot allow the \"null\" origin")
	case c.Readme:
		// Its README: start from DefaultConfig and set AllowOrigins.
		cfg := gincors.DefaultConfig()
		cfg.AllowOrigins = policy.Origins
		return refusal(func() gin.HandlerFunc { return gincors.New(cfg) })
	}
	cfg := gincors.Config{
		AllowOrigins:              policy.Origins,
		AllowWildcard:             hasPattern(policy.Origins),
		AllowMethods:              policy.Methods,
		AllowHeaders:              policy.RequestHeaders,
		ExposeHeaders:             policy.ExposedHeaders,
		AllowCredentials:          policy.Credentials,
		AllowPrivateNetwork:       policy.PrivateNetwork,
		OptionsResponseStatusCode: policy.PreflightStatus,
	}
	if policy.MaxAge != nil {
		cfg.MaxAge = time.Duration(*policy.MaxAge) * time.Second
	}
	if len(policy.Origins) == 0 {
		cfg.AllowOriginFunc = refuseOrigin
	}
	return refusal(func() gin.HandlerFunc { return gincors.New(cfg) })
}

// floorGin is the floor (see floorWrite) on gin.
func floorGin(c *gin.Context) {
	if status := floorWrite(c.Writer.Header(), c.Request); status != 0 {
		c.AbortWithStatus(status)
		return
	}
	c.Next()
	if !c.Writer.Written() {
		floorRestoreVary(c.Writer.Header())
	}
}
