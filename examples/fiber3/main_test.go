package main

import (
	"net/http"
	"testing"

	"github.com/gofiber/fiber/v3"

	"github.com/corsa-go/corsa/examples/internal/demotest"
)

func TestAPIAnswersThePageAsThePolicySays(t *testing.T) {
	app := newAPI(demotest.Policy())
	// Timeout 0 waits for the handler however long it takes, as fiber v2's
	// Test(r, -1) did.
	demotest.Check(t, func(r *http.Request) (*http.Response, error) {
		return app.Test(r, fiber.TestConfig{Timeout: 0})
	})
}
