package corsafiber3_test

// Generated from one template for gin, echo, fiber and chi, so that each
// adapter proves the same per-path promise; keep the four in step.

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v3"

	corsa "github.com/corsa-go/corsa/core"
	corsafiber3 "github.com/corsa-go/corsa/fiber3"
)

// The policies of the per-path tests: a credentialed API and an admin area
// for another origin, and nothing for other paths.
const (
	pathsApp   = "https://app.example"
	pathsAdmin = "https://admin.example"
	pathsEvil  = "https://evil.example"
)

func pathsPolicies() map[string]corsa.Config {
	return map[string]corsa.Config{
		"/api":   {Origins: []string{pathsApp}, Credentials: true, Methods: []string{"PUT"}},
		"/admin": {Origins: []string{pathsAdmin}, Methods: []string{"DELETE"}},
	}
}

// The headers SPEC.md §2 and §3 prescribe for pathsPolicies.
var (
	pathsVaryPreflight = []string{"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"}
	pathsVaryOrigin    = []string{"Origin"}
	pathsCORSHeaders   = []string{
		"Access-Control-Allow-Origin", "Access-Control-Allow-Credentials",
		"Access-Control-Allow-Methods", "Access-Control-Allow-Headers",
		"Access-Control-Expose-Headers", "Access-Control-Max-Age",
		"Access-Control-Allow-Private-Network",
	}
)

// pathsCase is one request and the CORS headers of its response: exactly
// want (name: value), no other CORS header, and exactly the Vary tokens
// of vary. status 0 means "not answered by corsa": any status, from the
// framework or the handler.
type pathsCase struct {
	name   string
	req    *http.Request
	status int
	want   map[string]string
	vary   []string
}

func pathsRequest(method, target string, headers ...string) *http.Request {
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i < len(headers); i += 2 {
		r.Header.Add(headers[i], headers[i+1])
	}
	return r
}

func pathsPreflight(origin, target, method string) *http.Request {
	return pathsRequest(http.MethodOptions, target, "Origin", origin, "Access-Control-Request-Method", method)
}

// pathsGroupCases are the requests every framework's group test sends:
// preflights to routes inside groups, which have no OPTIONS handler, get
// their group's policy; a path under no prefix gets no CORS.
func pathsGroupCases() []pathsCase {
	apiGrant := map[string]string{"Access-Control-Allow-Origin": pathsApp, "Access-Control-Allow-Credentials": "true"}
	return []pathsCase{
		{"a preflight to a route in the /api group gets the API policy",
			pathsPreflight(pathsApp, "/api/items", "PUT"), 204,
			map[string]string{"Access-Control-Allow-Origin": pathsApp, "Access-Control-Allow-Credentials": "true", "Access-Control-Allow-Methods": "PUT"},
			pathsVaryPreflight},
		{"a preflight to a parameterised route in the /admin group gets the admin policy",
			pathsPreflight(pathsAdmin, "/admin/users/7", "DELETE"), 204,
			map[string]string{"Access-Control-Allow-Origin": pathsAdmin, "Access-Control-Allow-Methods": "DELETE"},
			pathsVaryPreflight},
		{"a preflight from the API's origin to the admin group is refused",
			pathsPreflight(pathsApp, "/admin/users/7", "DELETE"), 403, nil, pathsVaryPreflight},
		{"a preflight from the admin origin to the API group is refused",
			pathsPreflight(pathsAdmin, "/api/items", "PUT"), 403, nil, pathsVaryPreflight},
		{"a preflight to an unknown path inside a group is answered",
			pathsPreflight(pathsApp, "/api/nowhere", "PUT"), 204,
			map[string]string{"Access-Control-Allow-Origin": pathsApp, "Access-Control-Allow-Credentials": "true", "Access-Control-Allow-Methods": "PUT"},
			pathsVaryPreflight},
		{"a preflight to a path under no prefix gets no CORS",
			pathsPreflight(pathsApp, "/public", "PUT"), 0, nil, nil},
		{"a preflight to a sibling of a prefix gets no CORS",
			pathsPreflight(pathsApp, "/apix", "PUT"), 0, nil, nil},
		{"an actual request in the /api group gets the API grant",
			pathsRequest(http.MethodGet, "/api/items", "Origin", pathsApp), 200, apiGrant, pathsVaryOrigin},
		{"an actual request in the /api group from another origin gets only Vary",
			pathsRequest(http.MethodGet, "/api/items", "Origin", pathsEvil), 200, nil, pathsVaryOrigin},
		{"an actual request in the /admin group gets the admin grant",
			pathsRequest(http.MethodDelete, "/admin/users/7", "Origin", pathsAdmin), 200,
			map[string]string{"Access-Control-Allow-Origin": pathsAdmin}, pathsVaryOrigin},
		{"an actual request under no prefix gets no CORS, not even Vary",
			pathsRequest(http.MethodGet, "/public", "Origin", pathsApp), 200, nil, nil},
		{"a path with an empty segment gets no CORS",
			pathsRequest(http.MethodGet, "//api/items", "Origin", pathsApp), 0, nil, nil},
	}
}

