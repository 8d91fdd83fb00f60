package corsafiber3_test

// The policies, requests, expectations and checks are shared by every
// adapter (conformance/adaptertest/paths.go); this file supplies the
// router with its groups.

import (
	"net/http"
	"testing"

	"github.com/gofiber/fiber/v3"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafiber3 "github.com/corsa-go/corsa/fiber3"
)

func pathsOK(c fiber.Ctx) error { return c.SendStatus(http.StatusOK) }

// pathsApp installs mw once, with App.Use, and registers routes only inside
// groups, none with an OPTIONS handler.
func pathsApp(mw fiber.Handler, cfg ...fiber.Config) *fiber.App {
	app := fiber.New(cfg...)
	app.Use(mw)
	api := app.Group("/api")
	api.Get("/items", pathsOK)
	api.Put("/items", pathsOK)
	api.Get("/users", pathsOK)
	admin := app.Group("/admin")
	admin.Delete("/users/:id", pathsOK)
	app.Get("/public", pathsOK)
	app.Get("/apix", pathsOK)
	return app
}

// serveWith serves each request on app; it panics on an error, as the
// subtest that sent the request is not the test whose t it could fail.
func serveWith(app *fiber.App) func(*http.Request) *http.Response {
	return func(r *http.Request) *http.Response {
		resp, err := app.Test(r, fiber.TestConfig{})
		if err != nil {
			panic(err)
		}
		return resp
	}
}

func mustPaths(t *testing.T, m map[string]corsa.Config) *corsa.Paths {
	t.Helper()
	pp, err := corsa.NewPaths(m)
	if err != nil {
		t.Fatal(err)
	}
	return pp
}

func TestFromPathsAnswersPreflightsToRoutesInsideGroups(t *testing.T) {
	adaptertest.RunPaths(t, adaptertest.PathsGroupCases(), serveWith(pathsApp(corsafiber3.From(mustPaths(t, adaptertest.PathsPolicies())))))
}

// fiber routes paths ignoring letter case unless Config.CaseSensitive is
// set, so "/API/items" reaches the /api group's handler, while its policy
// is /api's only when letter case is ignored: a path whose policy depends
// on letter case gets no CORS at all, whatever the app's setting.
func TestFromPathsServesNoPolicyThatDependsOnLetterCase(t *testing.T) {
	mw := corsafiber3.From(mustPaths(t, adaptertest.PathsPolicies()))
	grant := map[string]string{"Access-Control-Allow-Origin": adaptertest.PathsApp, "Access-Control-Allow-Credentials": "true", "Access-Control-Allow-Methods": "PUT"}
	actualGrant := map[string]string{"Access-Control-Allow-Origin": adaptertest.PathsApp, "Access-Control-Allow-Credentials": "true"}
	cases := []adaptertest.PathsCase{
		{Name: "a preflight to an upper-case prefix gets no CORS",
			Req: adaptertest.PathsPreflight(adaptertest.PathsApp, "/API/items", "PUT")},
		{Name: "an actual request to an upper-case prefix gets no CORS, not even Vary",
			Req: adaptertest.PathsRequest(http.MethodGet, "/API/items", "Origin", adaptertest.PathsApp)},
		{Name: "a preflight with upper case after the prefix gets the prefix's policy",
			Req:    adaptertest.PathsPreflight(adaptertest.PathsApp, "/api/Users", "PUT"),
			Status: 204, Want: grant, Vary: adaptertest.PathsVaryPreflight},
		{Name: "the exact-case path gets its policy",
			Req:    adaptertest.PathsPreflight(adaptertest.PathsApp, "/api/items", "PUT"),
			Status: 204, Want: grant, Vary: adaptertest.PathsVaryPreflight},
	}
	t.Run("by default", func(t *testing.T) {
		app := pathsApp(mw)
		adaptertest.RunPaths(t, append(cases,
			adaptertest.PathsCase{Name: "an actual request with upper case after the prefix reaches its route with the prefix's grant",
				Req:    adaptertest.PathsRequest(http.MethodGet, "/api/Users", "Origin", adaptertest.PathsApp),
				Status: 200, Want: actualGrant, Vary: []string{"Origin"}},
			adaptertest.PathsCase{Name: "an actual request to an upper-case prefix still reaches the route fiber serves",
				Req: adaptertest.PathsRequest(http.MethodGet, "/API/items", "Origin", adaptertest.PathsApp), Status: 200},
		), serveWith(app))
	})
	t.Run("with CaseSensitive", func(t *testing.T) {
		adaptertest.RunPaths(t, cases, serveWith(pathsApp(mw, fiber.Config{CaseSensitive: true})))
	})
}

// The documented behaviour of corsa installed twice: with App.Use and on a
// Group.
func TestInstalledTwiceTheGroupPolicyDecidesActualRequests(t *testing.T) {
	app := fiber.New()
	app.Use(corsafiber3.Must(adaptertest.TwiceOuter()))
	api := app.Group("/api", corsafiber3.Must(adaptertest.TwiceInner()))
	api.Get("/items", pathsOK)
	api.Put("/items", pathsOK)
	app.Get("/public", pathsOK)
	adaptertest.RunPaths(t, adaptertest.TwiceCases(), serveWith(app))
}

func TestFromPathsFollowsReconfigure(t *testing.T) {
	adaptertest.CheckFromPathsFollowsReconfigure(t, corsafiber3.From, func(mw fiber.Handler) func(*http.Request) *http.Response {
		return serveWith(pathsApp(mw))
	})
}
