package adaptertest

// The per-path checks: the policies, the apps, the requests and their
// exact expected headers, and the check.

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
)

// The origins of the per-path tests: PathsApp may use the /api area,
// PathsAdmin the /admin area, PathsEvil nothing.
const (
	PathsApp   = conformance.AppOrigin
	PathsAdmin = conformance.OtherOrigin
	PathsEvil  = conformance.EvilOrigin
)

// PathsPolicies are the per-path policies every adapter's per-path tests
// install: a credentialed API and an admin area for another origin, and
// nothing for other paths.
func PathsPolicies() map[string]corsa.Config {
	return map[string]corsa.Config{
		"/api":   {Origins: []string{PathsApp}, Credentials: true, Methods: []string{"PUT"}},
		"/admin": {Origins: []string{PathsAdmin}, Methods: []string{"DELETE"}},
	}
}

// The headers SPEC.md §2 and §3 prescribe for PathsPolicies.
var (
	// PathsVaryPreflight is the Vary of every preflight PathsPolicies answer.
	PathsVaryPreflight = []string{"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"}
	pathsVaryOrigin    = []string{"Origin"}
	pathsCORSHeaders   = []string{
		"Access-Control-Allow-Origin", "Access-Control-Allow-Credentials",
		"Access-Control-Allow-Methods", "Access-Control-Allow-Headers",
		"Access-Control-Expose-Headers", "Access-Control-Max-Age",
		"Access-Control-Allow-Private-Network",
	}
)

// GroupedApp is the app the per-path checks are sent to: mw on the whole
// app, routes inside an /api and an /admin group, none with an OPTIONS
// handler, and /public and /apix outside them.
func GroupedApp[M any](mw M) App[M] {
	const get = http.MethodGet
	return App[M]{
		Use:    []M{mw},
		Routes: []Route{Respond(get, "/public", http.StatusOK), Respond(get, "/apix", http.StatusOK)},
		Groups: []Group[M]{
			{Prefix: "/api", Routes: []Route{
				Respond(get, "/items", http.StatusOK), Respond(http.MethodPut, "/items", http.StatusOK), Respond(get, "/users", http.StatusOK)}},
			{Prefix: "/admin", Routes: []Route{Respond(http.MethodDelete, "/users/{id}", http.StatusOK)}},
		},
	}
}

// TwiceApp is corsa installed twice: outer on the whole app, inner on the
// /api group, whose routes answer GET and PUT /api/items; GET /public is
// outside the group.
func TwiceApp[M any](outer, inner M) App[M] {
	return App[M]{
		Use:    []M{outer},
		Routes: []Route{Respond(http.MethodGet, "/public", http.StatusOK)},
		Groups: []Group[M]{{Prefix: "/api", Use: []M{inner}, Routes: []Route{
			Respond(http.MethodGet, "/items", http.StatusOK), Respond(http.MethodPut, "/items", http.StatusOK)}}},
	}
}

// PathsCase is one request and the CORS headers of its response: exactly
// want (name: value), no other CORS header, and exactly the Vary tokens
// of vary. status 0 means "not answered by corsa": any status, from the
// framework or the handler.
type PathsCase struct {
	Name   string
	Req    *http.Request
	Status int
	Want   map[string]string
	Vary   []string
}

// PathsRequest builds a request to target with the given header name,
// value pairs.
func PathsRequest(method, target string, headers ...string) *http.Request {
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i < len(headers); i += 2 {
		r.Header.Add(headers[i], headers[i+1])
	}
	return r
}

// PathsPreflight builds a preflight from origin to target asking for method.
func PathsPreflight(origin, target, method string) *http.Request {
	return PathsRequest(http.MethodOptions, target, "Origin", origin, "Access-Control-Request-Method", method)
}