// twicePolicies are corsa installed twice: an outer policy for every path
// and an inner one on the /api group.
var (
	twiceOuter = corsa.Config{Origins: []string{pathsApp, pathsEvil}, Credentials: true,
		Methods: []string{"PUT"}, ExposedHeaders: []string{"X-Outer"}}
	twiceInner = corsa.Config{Origins: []string{pathsApp}}
)

// twiceCases: the outer middleware answers every preflight, so the inner
// one never sees it; the inner one alone decides the grant of every other
// response in its group.
func twiceCases() []pathsCase {
	return []pathsCase{
		{"a preflight inside the group is answered by the outer policy",
			pathsPreflight(pathsEvil, "/api/items", "PUT"), 204,
			map[string]string{"Access-Control-Allow-Origin": pathsEvil, "Access-Control-Allow-Credentials": "true", "Access-Control-Allow-Methods": "PUT"},
			pathsVaryPreflight},
		{"an actual request the inner policy refuses loses the outer grant",
			pathsRequest(http.MethodGet, "/api/items", "Origin", pathsEvil), 200, nil, []string{"Origin", "Origin"}},
		{"an actual request the inner policy allows gets only the inner grant",
			pathsRequest(http.MethodGet, "/api/items", "Origin", pathsApp), 200,
			map[string]string{"Access-Control-Allow-Origin": pathsApp}, []string{"Origin", "Origin"}},
		{"an actual request outside the group gets the outer grant",
			pathsRequest(http.MethodGet, "/public", "Origin", pathsEvil), 200,
			map[string]string{"Access-Control-Allow-Origin": pathsEvil, "Access-Control-Allow-Credentials": "true", "Access-Control-Expose-Headers": "X-Outer"},
			pathsVaryOrigin},
	}
}

// runPathsCases serves each case through serve and checks its response.
func runPathsCases(t *testing.T, cases []pathsCase, serve func(*http.Request) *http.Response) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp := serve(tc.req)
			if tc.status != 0 && resp.StatusCode != tc.status {
				t.Errorf("status = %d, want %d", resp.StatusCode, tc.status)
			}
			for _, name := range pathsCORSHeaders {
				got := resp.Header.Values(name)
				want, wanted := tc.want[name]
				switch {
				case wanted && (len(got) != 1 || got[0] != want):
					t.Errorf("%s = %q, want exactly [%q]", name, got, want)
				case !wanted && len(got) != 0:
					t.Errorf("%s = %q, want it absent", name, got)
				}
			}
			var vary []string
			for _, line := range resp.Header.Values("Vary") {
				for _, tok := range strings.Split(line, ",") {
					if tok = strings.TrimSpace(tok); tok != "" {
						vary = append(vary, tok)
					}
				}
			}
			if !slices.Equal(vary, tc.vary) {
				t.Errorf("Vary tokens = %q, want %q", vary, tc.vary)
			}
		})
	}
}

