package corsafiber3_test

import (
	"errors"
	"io"
	"net/http"
	"slices"
	"testing"

	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsa "github.com/corsa-go/corsa/core"
	corsafiber3 "github.com/corsa-go/corsa/fiber3"
	"github.com/gofiber/fiber/v3"
	fiberrecover "github.com/gofiber/fiber/v3/middleware/recover"
)

// The policy under test is adaptertest.Policy, whose allowed
// responses carry every header; the conformance package also has the
// exact responses core/doc.go prescribes for it.
const (
	appOrigin   = conformance.AppOrigin
	otherOrigin = conformance.OtherOrigin
)

// newApp is a typical fiber application: panic recovery outside the CORS
// middleware, then routes, a group, an OPTIONS route and routes ending in
// errors.
func newApp(cors fiber.Handler) *fiber.App {
	app := fiber.New()
	app.Use(fiberrecover.New())
	app.Use(cors)
	app.Get("/items", markRan)
	app.Post("/items", markRan)
	app.Options("/opts", markRan)
	app.Get("/missing", func(c fiber.Ctx) error {
		c.Set(conformance.HandlerHeader, conformance.HandlerRan)
		return fiber.ErrNotFound
	})
	app.Get("/fails", func(c fiber.Ctx) error {
		c.Set(conformance.HandlerHeader, conformance.HandlerRan)
		return errors.New("database unreachable")
	})
	app.Get("/panic", func(c fiber.Ctx) error {
		c.Set(conformance.HandlerHeader, conformance.HandlerRan)
		panic("boom")
	})
	app.Group("/api").Get("/users", markRan)
	return app
}

func TestMiddleware(t *testing.T) {
	do := test(newApp(corsafiber3.Must(adaptertest.Policy())))
	preflight := func(path, method string, acrh ...string) conformance.Request {
		return adaptertest.Preflight(appOrigin, path, method, acrh...)
	}
	get := func(path string, origins ...string) conformance.Request {
		r := conformance.Request{Method: http.MethodGet, Path: path}
		for _, o := range origins {
			r.Header = append(r.Header, [2]string{corsa.HeaderOrigin, o})
		}
		return r
	}
	tests := []struct {
		name       string
		req        conformance.Request
		status     int
		handlerRan bool
		emptyBody  bool
		want       conformance.Want // its headers and Vary
	}{
		{
			name:   "a preflight to a route without an OPTIONS handler is answered by the policy",
			req:    preflight("/items", "PUT", "content-type,x-request-id"),
			status: http.StatusNoContent, emptyBody: true, want: adaptertest.AllowedPreflight(),
		},
		{
			name:   "a preflight to an unknown path is answered by the policy",
			req:    preflight("/nowhere", "DELETE", "content-type,x-request-id"),
			status: http.StatusNoContent, emptyBody: true, want: adaptertest.AllowedPreflight(),
		},
		{
			name:   "a preflight to a group's route is answered by the policy",
			req:    preflight("/api/users", "PUT", "content-type,x-request-id"),
			status: http.StatusNoContent, emptyBody: true, want: adaptertest.AllowedPreflight(),
		},
		{
			name:   "a preflight listing its headers over several lines is checked on all of them",
			req:    preflight("/items", "PUT", "content-type", "x-request-id"),
			status: http.StatusNoContent, emptyBody: true, want: adaptertest.AllowedPreflight(),
		},
		{
			name:   "a preflight with a refused header on its second line is refused with 403",
			req:    preflight("/items", "PUT", "content-type", "x-secret"),
			status: http.StatusForbidden, emptyBody: true, want: adaptertest.RefusedPreflight(),
		},
		{
			name:   "a preflight for a method the policy does not list is refused with 403",
			req:    preflight("/items", "PATCH"),
			status: http.StatusForbidden, emptyBody: true, want: adaptertest.RefusedPreflight(),
		},
		{
			name: "a preflight with two Origin lines is refused with 403",
			req: conformance.Request{Method: http.MethodOptions, Path: "/items", Header: [][2]string{
				{corsa.HeaderOrigin, appOrigin}, {corsa.HeaderOrigin, otherOrigin},
				{corsa.HeaderRequestMethod, "PUT"}}},
			status: http.StatusForbidden, emptyBody: true, want: adaptertest.RefusedPreflight(),
		},
		{
			name:   "an allowed GET runs the handler with the actual headers",
			req:    get("/items", appOrigin),
			status: http.StatusOK, handlerRan: true, want: adaptertest.AllowedActual(),
		},
		{
			name:   "an OPTIONS request without Access-Control-Request-Method runs the OPTIONS handler",
			req:    adaptertest.Actual(http.MethodOptions, appOrigin, "/opts"),
			status: http.StatusOK, handlerRan: true, want: adaptertest.AllowedActual(),
		},
		{
			name:   "a group's route gets the actual headers",
			req:    get("/api/users", appOrigin),
			status: http.StatusOK, handlerRan: true, want: adaptertest.AllowedActual(),
		},
		{
			name:   "fiber's 404 for an unknown path keeps the actual headers",
			req:    get("/nowhere", appOrigin),
			status: http.StatusNotFound, want: adaptertest.AllowedActual(),
		},
		{
			name:   "a handler returning fiber.ErrNotFound keeps the actual headers",
			req:    get("/missing", appOrigin),
			status: http.StatusNotFound, handlerRan: true, want: adaptertest.AllowedActual(),
		},
		{
			name:   "a handler returning an error keeps the actual headers on the 500",
			req:    get("/fails", appOrigin),
			status: http.StatusInternalServerError, handlerRan: true, want: adaptertest.AllowedActual(),
		},
		{
			name:   "a panic recovered by fiber's recover middleware keeps the actual headers",
			req:    get("/panic", appOrigin),
			status: http.StatusInternalServerError, handlerRan: true, want: adaptertest.AllowedActual(),
		},
		{
			name:   "a GET with two Origin lines runs the handler with only Vary",
			req:    get("/items", appOrigin, appOrigin),
			status: http.StatusOK, handlerRan: true, want: adaptertest.RefusedActual(),
		},
		{
			name:   "a request from an origin the policy does not list runs the handler with only Vary",
			req:    get("/items", otherOrigin),
			status: http.StatusOK, handlerRan: true, want: adaptertest.RefusedActual(),
		},
		{
			name:   "a request without Origin runs the handler with only Vary",
			req:    get("/items"),
			status: http.StatusOK, handlerRan: true, want: adaptertest.RefusedActual(),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			want.Status, want.HandlerRan = tt.status, tt.handlerRan
			if body := adaptertest.Expect(t, do, tt.req, want); tt.emptyBody && body != "" {
				t.Errorf("body = %q, want none", body)
			}
		})
	}
}

