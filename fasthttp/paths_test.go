package corsafasthttp_test

// The policies, requests, expectations and checks are shared by every
// adapter (conformance/adaptertest/paths.go); this file supplies the
// router, and the cases where fasthttp's two paths, as sent and as
// decoded, disagree.

import (
	"net/http"
	"testing"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafasthttp "github.com/corsa-go/corsa/fasthttp"
)

// pathsApp wraps a router whose routes are all inside the /api and /admin
// areas but /public and /apix, none with an OPTIONS handler, in mw.
func pathsApp(mw middleware) fasthttp.RequestHandler {
	return mw(routes(map[string]fasthttp.RequestHandler{
		"GET /api/items":       ok,
		"PUT /api/items":       ok,
		"DELETE /admin/users/": ok,
		"GET /public":          ok,
		"GET /apix":            ok,
	}))
}

func mustPaths(t *testing.T, m map[string]corsa.Config) *corsa.Paths {
	t.Helper()
	pp, err := corsa.NewPaths(m)
	if err != nil {
		t.Fatal(err)
	}
	return pp
}

func TestFromPathsAnswersPreflightsToRoutesInsideAreas(t *testing.T) {
	app := pathsApp(corsafasthttp.From(mustPaths(t, adaptertest.PathsPolicies())))
	t.Run("over TCP", func(t *testing.T) {
		adaptertest.RunPaths(t, adaptertest.PathsGroupCases(), mustDo(overTCP(t, app)))
	})
	t.Run("in memory", func(t *testing.T) {
		adaptertest.RunPaths(t, adaptertest.PathsGroupCases(), mustDo(inMemory(app)))
	})
}

func TestFromPathsFollowsReconfigure(t *testing.T) {
	adaptertest.CheckFromPathsFollowsReconfigure(t, corsafasthttp.From, func(mw middleware) func(*http.Request) *http.Response {
		return mustDo(inMemory(pathsApp(mw)))
	})
}

// ctx.Path() is the path decoded and normalized; routers read it or the
// path as sent (fasthttp/router does). A policy is served only when both
// pick it: otherwise a request could get one prefix's policy on a route
// of another.
func TestFromPathsRequiresThePathAsSentToAgree(t *testing.T) {
	app := pathsApp(corsafasthttp.From(mustPaths(t, map[string]corsa.Config{
		"/":      {Origins: []string{adaptertest.PathsEvil}},
		"/api":   {Origins: []string{adaptertest.PathsApp}, Credentials: true, Methods: []string{"PUT"}},
		"/admin": {Origins: []string{adaptertest.PathsAdmin}, Methods: []string{"DELETE"}},
	})))
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
	}, mustDo(inMemory(app)))
}

// fasthttp routers compare letter case exactly; corsa.Paths serves no CORS
// where the case would pick another policy.
func TestFromPathsComparesLetterCaseExactly(t *testing.T) {
	app := pathsApp(corsafasthttp.From(mustPaths(t, adaptertest.PathsPolicies())))
	grant := map[string]string{"Access-Control-Allow-Origin": adaptertest.PathsApp, "Access-Control-Allow-Credentials": "true", "Access-Control-Allow-Methods": "PUT"}
	adaptertest.RunPaths(t, []adaptertest.PathsCase{
		{Name: "an upper-case prefix is under no prefix",
			Req: adaptertest.PathsPreflight(adaptertest.PathsApp, "/API/items", "PUT")},
		{Name: "upper case after the prefix keeps the prefix's policy",
			Req:    adaptertest.PathsPreflight(adaptertest.PathsApp, "/api/Users", "PUT"),
			Status: 204, Want: grant, Vary: adaptertest.PathsVaryPreflight},
	}, mustDo(inMemory(app)))
}

// The documented behaviour of corsa installed twice: around the router and
// around the /api area's routes.
func TestInstalledTwiceTheInnerPolicyDecidesActualRequests(t *testing.T) {
	api := corsafasthttp.Must(adaptertest.TwiceInner())(routes(map[string]fasthttp.RequestHandler{
		"GET /api/items": ok,
		"PUT /api/items": ok,
	}))
	app := corsafasthttp.Must(adaptertest.TwiceOuter())(routes(map[string]fasthttp.RequestHandler{
		"GET /api/":   api,
		"PUT /api/":   api,
		"GET /public": ok,
	}))
	adaptertest.RunPaths(t, adaptertest.TwiceCases(), mustDo(inMemory(app)))
}
