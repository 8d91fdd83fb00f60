package frameworks

import (
	"net/http"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa"
	corsafasthttp "github.com/corsa-go/corsa/fasthttp"
)

// fastMiddleware is a fasthttp middleware, the shape of corsafasthttp's.
type fastMiddleware = func(fasthttp.RequestHandler) fasthttp.RequestHandler

// fastHTTPSetups set up a fasthttp handler with no framework: a switch on the path
// and the method (fastRouter), inside its middleware. fasthttp has no
// usual CORS middleware, and rs/cors would need a net/http adaptor.
var fastHTTPSetups = setups[fastMiddleware]{
	recover: func() fastMiddleware { return recoverFast },
	corsa:   func(src corsa.Source) fastMiddleware { return corsafasthttp.From(src) },
	floor: func(next fasthttp.RequestHandler) fasthttp.RequestHandler {
		return func(ctx *fasthttp.RequestCtx) {
			_ = floorServe(ctx, func() error {
				next(ctx)
				return nil
			})
		}
	},
	app: func(mws []fastMiddleware, rs Routes) *App {
		r := fastRouter{}
		rs.each(func(method string, rt Route) {
			h := rs.fastHandler(rt)
			if r[rt.Path] == nil {
				r[rt.Path] = map[string]fasthttp.RequestHandler{}
			}
			r[rt.Path][method] = func(ctx *fasthttp.RequestCtx) {
				if s := h(ctx); s != 0 {
					fastError(ctx, s)
				}
			}
		})
		h := r.serve
		for i := len(mws) - 1; i >= 0; i-- {
			h = mws[i](h)
		}
		return fastApp(h)
	},
}

// fastRouter routes by exact path, then by method ("" for every method),
// as a fasthttp application without a router package does: 404 for a path
// it does not serve, 405 for a method the path does not serve.
type fastRouter map[string]map[string]fasthttp.RequestHandler

func (r fastRouter) serve(ctx *fasthttp.RequestCtx) {
	methods, ok := r[string(ctx.Path())]
	if !ok {
		fastError(ctx, http.StatusNotFound)
		return
	}
	h, ok := methods[string(ctx.Method())]
	if !ok {
		h, ok = methods[""]
	}
	if !ok {
		fastError(ctx, http.StatusMethodNotAllowed)
		return
	}
	h(ctx)
}

// fastError answers status with its text. ctx.Error would too, but it
// first resets the whole response, the CORS headers with it, which would
// hide from the browser why the request failed.
func fastError(ctx *fasthttp.RequestCtx, status int) {
	ctx.SetStatusCode(status)
	ctx.SetBodyString(http.StatusText(status))
}

// recoverFast turns a panic in next into a 500, keeping the headers already
// set, as conformance.Recover does on net/http: fasthttp has no recovery
// of its own.
func recoverFast(next fasthttp.RequestHandler) fasthttp.RequestHandler {
	return func(ctx *fasthttp.RequestCtx) {
		defer func() {
			if v := recover(); v != nil {
				fastError(ctx, http.StatusInternalServerError)
			}
		}()
		next(ctx)
	}
}
