package corsafasthttp_test

import (
	"net/http"
	"testing"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	corsafasthttp "github.com/corsa-go/corsa/fasthttp"
)

// harness serves a policy the way fasthttp users install it: around the
// router, with panic recovery outside it. Requests are handed to the
// handler in memory (inMemory), with repeated header lines kept apart: the
// harness has no quirk, and the suite's megabyte-sized or control-byte
// hostile headers reach the middleware instead of being refused by
// fasthttp's parser before it. What that parser does is parity_test.go's
// subject.
func harness(cfg corsa.Config) (conformance.Server, error) {
	cors, err := corsafasthttp.New(cfg)
	if err != nil {
		return conformance.Server{}, err
	}
	table := map[string]fasthttp.RequestHandler{}
	for _, rt := range conformance.Routes {
		for _, m := range rt.Methods {
			table[m+" "+rt.Path] = routeHandler(rt)
		}
	}
	return conformance.Server{Do: inMemory(recoverer(cors(routes(table))))}, nil
}

// routeHandler is the handler Route describes, with fasthttp's calls: it
// ends in 404 and 500 through ctx.Error, fasthttp's error path.
func routeHandler(rt conformance.Route) fasthttp.RequestHandler {
	return func(ctx *fasthttp.RequestCtx) {
		ctx.Response.Header.Set(conformance.HandlerHeader, conformance.HandlerRan)
		switch {
		case rt.Panics:
			panic("the " + rt.Path + " handler panics on purpose")
		case rt.Status != http.StatusOK:
			ctx.Error(http.StatusText(rt.Status), rt.Status)
			ctx.Response.Header.Set(conformance.HandlerHeader, conformance.HandlerRan)
			return
		}
		if rt.SetTotalCount {
			ctx.Response.Header.Set(conformance.TotalCountHeader, conformance.TotalCount)
		}
		if rt.AddVary {
			ctx.Response.Header.Add("Vary", conformance.HandlerVary)
		}
		ctx.SetBodyString(rt.Body)
	}
}

func TestConformance(t *testing.T) {
	conformance.Run(t, harness)
}