// PathsGroupCases are the requests every framework's group test sends:
// preflights to routes inside groups, which have no OPTIONS handler, get
// their group's policy; a path under no prefix gets no CORS.
func PathsGroupCases() []PathsCase {
	apiGrant := map[string]string{"Access-Control-Allow-Origin": PathsApp, "Access-Control-Allow-Credentials": "true"}
	return []PathsCase{
		{"a preflight to a route in the /api group gets the API policy",
			PathsPreflight(PathsApp, "/api/items", "PUT"), 204,
			map[string]string{"Access-Control-Allow-Origin": PathsApp, "Access-Control-Allow-Credentials": "true", "Access-Control-Allow-Methods": "PUT"},
			PathsVaryPreflight},
		{"a preflight to a parameterised route in the /admin group gets the admin policy",
			PathsPreflight(PathsAdmin, "/admin/users/7", "DELETE"), 204,
			map[string]string{"Access-Control-Allow-Origin": PathsAdmin, "Access-Control-Allow-Methods": "DELETE"},
			PathsVaryPreflight},
		{"a preflight from the API's origin to the admin group is refused",
			PathsPreflight(PathsApp, "/admin/users/7", "DELETE"), 403, nil, PathsVaryPreflight},
		{"a preflight from the admin origin to the API group is refused",
			PathsPreflight(PathsAdmin, "/api/items", "PUT"), 403, nil, PathsVaryPreflight},
		{"a preflight to an unknown path inside a group is answered",
			PathsPreflight(PathsApp, "/api/nowhere", "PUT"), 204,
			map[string]string{"Access-Control-Allow-Origin": PathsApp, "Access-Control-Allow-Credentials": "true", "Access-Control-Allow-Methods": "PUT"},
			PathsVaryPreflight},
		{"a preflight to a path under no prefix gets no CORS",
			PathsPreflight(PathsApp, "/public", "PUT"), 0, nil, nil},
		{"a preflight to a sibling of a prefix gets no CORS",
			PathsPreflight(PathsApp, "/apix", "PUT"), 0, nil, nil},
		{"an actual request in the /api group gets the API grant",
			PathsRequest(http.MethodGet, "/api/items", "Origin", PathsApp), 200, apiGrant, pathsVaryOrigin},
		{"an actual request in the /api group from another origin gets only Vary",
			PathsRequest(http.MethodGet, "/api/items", "Origin", PathsEvil), 200, nil, pathsVaryOrigin},
		{"an actual request in the /admin group gets the admin grant",
			PathsRequest(http.MethodDelete, "/admin/users/7", "Origin", PathsAdmin), 200,
			map[string]string{"Access-Control-Allow-Origin": PathsAdmin}, pathsVaryOrigin},
		{"an actual request under no prefix gets no CORS, not even Vary",
			PathsRequest(http.MethodGet, "/public", "Origin", PathsApp), 200, nil, nil},
		{"a path with an empty segment gets no CORS",
			PathsRequest(http.MethodGet, "//api/items", "Origin", PathsApp), 0, nil, nil},
	}
}

// LetterCaseCases are the requests of a router's letter-case test, sent to
// GroupedApp under PathsPolicies: corsa.Paths compares letter case
// exactly, and a path whose policy would depend on letter case ("/API"
// under "/api") gets no CORS at all, while upper case after the prefix
// keeps the prefix's policy. routerIgnoresCase adds the requests to a
// router that routes ignoring letter case: they still reach their routes.
func LetterCaseCases(routerIgnoresCase bool) []PathsCase {
	grant := map[string]string{"Access-Control-Allow-Origin": PathsApp, "Access-Control-Allow-Credentials": "true", "Access-Control-Allow-Methods": "PUT"}
	cases := []PathsCase{
		{Name: "a preflight to an upper-case prefix gets no CORS",
			Req: PathsPreflight(PathsApp, "/API/items", "PUT")},
		{Name: "an actual request to an upper-case prefix gets no CORS, not even Vary",
			Req: PathsRequest(http.MethodGet, "/API/items", "Origin", PathsApp)},
		{Name: "a preflight with upper case after the prefix gets the prefix's policy",
			Req: PathsPreflight(PathsApp, "/api/Users", "PUT"), Status: 204, Want: grant, Vary: PathsVaryPreflight},
		{Name: "the exact-case path gets its policy",
			Req: PathsPreflight(PathsApp, "/api/items", "PUT"), Status: 204, Want: grant, Vary: PathsVaryPreflight},
	}
	if !routerIgnoresCase {
		return cases
	}
	return append(cases,
		PathsCase{Name: "an actual request with upper case after the prefix reaches its route with the prefix's grant",
			Req:    PathsRequest(http.MethodGet, "/api/Users", "Origin", PathsApp),
			Status: 200, Want: map[string]string{"Access-Control-Allow-Origin": PathsApp, "Access-Control-Allow-Credentials": "true"}, Vary: pathsVaryOrigin},
		PathsCase{Name: "an actual request to an upper-case prefix still reaches the route the router serves",
			Req: PathsRequest(http.MethodGet, "/API/items", "Origin", PathsApp), Status: 200},
	)
}

