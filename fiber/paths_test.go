package corsafiber_test

// The policies, requests, expectations and check are shared by every
// adapter (conformance/adaptertest/paths.go); this file supplies the
// router with its groups.

import (
	"net/http"
	"testing"

	"github.com/gofiber/fiber/v2"

	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafiber "github.com/corsa-go/corsa/fiber"
)

func pathsOK(c *fiber.Ctx) error { return c.SendStatus(http.StatusOK) }

// pathsApp installs mw once, with App.Use, and registers routes only inside
// groups, none with an OPTIONS handler.
func pathsApp(mw fiber.Handler, cfg ...fiber.Config) *fiber.App {
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
		resp, err := app.Test(r, -1)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
}

func TestMustPathsAnswersPreflightsToRoutesInsideGroups(t *testing.T) {
	adaptertest.RunPaths(t, adaptertest.PathsGroupCases(), serveWith(t, pathsApp(corsafiber.MustPaths(adaptertest.PathsPolicies()))))
}

// fiber routes paths ignoring letter case unless Config.CaseSensitive is
// set; the policy must follow the route, or "/API/items" would reach the
// API's handler with another prefix's policy.
func TestMustPathsComparesLetterCaseAsFiberRoutes(t *testing.T) {
	mw := corsafiber.MustPaths(adaptertest.PathsPolicies())
	grant := map[string]string{"Access-Control-Allow-Origin": adaptertest.PathsApp, "Access-Control-Allow-Credentials": "true", "Access-Control-Allow-Methods": "PUT"}
	t.Run("by default", func(t *testing.T) {
		adaptertest.RunPaths(t, []adaptertest.PathsCase{
			{Name: "an upper-case path gets the policy of the route fiber serves",
				Req:    adaptertest.PathsPreflight(adaptertest.PathsApp, "/API/Items", "PUT"),
				Status: 204, Want: grant, Vary: adaptertest.PathsVaryPreflight},
		}, serveWith(t, pathsApp(mw)))
	})
	t.Run("with CaseSensitive", func(t *testing.T) {
		adaptertest.RunPaths(t, []adaptertest.PathsCase{
			{Name: "an upper-case path is under no prefix",
				Req: adaptertest.PathsPreflight(adaptertest.PathsApp, "/API/Items", "PUT")},
			{Name: "the exact-case path gets its policy",
				Req:    adaptertest.PathsPreflight(adaptertest.PathsApp, "/api/items", "PUT"),
				Status: 204, Want: grant, Vary: adaptertest.PathsVaryPreflight},
		}, serveWith(t, pathsApp(mw, fiber.Config{CaseSensitive: true})))
	})
}

// The documented behaviour of corsa installed twice: with App.Use and on a
// Group.
func TestInstalledTwiceTheGroupPolicyDecidesActualRequests(t *testing.T) {
	app := fiber.New()
	app.Use(corsafiber.Must(adaptertest.TwiceOuter()))
	api := app.Group("/api", corsafiber.Must(adaptertest.TwiceInner()))
	api.Get("/items", pathsOK)
	api.Put("/items", pathsOK)
	app.Get("/public", pathsOK)
	adaptertest.RunPaths(t, adaptertest.TwiceCases(), serveWith(t, app))
}

func TestFromPathsFollowsReconfigure(t *testing.T) {
	adaptertest.CheckFromPathsFollowsReconfigure(t, corsafiber.FromPaths, func(mw fiber.Handler) func(*http.Request) *http.Response {
		return serveWith(t, pathsApp(mw))
	})
}

func TestNewPathsRefusesInvalidEntries(t *testing.T) {
	adaptertest.CheckPathsRefuseInvalidEntries(t, corsafiber.NewPaths, corsafiber.MustPaths)
}
