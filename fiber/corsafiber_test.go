package corsafiber_test

import (
	"errors"
	"net/http"
	"testing"

	corsa "github.com/corsa-go/corsa/core"
	corsafiber "github.com/corsa-go/corsa/fiber"
	"github.com/gofiber/fiber/v2"
	fiberrecover "github.com/gofiber/fiber/v2/middleware/recover"
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
	app.Get("/missing", func(c *fiber.Ctx) error {
		c.Set(handlerHeader, "ran")
		return fiber.ErrNotFound
	})
	app.Get("/fails", func(c *fiber.Ctx) error {
		c.Set(handlerHeader, "ran")
		return errors.New("database unreachable")
	})
	app.Get("/panic", func(c *fiber.Ctx) error {
		c.Set(handlerHeader, "ran")
		panic("boom")
	})
	app.Group("/api").Get("/users", markRan)
	return app
}

func TestMiddleware(t *testing.T) {
	app := newApp(corsafiber.Must(testPolicy))
	preflight := func(path, method string, acrh ...string) *http.Request {
		r := request(http.MethodOptions, path,
			corsa.HeaderOrigin, appOrigin,
			corsa.HeaderRequestMethod, method)
		for _, line := range acrh {
			r.Header.Add(corsa.HeaderRequestHeaders, line)
		}
		return r
	}
	tests := []struct {
		name       string
		req        *http.Request
		status     int
		handlerRan bool
		emptyBody  bool
		want       map[string]string
		vary       []string
	}{
		{
			name:   "a preflight to a route without an OPTIONS handler is answered by the policy",
			req:    preflight("/items", "PUT", "content-type,x-request-id"),
			status: http.StatusNoContent, emptyBody: true, want: allowedPreflight, vary: []string{preflightVary},
		},
		{
			name:   "a preflight to an unknown path is answered by the policy",
			req:    preflight("/nowhere", "DELETE", "content-type,x-request-id"),
			status: http.StatusNoContent, emptyBody: true, want: allowedPreflight, vary: []string{preflightVary},
		},
		{
			name:   "a preflight to a group's route is answered by the policy",
			req:    preflight("/api/users", "PUT", "content-type,x-request-id"),
			status: http.StatusNoContent, emptyBody: true, want: allowedPreflight, vary: []string{preflightVary},
		},
		{
			name:   "a preflight listing its headers over several lines is checked on all of them",
			req:    preflight("/items", "PUT", "content-type", "x-request-id"),
			status: http.StatusNoContent, emptyBody: true, want: allowedPreflight, vary: []string{preflightVary},
		},
		{
			name:   "a preflight with a refused header on its second line is refused with 403",
			req:    preflight("/items", "PUT", "content-type", "x-secret"),
			status: http.StatusForbidden, emptyBody: true, vary: []string{preflightVary},
		},
		{
			name:   "a preflight for a method the policy does not list is refused with 403",
			req:    preflight("/items", "PATCH"),
			status: http.StatusForbidden, emptyBody: true, vary: []string{preflightVary},
		},
		{
			name: "a preflight with two Origin lines is refused with 403",
			req: request(http.MethodOptions, "/items",
				corsa.HeaderOrigin, appOrigin, corsa.HeaderOrigin, otherOrigin,
				corsa.HeaderRequestMethod, "PUT"),
			status: http.StatusForbidden, emptyBody: true, vary: []string{preflightVary},
		},
		{
			name:   "an allowed GET runs the handler with the actual headers",
			req:    request(http.MethodGet, "/items", corsa.HeaderOrigin, appOrigin),
			status: http.StatusOK, handlerRan: true, want: allowedActual, vary: []string{"Origin"},
		},
		{
			name:   "an OPTIONS request without Access-Control-Request-Method runs the OPTIONS handler",
			req:    request(http.MethodOptions, "/opts", corsa.HeaderOrigin, appOrigin),
			status: http.StatusOK, handlerRan: true, want: allowedActual, vary: []string{"Origin"},
		},
		{
			name:   "a group's route gets the actual headers",
			req:    request(http.MethodGet, "/api/users", corsa.HeaderOrigin, appOrigin),
			status: http.StatusOK, handlerRan: true, want: allowedActual, vary: []string{"Origin"},
		},
		{
			name:   "fiber's 404 for an unknown path keeps the actual headers",
			req:    request(http.MethodGet, "/nowhere", corsa.HeaderOrigin, appOrigin),
			status: http.StatusNotFound, want: allowedActual, vary: []string{"Origin"},
		},
		{
			name:   "a handler returning fiber.ErrNotFound keeps the actual headers",
			req:    request(http.MethodGet, "/missing", corsa.HeaderOrigin, appOrigin),
			status: http.StatusNotFound, handlerRan: true, want: allowedActual, vary: []string{"Origin"},
		},
		{
			name:   "a handler returning an error keeps the actual headers on the 500",
			req:    request(http.MethodGet, "/fails", corsa.HeaderOrigin, appOrigin),
			status: http.StatusInternalServerError, handlerRan: true, want: allowedActual, vary: []string{"Origin"},
		},
		{
			name:   "a panic recovered by fiber's recover middleware keeps the actual headers",
			req:    request(http.MethodGet, "/panic", corsa.HeaderOrigin, appOrigin),
			status: http.StatusInternalServerError, handlerRan: true, want: allowedActual, vary: []string{"Origin"},
		},
		{
			name: "a GET with two Origin lines runs the handler with only Vary",
			req: request(http.MethodGet, "/items",
				corsa.HeaderOrigin, appOrigin, corsa.HeaderOrigin, appOrigin),
			status: http.StatusOK, handlerRan: true, vary: []string{"Origin"},
		},
		{
			name:   "a request from an origin the policy does not list runs the handler with only Vary",
			req:    request(http.MethodGet, "/items", corsa.HeaderOrigin, otherOrigin),
			status: http.StatusOK, handlerRan: true, vary: []string{"Origin"},
		},
		{
			name:   "a request without Origin runs the handler with only Vary",
			req:    request(http.MethodGet, "/items"),
			status: http.StatusOK, handlerRan: true, vary: []string{"Origin"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := serve(t, app, tt.req)
			if res.status != tt.status {
				t.Errorf("status = %d, want %d", res.status, tt.status)
			}
			if ran := res.header.Get(handlerHeader) == "ran"; ran != tt.handlerRan {
				t.Errorf("handler ran = %t, want %t", ran, tt.handlerRan)
			}
			if tt.emptyBody && res.body != "" {
				t.Errorf("body = %q, want none", res.body)
			}
			checkCORS(t, res.header, tt.want, tt.vary...)
		})
	}
}