// TwiceOuter and TwiceInner are corsa installed twice: an outer policy for
// every path and an inner one on the /api group.
func TwiceOuter() corsa.Config {
	return corsa.Config{Origins: []string{PathsApp, PathsEvil}, Credentials: true,
		Methods: []string{"PUT"}, ExposedHeaders: []string{"X-Outer"}}
}

// TwiceInner is the policy of the /api group when corsa is installed twice.
func TwiceInner() corsa.Config { return corsa.Config{Origins: []string{PathsApp}} }

// TwiceCases are the requests of the installed-twice test: the outer
// middleware answers every preflight, so the inner one never sees it; the
// inner one alone decides the grant of every other response in its group.
func TwiceCases() []PathsCase {
	return []PathsCase{
		{"a preflight inside the group is answered by the outer policy",
			PathsPreflight(PathsEvil, "/api/items", "PUT"), 204,
			map[string]string{"Access-Control-Allow-Origin": PathsEvil, "Access-Control-Allow-Credentials": "true", "Access-Control-Allow-Methods": "PUT"},
			PathsVaryPreflight},
		{"an actual request the inner policy refuses loses the outer grant",
			PathsRequest(http.MethodGet, "/api/items", "Origin", PathsEvil), 200, nil, []string{"Origin", "Origin"}},
		{"an actual request the inner policy allows gets only the inner grant",
			PathsRequest(http.MethodGet, "/api/items", "Origin", PathsApp), 200,
			map[string]string{"Access-Control-Allow-Origin": PathsApp}, []string{"Origin", "Origin"}},
		{"an actual request outside the group gets the outer grant",
			PathsRequest(http.MethodGet, "/public", "Origin", PathsEvil), 200,
			map[string]string{"Access-Control-Allow-Origin": PathsEvil, "Access-Control-Allow-Credentials": "true", "Access-Control-Expose-Headers": "X-Outer"},
			pathsVaryOrigin},
	}
}

// NestedCase is corsa installed twice (TwiceApp) with policies of the
// case's own: Outer on every path and Inner on the /api group, where the
// request goes.
type NestedCase struct {
	Outer, Inner corsa.Config
	PathsCase
}

// NestedCases show the inner middleware deciding alone, whatever the outer
// one granted: a request the inner policy does not allow keeps nothing of
// the outer grant (not even the constant headers an outer "*" policy gives
// requests without Origin), and one it allows keeps no header its own
// grant lacks (credentials, exposed headers).
func NestedCases() []NestedCase {
	const app, evil = PathsApp, PathsEvil
	anyOuter := corsa.Config{Origins: []string{"*"}, ExposedHeaders: []string{"X-Outer"}}
	credentialedInner := corsa.Config{Origins: []string{app}, Credentials: true}
	credentialedOuter := corsa.Config{Origins: []string{app}, Credentials: true, ExposedHeaders: []string{"X-Outer"}}
	get := func(origin string) *http.Request {
		if origin == "" {
			return PathsRequest(http.MethodGet, "/api/items")
		}
		return PathsRequest(http.MethodGet, "/api/items", "Origin", origin)
	}
	return []NestedCase{
		{anyOuter, credentialedInner, PathsCase{
			"under an outer * policy a request without Origin gets no grant when the inner policy is credentialed",
			get(""), 200, nil, pathsVaryOrigin}},
		{anyOuter, credentialedInner, PathsCase{
			"under an outer * policy a request from an origin the inner policy refuses gets no grant",
			get(evil), 200, nil, pathsVaryOrigin}},
		{anyOuter, credentialedInner, PathsCase{
			"under an outer * policy a request the inner policy allows gets the inner grant alone",
			get(app), 200, map[string]string{"Access-Control-Allow-Origin": app, "Access-Control-Allow-Credentials": "true"},
			pathsVaryOrigin}},
		{credentialedOuter, corsa.Config{Origins: []string{app}, ExposedHeaders: []string{"X-Inner"}}, PathsCase{
			"an inner grant without credentials keeps no Access-Control-Allow-Credentials of the outer grant",
			get(app), 200, map[string]string{"Access-Control-Allow-Origin": app, "Access-Control-Expose-Headers": "X-Inner"},
			[]string{"Origin", "Origin"}}},
		{corsa.Config{Origins: []string{app}, ExposedHeaders: []string{"X-Outer"}}, credentialedInner, PathsCase{
			"an inner grant without exposed headers keeps none of the outer grant's",
			get(app), 200, map[string]string{"Access-Control-Allow-Origin": app, "Access-Control-Allow-Credentials": "true"},
			[]string{"Origin", "Origin"}}},
		{credentialedOuter, corsa.Config{Origins: []string{app}, Credentials: true, ExposedHeaders: []string{"X-Inner"}}, PathsCase{
			"an inner grant with credentials and exposed headers replaces every header of the outer grant",
			get(app), 200, map[string]string{"Access-Control-Allow-Origin": app, "Access-Control-Allow-Credentials": "true",
				"Access-Control-Expose-Headers": "X-Inner"},
			[]string{"Origin", "Origin"}}},
		{credentialedOuter, corsa.Config{Origins: []string{"*"}}, PathsCase{
			"an inner * grant keeps nothing of a credentialed outer grant",
			get(app), 200, map[string]string{"Access-Control-Allow-Origin": "*"}, pathsVaryOrigin}},
	}
}

