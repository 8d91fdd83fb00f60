package corsafasthttp_test

// The per-path cases only fasthttp has: its two paths, as sent and as
// decoded, may disagree, and its routers compare letter case exactly.

import (
	"net/http"
	"testing"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafasthttp "github.com/corsa-go/corsa/fasthttp"
)

// ctx.Path() is the path decoded and normalized; routers read it or the
// path as sent (fasthttp/router does). A policy is served only when both
// pick it: otherwise a request could get one prefix's policy on a route
// of another.
func TestFromPathsRequiresThePathAsSentToAgree(t *testing.T) {
	pp, err := corsa.NewPaths(map[string]corsa.Config{
		"/":      {Origins: []string{adaptertest.PathsEvil}},
		"/api":   {Origins: []string{adaptertest.PathsApp}, Credentials: true, Methods: []string{"PUT"}},
		"/admin": {Origins: []string{adaptertest.PathsAdmin}, Methods: []string{"DELETE"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	apiGrant := map[string]string{"Access-Control-Allow-Origin": adaptertest.PathsApp, "Access-Control-Allow-Credentials": "true"}
	origin := func(method, target, origin string) *http.Request {
		return adaptertest.PathsRequest(method, target, "Origin", origin)
	}
	adaptertest.RunPaths(t, []adaptertest.PathsCase{
		{Name: "an encoded letter inside a segment picks the same policy both ways, which is served",
			Req: origin(http.MethodGet, "/api/%69tems", adaptertest.PathsApp), Status: 200, Want: apiGrant, Vary: []string{"Origin"}},
		{Name: "an encoded letter in the prefix picks the fallback as sent and /admin decoded: no CORS",
			Req: origin(http.MethodDelete, "/%61dmin/users/7", adaptertest.PathsEvil)},
		{Name: "an encoded slash and dot segments leading to /api from /admin: no CORS",
			Req: origin(http.MethodGet, "/admin/x%2F..%2F..%2Fapi/items", adaptertest.PathsApp)},
		{Name: "dot segments leading to /api from /admin: no CORS",
			Req: origin(http.MethodGet, "/admin/../api/items", adaptertest.PathsApp)},
		{Name: "an empty segment, gone from the decoded path: no CORS",
			Req: origin(http.MethodGet, "//api/items", adaptertest.PathsApp)},
	}, adapter(inMemory).Serve(t, adaptertest.GroupedApp(corsafasthttp.From(pp))))
}

// fasthttp routers compare letter case exactly; corsa.Paths serves no CORS
// where the case would pick another policy.
func TestFromPathsComparesLetterCaseExactly(t *testing.T) {
	pp, err := corsa.NewPaths(adaptertest.PathsPolicies())
	if err != nil {
		t.Fatal(err)
	}
	adaptertest.RunPaths(t, adaptertest.LetterCaseCases(false), adapter(inMemory).Serve(t, adaptertest.GroupedApp(corsafasthttp.From(pp))))
}

// A framework that routes on the path as sent hands Serve that path; the
// decoded path must then pick the same policy, as the path as sent must
// when Serve gets the decoded one.
func TestServeGivenThePathAsSentChecksTheDecodedOne(t *testing.T) {
	pp, err := corsa.NewPaths(map[string]corsa.Config{
		"/":      {Origins: []string{adaptertest.PathsEvil}},
		"/api":   {Origins: []string{adaptertest.PathsApp}},
		"/admin": {Origins: []string{adaptertest.PathsAdmin}},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, target, origin, grant string
	}{
		{"an encoded letter in the prefix, /admin decoded and the fallback as sent, gets no CORS", "/%61dmin/users/7", adaptertest.PathsEvil, ""},
		{"an encoded letter inside a segment picks /api both ways and is served", "/api/%69tems", adaptertest.PathsApp, adaptertest.PathsApp},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ctx fasthttp.RequestCtx
			ctx.Request.SetRequestURI(tc.target)
			ctx.Request.Header.Set("Origin", tc.origin)
			ran := false
			err := corsafasthttp.Serve(pp, &ctx, string(ctx.URI().PathOriginal()), func() error { ran = true; return nil })
			if err != nil || !ran {
				t.Fatalf("Serve: %v, handler ran: %v", err, ran)
			}
			if got := string(ctx.Response.Header.Peek("Access-Control-Allow-Origin")); got != tc.grant {
				t.Errorf("Access-Control-Allow-Origin %q, want %q", got, tc.grant)
			}
		})
	}
}