func TestMiddlewareWritesResponseHeaders(t *testing.T) {
	t.Run("a preflight answered with status 200 has no body", func(t *testing.T) {
		cfg := adaptertest.Policy()
		cfg.PreflightStatus = http.StatusOK
		want := adaptertest.AllowedPreflight()
		want.Status = http.StatusOK
		delete(want.Headers, corsa.HeaderAllowHeaders) // the preflight lists none
		if body := adaptertest.Expect(t, test(newApp(corsafiber3.Must(cfg))), adaptertest.Preflight(appOrigin, "/items", "PUT"), want); body != "" {
			t.Errorf("body %q, want none", body)
		}
	})
	t.Run("Vary from an earlier middleware and from the handler is kept", func(t *testing.T) {
		app := fiber.New()
		app.Use(func(c fiber.Ctx) error {
			c.Append(fiber.HeaderVary, "Accept-Language")
			return c.Next()
		})
		app.Use(corsafiber3.Must(adaptertest.Policy()))
		app.Get("/items", func(c fiber.Ctx) error {
			c.Response().Header.Add(fiber.HeaderVary, "Accept-Encoding")
			return nil
		})
		res, err := app.Test(adaptertest.Actual(http.MethodGet, appOrigin, "/items").HTTP(), fiber.TestConfig{})
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

func TestFromPolicyServesOnePolicyOnTwoApps(t *testing.T) {
	p, err := corsa.New(adaptertest.Policy())
	if err != nil {
		t.Fatal(err)
	}
	public, admin := newApp(corsafiber3.FromPolicy(p)), fiber.New()
	admin.Use(corsafiber3.FromPolicy(p))
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
	adaptertest.CheckFollowsReconfigure(t, corsafiber3.FromMiddleware,
		func(mw fiber.Handler) func(*http.Request) (*http.Response, error) {
			return test(newApp(mw))
		})
}

func TestNewRefusesAnInvalidConfig(t *testing.T) {
	adaptertest.CheckRefusesInvalidConfig(t, corsafiber3.New, corsafiber3.Must)
}