func TestMiddlewareWritesResponseHeaders(t *testing.T) {
	t.Run("a preflight answered with status 200 has no body", func(t *testing.T) {
		cfg := testPolicy
		cfg.PreflightStatus = http.StatusOK
		res := serve(t, newApp(corsafiber.Must(cfg)), request(http.MethodOptions, "/items",
			corsa.HeaderOrigin, appOrigin, corsa.HeaderRequestMethod, "PUT"))
		if res.status != http.StatusOK || res.body != "" {
			t.Errorf("status %d, body %q; want 200 and no body", res.status, res.body)
		}
	})
	t.Run("Vary from an earlier middleware and from the handler is kept", func(t *testing.T) {
		app := fiber.New()
		app.Use(func(c *fiber.Ctx) error {
			c.Append(fiber.HeaderVary, "Accept-Language")
			return c.Next()
		})
		app.Use(corsafiber.Must(testPolicy))
		app.Get("/items", func(c *fiber.Ctx) error {
			c.Response().Header.Add(fiber.HeaderVary, "Accept-Encoding")
			return nil
		})
		res := serve(t, app, request(http.MethodGet, "/items", corsa.HeaderOrigin, appOrigin))
		checkCORS(t, res.header, allowedActual, "Accept-Language", "Origin", "Accept-Encoding")
	})
}

func TestFromPolicyServesOnePolicyOnTwoApps(t *testing.T) {
	p, err := corsa.New(testPolicy)
	if err != nil {
		t.Fatal(err)
	}
	public, admin := newApp(corsafiber.FromPolicy(p)), fiber.New()
	admin.Use(corsafiber.FromPolicy(p))
	admin.Get("/settings", markRan)
	for name, tt := range map[string]struct {
		app  *fiber.App
		path string
	}{
		"the first app answers with the policy":  {public, "/items"},
		"the second app answers with the policy": {admin, "/settings"},
	} {
		t.Run(name, func(t *testing.T) {
			res := serve(t, tt.app, request(http.MethodGet, tt.path, corsa.HeaderOrigin, appOrigin))
			checkCORS(t, res.header, allowedActual, "Origin")
		})
	}
}

func TestFromMiddlewareFollowsReconfigure(t *testing.T) {
	m, err := corsa.NewMiddleware(testPolicy)
	if err != nil {
		t.Fatal(err)
	}
	apps := map[string]*fiber.App{
		"on the first app":  newApp(corsafiber.FromMiddleware(m)),
		"on the second app": newApp(corsafiber.FromMiddleware(m)),
	}
	moved := testPolicy
	moved.Origins = []string{otherOrigin}
	if err := m.Reconfigure(moved); err != nil {
		t.Fatal(err)
	}
	movedActual := map[string]string{
		corsa.HeaderAllowOrigin:      otherOrigin,
		corsa.HeaderAllowCredentials: "true",
		corsa.HeaderExposeHeaders:    "X-Total-Count",
	}
	for where, app := range apps {
		t.Run("the newly listed origin is allowed "+where, func(t *testing.T) {
			res := serve(t, app, request(http.MethodGet, "/items", corsa.HeaderOrigin, otherOrigin))
			checkCORS(t, res.header, movedActual, "Origin")
		})
		t.Run("the origin no longer listed gets only Vary "+where, func(t *testing.T) {
			res := serve(t, app, request(http.MethodGet, "/items", corsa.HeaderOrigin, appOrigin))
			checkCORS(t, res.header, nil, "Origin")
		})
	}
}

func TestNewRefusesAnInvalidConfig(t *testing.T) {
	bad := corsafiber.Config{Origins: []string{"*"}, Credentials: true}
	t.Run("New returns the validation error and no middleware", func(t *testing.T) {
		h, err := corsafiber.New(bad)
		if !errors.Is(err, corsa.ErrWildcardWithCredentials) {
			t.Errorf("err = %v, want one wrapping %v", err, corsa.ErrWildcardWithCredentials)
		}
		if h != nil {
			t.Error("New returned a middleware with its error")
		}
	})
	t.Run("Must panics with the validation error", func(t *testing.T) {
		defer func() {
			err, _ := recover().(error)
			if !errors.Is(err, corsa.ErrWildcardWithCredentials) {
				t.Errorf("panic value = %v, want an error wrapping %v", err, corsa.ErrWildcardWithCredentials)
			}
		}()
		corsafiber.Must(bad)
	})
}
