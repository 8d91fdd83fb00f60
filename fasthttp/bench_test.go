package corsafasthttp_test

import (
	"net"
	"testing"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	"github.com/corsa-go/corsa/conformance/scenario"
	corsafasthttp "github.com/corsa-go/corsa/fasthttp"
)

// requestCtx returns a fasthttp context holding r, as fasthttp's server
// would hand it over, ready to be served again and again.
func requestCtx(r conformance.Request) *fasthttp.RequestCtx {
	var req fasthttp.Request
	req.Header.SetMethod(r.Method)
	req.SetRequestURI(r.Path)
	for _, h := range r.Header {
		req.Header.Add(h[0], h[1])
	}
	ctx := new(fasthttp.RequestCtx)
	ctx.Init(&req, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)}, nil)
	return ctx
}

// serveCtx serves ctx's request once more on h.
func serveCtx(h fasthttp.RequestHandler, ctx *fasthttp.RequestCtx) {
	ctx.Response.Reset()
	h(ctx)
}

// fasthttpSetup is adaptertest.HTTPSetup for a fasthttp handler: each
// scenario's request is served again and again from one context.
func fasthttpSetup(name string, cors bool, h fasthttp.RequestHandler) adaptertest.Setup {
	return adaptertest.Setup{Name: name, CORS: cors, Prepare: func(sc scenario.Scenario) func() int {
		ctx := requestCtx(sc.Request)
		return func() int {
			serveCtx(h, ctx)
			return ctx.Response.StatusCode()
		}
	}}
}

// benchHandler is the handler the scenarios are served by: it answers 200
// with a body, preflights included, as a server without CORS middleware
// would.
func benchHandler(ctx *fasthttp.RequestCtx) { ctx.SetBodyString("ok") }

// benchSetups are the same handler without and with corsa.
func benchSetups() (bare, withCorsa adaptertest.Setup) {
	return fasthttpSetup("bare", false, benchHandler),
		fasthttpSetup("corsa", true, corsafasthttp.Must(scenario.Policy())(benchHandler))
}

func BenchmarkMiddleware(b *testing.B) {
	bare, withCorsa := benchSetups()
	adaptertest.BenchmarkScenarios(b, bare, withCorsa)
}

func TestMiddlewareAddsNoAllocation(t *testing.T) {
	bare, withCorsa := benchSetups()
	adaptertest.CheckAllocsAdded(t, 0, bare, withCorsa)
}

// pathsBenchSetups serve one policy through a Policy and the same policy
// under "/" (plus two other prefixes) through Paths: the difference is the
// per-path lookup.
func pathsBenchSetups() (policy, paths adaptertest.Setup) {
	cfg := scenario.Policy()
	pp, err := corsa.NewPaths(map[string]corsa.Config{"/": cfg, "/api": cfg, "/admin": cfg})
	if err != nil {
		panic(err)
	}
	return fasthttpSetup("policy", true, corsafasthttp.Must(cfg)(benchHandler)),
		fasthttpSetup("paths", true, corsafasthttp.From(pp)(benchHandler))
}

func BenchmarkFromPaths(b *testing.B) {
	policy, paths := pathsBenchSetups()
	adaptertest.BenchmarkScenarios(b, policy, paths)
}

func TestFromPathsAddsNoAllocationToAPolicy(t *testing.T) {
	policy, paths := pathsBenchSetups()
	adaptertest.CheckAllocsAdded(t, 0, policy, paths)
}
