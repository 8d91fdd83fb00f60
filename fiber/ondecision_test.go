package corsafiber_test

import (
	"net/http"
	"testing"

	"github.com/gofiber/fiber/v2"

	corsafiber "github.com/corsa-go/corsa/fiber"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance/adaptertest"
)

// The decision hook needs no adapter code: corsa calls Config.OnDecision
// from Decide, which this adapter calls once per request, with the path it
// routes on.
func TestOnDecisionNeedsNoAdapterCode(t *testing.T) {
	adaptertest.CheckOnDecision(t, func(cfg corsa.Config) func(*http.Request) (*http.Response, error) {
		app := fiber.New()
		app.Use(corsafiber.Must(cfg))
		app.Get("/api/items", func(c *fiber.Ctx) error { return c.SendStatus(http.StatusOK) })
		return test(app)
	})
}
