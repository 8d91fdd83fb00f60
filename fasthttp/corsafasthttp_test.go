package corsafasthttp_test

import (
	"net/http"
	"testing"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafasthttp "github.com/corsa-go/corsa/fasthttp"
)

// The harness serves in memory, with repeated header lines kept apart: it
// has no quirk, and the suite's megabyte-sized or control-byte hostile
// headers reach the middleware instead of being refused by fasthttp's
// parser before it. What that parser does is parity_test.go's subject.
func TestConformance(t *testing.T) {
	conformance.Run(t, adapter(inMemory).Harness(t))
}

func TestMiddleware(t *testing.T) {
	t.Run("over TCP", func(t *testing.T) { adapter(overTCP).Run(t) })
	t.Run("in memory", func(t *testing.T) { adapter(inMemory).Run(t) })
}

// fasthttp's own ways to end a request with an error reset the response;
// corsa writes its headers again after the handler returns, as they are
// on net/http, whose http.Error keeps them (SPEC.md §3).
func TestHeadersSurviveAResetResponse(t *testing.T) {
	anyOrigin := corsa.Config{Origins: []string{"*"}, ExposedHeaders: []string{"X-Total-Count"}}
	anyGrant := conformance.Want{Status: http.StatusNotFound, HandlerRan: true,
		Headers: map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "X-Total-Count"}}
	tests := []struct {
		name    string
		cfg     corsa.Config
		origin  string
		handler fasthttp.RequestHandler
		want    conformance.Want
	}{
		{"ctx.NotFound keeps the grant", adaptertest.Policy(), conformance.AppOrigin,
			func(ctx *fasthttp.RequestCtx) { ctx.NotFound() }, adaptertest.AllowedActualWith(http.StatusNotFound, true)},
		{"ctx.Error keeps the grant", adaptertest.Policy(), conformance.AppOrigin,
			func(ctx *fasthttp.RequestCtx) { ctx.Error("unavailable", http.StatusServiceUnavailable) },
			adaptertest.AllowedActualWith(http.StatusServiceUnavailable, true)},
		{"Response.Reset keeps the grant", adaptertest.Policy(), conformance.AppOrigin,
			func(ctx *fasthttp.RequestCtx) { ctx.Response.Reset(); ctx.SetStatusCode(http.StatusNotFound) },
			adaptertest.AllowedActualWith(http.StatusNotFound, true)},
		{"ctx.Error keeps Vary on a refusal", adaptertest.Policy(), conformance.OtherOrigin,
			func(ctx *fasthttp.RequestCtx) { ctx.NotFound() },
			func() conformance.Want { w := adaptertest.RefusedActual(); w.Status = http.StatusNotFound; return w }()},
		{"ctx.Error keeps an any-origin grant", anyOrigin, conformance.AppOrigin,
			func(ctx *fasthttp.RequestCtx) { ctx.NotFound() }, anyGrant},
		{"ctx.Error keeps an any-origin grant on a request without Origin", anyOrigin, "",
			func(ctx *fasthttp.RequestCtx) { ctx.NotFound() }, anyGrant},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := func(ctx *fasthttp.RequestCtx) {
				tt.handler(ctx)
				ctx.Response.Header.Set(conformance.HandlerHeader, conformance.HandlerRan)
			}
			do := inMemory(t, corsafasthttp.Must(tt.cfg)(h))
			adaptertest.Expect(t, do, adaptertest.Actual(http.MethodGet, tt.origin, "/items"), tt.want)
		})
	}
}

func TestMiddlewarePanicsOnANilHandler(t *testing.T) {
	defer func() {
		if got := recover(); got != "corsafasthttp.From: nil fasthttp.RequestHandler" {
			t.Errorf("panic %v, want corsafasthttp.From's message about the nil handler", got)
		}
	}()
	corsafasthttp.Must(adaptertest.Policy())(nil)
}
