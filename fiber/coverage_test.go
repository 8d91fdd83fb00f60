package corsafiber_test

import (
	"net/http"
	"testing"

	"github.com/gofiber/fiber/v2"

	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafiber "github.com/corsa-go/corsa/fiber"
)

// TestWhatCasesCannotExpress covers, on fiber, what the conformance cases
// cannot: a handler that sets its own CORS header and the bytes of a
// preflight answer.
func TestWhatCasesCannotExpress(t *testing.T) {
	a := fiber.New()
	a.Use(corsafiber.Must(adaptertest.Policy()))
	a.Get("/items", markRan)
	a.Get("/own-cors", func(c *fiber.Ctx) error {
		c.Set("Access-Control-Allow-Origin", "*")
		return c.SendStatus(http.StatusOK)
	})
	do := test(a)
	preflight := adaptertest.Preflight(conformance.AppOrigin, "/items", http.MethodPut, "content-type")

	t.Run("a handler's own Access-Control-Allow-Origin replaces the middleware's", func(t *testing.T) {
		resp, err := do(adaptertest.Actual(http.MethodGet, conformance.AppOrigin, "/own-cors").HTTP())
		if err != nil {
			t.Fatal(err)
		}
		if got := resp.Header.Values("Access-Control-Allow-Origin"); len(got) != 1 || got[0] != "*" {
			t.Errorf("Access-Control-Allow-Origin %q, want the handler's %q", got, "*")
		}
	})
	t.Run("an allowed preflight is 204 with no body and no Content-Type", func(t *testing.T) {
		body := adaptertest.Expect(t, do, preflight, adaptertest.AllowedPreflight())
		resp, err := do(preflight.HTTP())
		if err != nil {
			t.Fatal(err)
		}
		if body != "" || resp.Header.Get("Content-Type") != "" {
			t.Errorf("body %q, Content-Type %q: want none", body, resp.Header.Get("Content-Type"))
		}
	})
}