// checkNested serves each of NestedCases on TwiceApp with Must(Outer) and
// Must(Inner), and checks its response as RunPaths does.
func (a Adapter[M]) checkNested(t *testing.T) {
	for _, tc := range NestedCases() {
		t.Run(tc.Name, func(t *testing.T) {
			checkPaths(t, tc.PathsCase, a.Serve(t, TwiceApp(a.Must(tc.Outer), a.Must(tc.Inner))))
		})
	}
}

// RunPaths sends each case through do and checks its response.
func RunPaths(t *testing.T, cases []PathsCase, do Do) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) { checkPaths(t, tc, do) })
	}
}

// checkPaths sends tc.Req through do and checks the response.
func checkPaths(t *testing.T, tc PathsCase, do Do) {
	t.Helper()
	resp, err := do(tc.Req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if tc.Status != 0 && resp.StatusCode != tc.Status {
		t.Errorf("status = %d, want %d", resp.StatusCode, tc.Status)
	}
	for _, name := range pathsCORSHeaders {
		got := resp.Header.Values(name)
		want, wanted := tc.Want[name]
		switch {
		case wanted && (len(got) != 1 || got[0] != want):
			t.Errorf("%s = %q, want exactly [%q]", name, got, want)
		case !wanted && len(got) != 0:
			t.Errorf("%s = %q, want it absent", name, got)
		}
	}
	if vary := conformance.VaryTokens(resp.Header); !slices.Equal(vary, tc.Vary) {
		t.Errorf("Vary tokens = %q, want %q", vary, tc.Vary)
	}
}

// checkFromPaths checks From with a corsa.Paths of PathsPolicies on
// GroupedApp: PathsGroupCases.
func (a Adapter[M]) checkFromPaths(t *testing.T) {
	pp, err := corsa.NewPaths(PathsPolicies())
	if err != nil {
		t.Fatal(err)
	}
	RunPaths(t, PathsGroupCases(), a.Serve(t, GroupedApp(a.From(pp))))
}

// checkFromPathsFollowsReconfigure checks From with a corsa.Paths
// reconfigured after the app is built: PathsApp serves PathsGroupCases
// with its new entries.
func (a Adapter[M]) checkFromPathsFollowsReconfigure(t *testing.T) {
	pp, err := corsa.NewPaths(map[string]corsa.Config{"/api": {Origins: []string{PathsEvil}}})
	if err != nil {
		t.Fatal(err)
	}
	do := a.Serve(t, GroupedApp(a.From(pp)))
	if err := pp.Reconfigure(PathsPolicies()); err != nil {
		t.Fatal(err)
	}
	RunPaths(t, PathsGroupCases(), do)
}