func pathsOK(c fiber.Ctx) error { return c.SendStatus(http.StatusOK) }

// pathsFiber installs mw once, with App.Use, and registers routes only inside
// groups, none with an OPTIONS handler.
func pathsFiber(mw fiber.Handler, cfg ...fiber.Config) *fiber.App {
	app := fiber.New(cfg...)
	app.Use(mw)
	api := app.Group("/api")
	api.Get("/items", pathsOK)
	api.Put("/items", pathsOK)
	admin := app.Group("/admin")
	admin.Delete("/users/:id", pathsOK)
	app.Get("/public", pathsOK)
	app.Get("/apix", pathsOK)
	return app
}

func serveWith(t *testing.T, app *fiber.App) func(*http.Request) *http.Response {
	return func(r *http.Request) *http.Response {
		resp, err := app.Test(r, fiber.TestConfig{})
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
}

func TestMustPathsAnswersPreflightsToRoutesInsideGroups(t *testing.T) {
	runPathsCases(t, pathsGroupCases(), serveWith(t, pathsFiber(corsafiber3.MustPaths(pathsPolicies()))))
}

// fiber routes paths ignoring letter case unless Config.CaseSensitive is
// set; the policy must follow the route, or "/API/items" would reach the
// API's handler with another prefix's policy.
func TestMustPathsComparesLetterCaseAsFiberRoutes(t *testing.T) {
	mw := corsafiber3.MustPaths(pathsPolicies())
	grant := map[string]string{"Access-Control-Allow-Origin": pathsApp, "Access-Control-Allow-Credentials": "true", "Access-Control-Allow-Methods": "PUT"}
	t.Run("by default", func(t *testing.T) {
		runPathsCases(t, []pathsCase{
			{"an upper-case path gets the policy of the route fiber serves",
				pathsPreflight(pathsApp, "/API/Items", "PUT"), 204, grant, pathsVaryPreflight},
		}, serveWith(t, pathsFiber(mw)))
	})
	t.Run("with CaseSensitive", func(t *testing.T) {
		runPathsCases(t, []pathsCase{
			{"an upper-case path is under no prefix",
				pathsPreflight(pathsApp, "/API/Items", "PUT"), 0, nil, nil},
			{"the exact-case path gets its policy",
				pathsPreflight(pathsApp, "/api/items", "PUT"), 204, grant, pathsVaryPreflight},
		}, serveWith(t, pathsFiber(mw, fiber.Config{CaseSensitive: true})))
	})
}

// The documented behaviour of corsa installed twice: with App.Use and on a
// Group.
func TestInstalledTwiceTheGroupPolicyDecidesActualRequests(t *testing.T) {
	app := fiber.New()
	app.Use(corsafiber3.Must(twiceOuter))
	api := app.Group("/api", corsafiber3.Must(twiceInner))
	api.Get("/items", pathsOK)
	api.Put("/items", pathsOK)
	app.Get("/public", pathsOK)
	runPathsCases(t, twiceCases(), serveWith(t, app))
}

func TestFromPathsFollowsReconfigure(t *testing.T) {
	pp := corsa.MustPaths(map[string]corsa.Config{"/api": {Origins: []string{pathsEvil}}})
	serve := serveWith(t, pathsFiber(corsafiber3.FromPaths(pp)))
	if err := pp.Reconfigure(pathsPolicies()); err != nil {
		t.Fatal(err)
	}
	runPathsCases(t, pathsGroupCases(), serve)
}

func TestNewPathsRefusesInvalidEntries(t *testing.T) {
	bad := map[string]corsafiber3.Config{"api/": {Origins: []string{pathsApp}}, "/x": {Origins: []string{"*"}, Credentials: true}}
	if _, err := corsafiber3.NewPaths(bad); !errors.Is(err, corsa.ErrPathPrefix) || !errors.Is(err, corsa.ErrWildcardWithCredentials) {
		t.Errorf("NewPaths error = %v, want both problems", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("MustPaths did not panic")
		}
	}()
	corsafiber3.MustPaths(bad)
}
