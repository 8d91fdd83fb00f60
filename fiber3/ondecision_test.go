package corsafiber3_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gofiber/fiber/v3"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafiber3 "github.com/corsa-go/corsa/fiber3"
)

// The decision hook needs no adapter code: corsa calls Config.OnDecision
// from Decide, which this adapter calls once per request, with the path it
// routes on.
func TestOnDecisionNeedsNoAdapterCode(t *testing.T) {
	adaptertest.CheckOnDecision(t, onDecisionApp)
}

// A panicking OriginFunc refuses its origin and the server keeps serving.
func TestAnOriginFuncThatPanicsFailsClosed(t *testing.T) {
	adaptertest.CheckOriginFuncPanics(t, onDecisionApp)
}

// onDecisionApp is the app the hook checks serve: GET /api/items behind
// the middleware built from cfg.
var onDecisionApp = func(cfg corsa.Config) func(*http.Request) (*http.Response, error) {
	app := fiber.New()
	app.Use(corsafiber3.Must(cfg))
	app.Get("/api/items", func(c fiber.Ctx) error { return c.SendStatus(http.StatusOK) })
	return test(app)
}

// Access-Control-Request-Method is a preflight's header: on any other
// request it is not read, and OnDecision reports no request method, as
// net/http's Request.ReadHTTP reads it.
func TestOnDecisionReportsARequestMethodForPreflightsOnly(t *testing.T) {
	var got []corsa.DecisionEvent
	app := fiber.New()
	app.Use(corsafiber3.Must(corsa.Config{
		Origins:    []string{adaptertest.ParityOrigin},
		Methods:    []string{http.MethodPut},
		OnDecision: func(ev corsa.DecisionEvent) { got = append(got, ev) },
	}))
	app.Use(func(c fiber.Ctx) error { return c.SendStatus(http.StatusOK) })
	for _, tt := range []struct {
		name, method, want string
		preflight          bool
	}{
		{"a GET carrying Access-Control-Request-Method reports none", http.MethodGet, "", false},
		{"a POST carrying Access-Control-Request-Method reports none", http.MethodPost, "", false},
		{"a preflight reports its requested method", http.MethodOptions, http.MethodPut, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got = nil
			r := httptest.NewRequest(tt.method, "/items", nil)
			r.Header.Set("Origin", adaptertest.ParityOrigin)
			r.Header.Set("Access-Control-Request-Method", http.MethodPut)
			r.Header.Set("Access-Control-Request-Private-Network", "true")
			resp, err := app.Test(r, fiber.TestConfig{})
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if len(got) != 1 {
				t.Fatalf("%d events, want 1", len(got))
			}
			ev := got[0]
			if ev.Request.RequestMethod != tt.want || ev.Decision.Preflight() != tt.preflight || (ev.Request.PrivateNetwork != "") != tt.preflight {
				t.Errorf("event with RequestMethod %q, PrivateNetwork %q, a preflight: %t; want RequestMethod %q, a preflight: %t",
					ev.Request.RequestMethod, ev.Request.PrivateNetwork, ev.Decision.Preflight(), tt.want, tt.preflight)
			}
		})
	}
}
