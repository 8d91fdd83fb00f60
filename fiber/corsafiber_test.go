package corsafiber_test

import (
	"errors"
	"io"
	"net/http"
	"slices"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafiber "github.com/corsa-go/corsa/fiber"
	"github.com/gofiber/fiber/v2"
	fiberrecover "github.com/gofiber/fiber/v2/middleware/recover"
)

// The policy under test is adaptertest.Policy, whose allowed responses
// carry every header; the kit has the exact responses SPEC.md prescribes
// for it.
const appOrigin = conformance.AppOrigin

// newApp is the app adaptertest.AppCases describes: panic recovery
// outside the CORS middleware, then routes, a group, an OPTIONS route and
// routes ending in errors.
func newApp(cors fiber.Handler) *fiber.App {
	app := fiber.New()
	app.Use(fiberrecover.New())
	app.Use(cors)
	app.Get(adaptertest.AppItems, markRan)
	app.Options(adaptertest.AppOptions, markRan)
	app.Get(adaptertest.AppMissing, func(c *fiber.Ctx) error {
		c.Set(conformance.HandlerHeader, conformance.HandlerRan)
		return fiber.ErrNotFound
	})
	app.Get(adaptertest.AppFailing, func(c *fiber.Ctx) error {
		c.Set(conformance.HandlerHeader, conformance.HandlerRan)
		return errors.New("database unreachable")
	})
	app.Get(adaptertest.AppPanicking, func(c *fiber.Ctx) error {
		c.Set(conformance.HandlerHeader, conformance.HandlerRan)
		panic("boom")
	})
	app.Group("/api").Get("/things", markRan)
	return app
}

func TestMiddleware(t *testing.T) {
	adaptertest.RunAppCases(t, test(newApp(corsafiber.Must(adaptertest.Policy()))), adaptertest.AppCases())
}

func TestMiddlewareWritesResponseHeaders(t *testing.T) {
	t.Run("a preflight answered with status 200 has no body", func(t *testing.T) {
		cfg := adaptertest.Policy()
		cfg.PreflightStatus = http.StatusOK
		want := adaptertest.AllowedPreflight()
		want.Status = http.StatusOK
		delete(want.Headers, "Access-Control-Allow-Headers") // the preflight lists none
		if body := adaptertest.Expect(t, test(newApp(corsafiber.Must(cfg))), adaptertest.Preflight(appOrigin, "/items", "PUT"), want); body != "" {
			t.Errorf("body %q, want none", body)
		}
	})
	t.Run("Vary from an earlier middleware and from the handler is kept", func(t *testing.T) {
		app := fiber.New()
		app.Use(func(c *fiber.Ctx) error {
			c.Append(fiber.HeaderVary, "Accept-Language")
			return c.Next()
		})
		app.Use(corsafiber.Must(adaptertest.Policy()))
		app.Get("/items", func(c *fiber.Ctx) error {
			c.Response().Header.Add(fiber.HeaderVary, "Accept-Encoding")
			return nil
		})
		res, err := app.Test(adaptertest.Actual(http.MethodGet, appOrigin, "/items").HTTP(), -1)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		want := adaptertest.AllowedActual()
		want.HandlerRan, want.Vary = false, []string{"Accept-Language", "Origin", "Accept-Encoding"}
		for _, p := range want.Check(res, body) {
			t.Error(p)
		}
		if got := res.Header.Values(fiber.HeaderVary); !slices.Equal(got, want.Vary) {
			t.Errorf("Vary lines %q, want exactly %q", got, want.Vary)
		}
	})
}

func TestFromServesOnePolicyOnTwoApps(t *testing.T) {
	p, err := corsa.New(adaptertest.Policy())
	if err != nil {
		t.Fatal(err)
	}
	public, admin := newApp(corsafiber.From(p)), fiber.New()
	admin.Use(corsafiber.From(p))
	admin.Get("/settings", markRan)
	for name, tt := range map[string]struct {
		app  *fiber.App
		path string
	}{
		"the first app answers with the policy":  {public, "/items"},
		"the second app answers with the policy": {admin, "/settings"},
	} {
		t.Run(name, func(t *testing.T) {
			req := adaptertest.Actual(http.MethodGet, appOrigin, tt.path)
			adaptertest.Expect(t, test(tt.app), req, adaptertest.AllowedActual())
		})
	}
}

func TestFromMiddlewareFollowsReconfigure(t *testing.T) {
	adaptertest.CheckFollowsReconfigure(t, corsafiber.From,
		func(mw fiber.Handler) func(*http.Request) (*http.Response, error) {
			return test(newApp(mw))
		})
}

func TestNewRefusesAnInvalidConfig(t *testing.T) {
	adaptertest.CheckRefusesInvalidConfig(t, corsafiber.New, corsafiber.Must)
}

func TestFromRefusesNil(t *testing.T) {
	adaptertest.CheckFromRefusesNil(t, "corsafiber.From", corsafiber.From)
}
