package corsafiber_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafiber "github.com/corsa-go/corsa/fiber"
	"github.com/gofiber/fiber/v2"
)

// The harness hands requests to the app's fasthttp handler in memory
// (inMemory), with repeated header lines kept apart: it has no quirk, and
// the suite's megabyte-sized or control-byte hostile headers reach the
// middleware instead of being refused by fasthttp's parser before it. What
// that parser does is parity_test.go's subject.
func TestConformance(t *testing.T) {
	conformance.Run(t, adapter(fiber.Config{}, inMemory).Harness(t))
}

func TestMiddleware(t *testing.T) {
	adapter(fiber.Config{}, test).Run(t)
}

func TestMiddlewareWritesResponseHeaders(t *testing.T) {
	t.Run("Vary from an earlier middleware and from the handler is kept", func(t *testing.T) {
		items := adaptertest.Respond(http.MethodGet, adaptertest.AppItems, http.StatusOK)
		items.AddVary = true
		earlier := func(c *fiber.Ctx) error {
			c.Append(fiber.HeaderVary, "Accept-Language")
			return c.Next()
		}
		do := adapter(fiber.Config{}, test).Serve(t, adaptertest.App[fiber.Handler]{
			Use: []fiber.Handler{earlier, corsafiber.Must(adaptertest.Policy())}, Routes: []adaptertest.Route{items}})
		want := adaptertest.AllowedActual()
		want.Vary = []string{"Accept-Language", "Origin", conformance.HandlerVary}
		adaptertest.Expect(t, do, adaptertest.Actual(http.MethodGet, conformance.AppOrigin, adaptertest.AppItems), want)
		res, err := do(adaptertest.Actual(http.MethodGet, conformance.AppOrigin, adaptertest.AppItems).HTTP())
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if got := res.Header.Values(fiber.HeaderVary); !slices.Equal(got, want.Vary) {
			t.Errorf("Vary lines %q, want exactly %q", got, want.Vary)
		}
	})
}

// fiber routes paths ignoring letter case unless Config.CaseSensitive is
// set, so "/API/items" reaches the /api group's handler, while its policy
// is /api's only when letter case is ignored: a path whose policy depends
// on letter case gets no CORS at all, whatever the app's setting.
func TestFromPathsServesNoPolicyThatDependsOnLetterCase(t *testing.T) {
	pp, err := corsa.NewPaths(adaptertest.PathsPolicies())
	if err != nil {
		t.Fatal(err)
	}
	app := adaptertest.GroupedApp(corsafiber.From(pp))
	t.Run("by default", func(t *testing.T) {
		adaptertest.RunPaths(t, adaptertest.LetterCaseCases(true), adapter(fiber.Config{}, test).Serve(t, app))
	})
	t.Run("with CaseSensitive", func(t *testing.T) {
		adaptertest.RunPaths(t, adaptertest.LetterCaseCases(false), adapter(fiber.Config{CaseSensitive: true}, test).Serve(t, app))
	})
}
