package corsafasthttp_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafasthttp "github.com/corsa-go/corsa/fasthttp"
	"github.com/corsa-go/corsa/internal/view"
)

// No hook ever sees fasthttp's buffers: an OriginFunc caching what it
// approved, and an OnDecision keeping every event, hold the strings they
// got, while attackers' requests are parsed into the same buffers over
// the same keep-alive connections.
func TestHooksKeepTheirStrings(t *testing.T) {
	adaptertest.CheckHooksKeepTheirStrings(t, func(cfg corsa.Config) string {
		return listen(t, corsafasthttp.Must(cfg)(ok), nil)
	})
}

// The check above can fail: a middleware handing its hooks views of the
// request, as corsa's would without its copies, grants attackers' origins
// with credentials, and the strings the hooks kept change.
func TestHookCheckCatchesViewsOfTheRequest(t *testing.T) {
	problems := adaptertest.HookProblems(func(cfg corsa.Config) string {
		return listen(t, viewingMiddleware(cfg), nil)
	})
	found := func(kind string) bool {
		return slices.ContainsFunc(problems, func(p string) bool { return strings.HasPrefix(p, kind) })
	}
	if !found(adaptertest.HookAttackGranted) || !found(adaptertest.HookCacheChanged) || !found(adaptertest.HookPathTwice) {
		t.Errorf("the check found %q: want an attacker granted, a changed cache and paths changed in events", problems)
	}
}

// viewingMiddleware is a middleware that hands cfg's hooks views of
// fasthttp's buffers instead of copies: what corsa must never do.
func viewingMiddleware(cfg corsa.Config) fasthttp.RequestHandler {
	return func(ctx *fasthttp.RequestCtx) {
		in := &ctx.Request.Header
		origin := view.String(in.Peek("Origin"))
		ev := corsa.DecisionEvent{Request: corsa.Request{Method: view.String(ctx.Method()), Path: view.String(ctx.Path()), Origin: origin}}
		if acrh := in.Peek("Access-Control-Request-Headers"); acrh != nil {
			ev.RefusedHeader = view.String(acrh)
		} else if cfg.OriginFunc(origin) {
			ctx.Response.Header.Set("Access-Control-Allow-Origin", origin)
			ctx.Response.Header.Set("Access-Control-Allow-Credentials", "true")
		}
		cfg.OnDecision(ev)
	}
}
