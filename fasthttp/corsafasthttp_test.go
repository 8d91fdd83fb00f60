package corsafasthttp_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafasthttp "github.com/corsa-go/corsa/fasthttp"
)

// newApp is the app adaptertest.AppCases describes: panic recovery
// outside the CORS middleware, then a router with a group of routes under
// /api/, an OPTIONS route, and routes ending in errors the fasthttp way.
func newApp(cors middleware) fasthttp.RequestHandler {
	return recoverer(cors(routes(map[string]fasthttp.RequestHandler{
		"GET " + adaptertest.AppItems:       markRan,
		"OPTIONS " + adaptertest.AppOptions: markRan,
		"GET /api/":                         routes(map[string]fasthttp.RequestHandler{"GET " + adaptertest.AppGroup: markRan}),
		"GET " + adaptertest.AppMissing: func(ctx *fasthttp.RequestCtx) {
			markRan(ctx)
			ctx.NotFound()
			ctx.Response.Header.Set(conformance.HandlerHeader, conformance.HandlerRan)
		},
		"GET " + adaptertest.AppFailing: func(ctx *fasthttp.RequestCtx) {
			ctx.Error(errors.New("database unreachable").Error(), http.StatusInternalServerError)
			ctx.Response.Header.Set(conformance.HandlerHeader, conformance.HandlerRan)
		},
		"GET " + adaptertest.AppPanicking: func(ctx *fasthttp.RequestCtx) {
			markRan(ctx)
			panic("boom")
		},
	})))
}

func TestMiddleware(t *testing.T) {
	app := newApp(corsafasthttp.Must(adaptertest.Policy()))
	t.Run("over TCP", func(t *testing.T) {
		adaptertest.RunAppCases(t, overTCP(t, app), adaptertest.AppCases())
	})
	t.Run("in memory", func(t *testing.T) {
		adaptertest.RunAppCases(t, inMemory(app), adaptertest.AppCases())
	})
}

func TestMiddlewareWritesResponseHeaders(t *testing.T) {
	t.Run("a preflight answered with status 200 has no body", func(t *testing.T) {
		cfg := adaptertest.Policy()
		cfg.PreflightStatus = http.StatusOK
		want := adaptertest.AllowedPreflight()
		want.Status = http.StatusOK
		delete(want.Headers, "Access-Control-Allow-Headers") // the preflight lists none
		do := inMemory(newApp(corsafasthttp.Must(cfg)))
		if body := adaptertest.Expect(t, do, adaptertest.Preflight(conformance.AppOrigin, adaptertest.AppItems, "PUT"), want); body != "" {
			t.Errorf("body %q, want none", body)
		}
	})
	t.Run("a handler's own Access-Control-Allow-Origin replaces the middleware's", func(t *testing.T) {
		own := func(ctx *fasthttp.RequestCtx) { ctx.Response.Header.Set("Access-Control-Allow-Origin", "*") }
		resp, err := inMemory(corsafasthttp.Must(adaptertest.Policy())(own))(adaptertest.Actual(http.MethodGet, conformance.AppOrigin, "/own").HTTP())
		if err != nil {
			t.Fatal(err)
		}
		if got := resp.Header.Values("Access-Control-Allow-Origin"); len(got) != 1 || got[0] != "*" {
			t.Errorf("Access-Control-Allow-Origin %q, want the handler's %q", got, "*")
		}
	})
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
			do := inMemory(corsafasthttp.Must(tt.cfg)(h))
			adaptertest.Expect(t, do, adaptertest.Actual(http.MethodGet, tt.origin, "/items"), tt.want)
		})
	}
}

func TestFromServesOnePolicyOnTwoServers(t *testing.T) {
	p, err := corsa.New(adaptertest.Policy())
	if err != nil {
		t.Fatal(err)
	}
	public := newApp(corsafasthttp.From(p))
	admin := corsafasthttp.From(p)(routes(map[string]fasthttp.RequestHandler{"GET /settings": markRan}))
	for name, tt := range map[string]struct {
		app  fasthttp.RequestHandler
		path string
	}{
		"the first server answers with the policy":  {public, "/items"},
		"the second server answers with the policy": {admin, "/settings"},
	} {
		t.Run(name, func(t *testing.T) {
			adaptertest.Expect(t, inMemory(tt.app), adaptertest.Actual(http.MethodGet, conformance.AppOrigin, tt.path), adaptertest.AllowedActual())
		})
	}
}

func TestFromMiddlewareFollowsReconfigure(t *testing.T) {
	adaptertest.CheckFollowsReconfigure(t, corsafasthttp.From, func(mw middleware) func(*http.Request) (*http.Response, error) {
		return inMemory(newApp(mw))
	})
}

func TestNewRefusesAnInvalidConfig(t *testing.T) {
	adaptertest.CheckRefusesInvalidConfig(t, corsafasthttp.New, corsafasthttp.Must)
}

func TestFromRefusesNil(t *testing.T) {
	adaptertest.CheckFromRefusesNil(t, "corsafasthttp.From", corsafasthttp.From)
	t.Run("the middleware panics on a nil handler", func(t *testing.T) {
		defer func() {
			if got := recover(); got != "corsafasthttp.From: nil fasthttp.RequestHandler" {
				t.Errorf("panic %v, want corsafasthttp.From's message about the nil handler", got)
			}
		}()
		corsafasthttp.Must(adaptertest.Policy())(nil)
	})
}
