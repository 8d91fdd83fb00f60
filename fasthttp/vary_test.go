package corsafasthttp_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafasthttp "github.com/corsa-go/corsa/fasthttp"
)

// setVary is middleware that replaces the response's Vary with value, then
// calls next.
func setVary(value string) func(fasthttp.RequestHandler) fasthttp.RequestHandler {
	return func(next fasthttp.RequestHandler) fasthttp.RequestHandler {
		return func(ctx *fasthttp.RequestCtx) {
			ctx.Response.Header.Set("Vary", value)
			next(ctx)
		}
	}
}

// What happens to "Vary: Origin" (SPEC.md §3) when code that runs after
// corsa sets Vary instead of adding to it: fasthttp sends nothing before
// the handler returns, so corsa puts Origin back whatever the handler
// wrote, unless the code runs after corsa returns.
func TestVaryWhenDownstreamCodeSetsIt(t *testing.T) {
	const origin = adaptertest.VaryOrigin
	listed, anyOrigin := adaptertest.VaryListed(), adaptertest.VaryAny()
	type wrap = func(fasthttp.RequestHandler) fasthttp.RequestHandler
	tests := []struct {
		name    string
		cfg     corsa.Config
		origin  string
		outside wrap // installed outside corsa
		inside  wrap // installed inside corsa
		handler fasthttp.RequestHandler
		want    []string
	}{
		{"a handler that sets Vary and writes a body gets Origin back",
			listed, origin, nil, nil, func(ctx *fasthttp.RequestCtx) { ctx.Response.Header.Set("Vary", "Accept-Encoding"); ok(ctx) },
			[]string{"Accept-Encoding", "Origin"}},
		{"a handler that deletes Vary gets Origin back",
			listed, origin, nil, nil, func(ctx *fasthttp.RequestCtx) { ctx.Response.Header.Del("Vary"); ok(ctx) },
			[]string{"Origin"}},
		{"a handler that ends in ctx.Error gets Origin back",
			listed, origin, nil, nil, func(ctx *fasthttp.RequestCtx) { ctx.Error("unavailable", http.StatusServiceUnavailable) },
			[]string{"Origin"}},
		{"a handler that ends in ctx.Error and sets Vary gets Origin back after it",
			listed, origin, nil, nil, func(ctx *fasthttp.RequestCtx) {
				ctx.Error("unavailable", http.StatusServiceUnavailable)
				ctx.Response.Header.Set("Vary", "Accept-Encoding")
			},
			[]string{"Accept-Encoding", "Origin"}},
		{"middleware inside corsa that sets Vary gets Origin back",
			listed, origin, nil, setVary("Accept-Encoding"), ok, []string{"Accept-Encoding", "Origin"}},
		{"a request without Origin whose handler sets Vary gets Origin back",
			listed, "", nil, setVary("Accept-Encoding"), ok, []string{"Accept-Encoding", "Origin"}},
		{"a Vary set to a list naming Origin gets no second Origin",
			listed, origin, nil, setVary("Accept-Encoding, origin"), ok, []string{"Accept-Encoding, origin"}},
		{"a Vary set to * gets no Origin, which it covers",
			listed, origin, nil, setVary("*"), ok, []string{"*"}},
		{"an any-origin answer, which does not vary, gets no Origin",
			anyOrigin, origin, nil, setVary("Accept-Encoding"), ok, []string{"Accept-Encoding"}},
		{"an any-origin answer to a request without Origin, constant too, gets no Origin",
			anyOrigin, "", nil, setVary("Accept-Encoding"), ok, []string{"Accept-Encoding"}},
		{"a handler that adds Vary keeps Origin on its own line",
			listed, origin, nil, nil, func(ctx *fasthttp.RequestCtx) { ctx.Response.Header.Add("Vary", "Accept-Encoding"); ok(ctx) },
			[]string{"Origin", "Accept-Encoding"}},
		{"middleware outside corsa that sets Vary before calling it keeps Origin",
			listed, origin, setVary("Accept-Encoding"), nil, ok, []string{"Accept-Encoding", "Origin"}},
		{"middleware outside corsa that sets Vary after it returns wipes Origin, which corsa cannot restore",
			listed, origin, func(next fasthttp.RequestHandler) fasthttp.RequestHandler {
				return func(ctx *fasthttp.RequestCtx) {
					next(ctx)
					ctx.Response.Header.Set("Vary", "Accept-Encoding")
				}
			}, nil, ok, []string{"Accept-Encoding"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := tt.handler
			if tt.inside != nil {
				h = tt.inside(h)
			}
			h = corsafasthttp.Must(tt.cfg)(h)
			if tt.outside != nil {
				h = tt.outside(h)
			}
			adaptertest.CheckVary(t, inMemory(t, h), tt.cfg, tt.origin, tt.want)
		})
	}
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

// A preflight's Vary goes on a response that may already have one,
// without replacing it.
func TestPreflightVaryIsAddedToAnEarlierOne(t *testing.T) {
	h := setVary("Accept-Language")(corsafasthttp.Must(adaptertest.Policy())(ok))
	want := adaptertest.AllowedPreflight()
	want.Vary = append([]string{"Accept-Language"}, want.Vary...)
	adaptertest.Expect(t, inMemory(t, h), adaptertest.Preflight(conformance.AppOrigin, "/items", "PUT", "content-type"), want)
}

// Restoring Vary reuses fasthttp's header storage: it adds no allocation
// over the same handler without corsa, after a replaced Vary and after a
// reset response.
func TestRestoringHeadersAddsNoAllocation(t *testing.T) {
	if adaptertest.RaceEnabled {
		t.Skip("the race detector allocates")
	}
	req := conformance.Request{Method: http.MethodGet, Path: "/items", Header: [][2]string{{"Origin", conformance.AppOrigin}}}
	for _, tt := range []struct {
		name    string
		handler fasthttp.RequestHandler
		vary    []string
	}{
		{"after a handler that sets Vary", func(ctx *fasthttp.RequestCtx) {
			ctx.Response.Header.Set("Vary", "Accept-Encoding")
			ok(ctx)
		}, []string{"Accept-Encoding", "Origin"}},
		{"after ctx.Error", func(ctx *fasthttp.RequestCtx) { ctx.Error("unavailable", http.StatusServiceUnavailable) }, []string{"Origin"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var allocs [2]float64
			for i, h := range []fasthttp.RequestHandler{tt.handler, corsafasthttp.Must(adaptertest.Policy())(tt.handler)} {
				ctx := requestCtx(req)
				allocs[i] = testing.AllocsPerRun(100, func() { serveCtx(h, ctx) })
				if i == 1 {
					var got []string
					for _, v := range ctx.Response.Header.PeekAll("Vary") {
						got = append(got, string(v))
					}
					if !slices.Equal(got, tt.vary) {
						t.Fatalf("Vary lines %q, want %q", got, tt.vary)
					}
					if got := string(ctx.Response.Header.Peek("Access-Control-Allow-Origin")); got != conformance.AppOrigin {
						t.Fatalf("Access-Control-Allow-Origin %q, want %q", got, conformance.AppOrigin)
					}
				}
			}
			if allocs[1] > allocs[0] {
				t.Errorf("corsa adds %.0f allocations (bare %.0f), want none", allocs[1]-allocs[0], allocs[0])
			}
		})
	}
}
