package corsafiber3_test

import (
	"net/http"
	"testing"

	"github.com/gofiber/fiber/v3"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafiber3 "github.com/corsa-go/corsa/fiber3"
)

// fiber routes paths ignoring letter case unless Config.CaseSensitive is
// set, so "/API/items" reaches the /api group's handler, while its policy
// is /api's only when letter case is ignored: a path whose policy depends
// on letter case gets no CORS at all, whatever the app's setting.
func TestFromPathsServesNoPolicyThatDependsOnLetterCase(t *testing.T) {
	pp, err := corsa.NewPaths(adaptertest.PathsPolicies())
	if err != nil {
		t.Fatal(err)
	}
	app := adaptertest.GroupedApp(corsafiber3.From(pp))
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
		adaptertest.RunPaths(t, append(cases,
			adaptertest.PathsCase{Name: "an actual request with upper case after the prefix reaches its route with the prefix's grant",
				Req:    adaptertest.PathsRequest(http.MethodGet, "/api/Users", "Origin", adaptertest.PathsApp),
				Status: 200, Want: actualGrant, Vary: []string{"Origin"}},
			adaptertest.PathsCase{Name: "an actual request to an upper-case prefix still reaches the route fiber serves",
				Req: adaptertest.PathsRequest(http.MethodGet, "/API/items", "Origin", adaptertest.PathsApp), Status: 200},
		), adapter(fiber.Config{}, test).Serve(t, app))
	})
	t.Run("with CaseSensitive", func(t *testing.T) {
		adaptertest.RunPaths(t, cases, adapter(fiber.Config{CaseSensitive: true}, test).Serve(t, app))
	})
}
