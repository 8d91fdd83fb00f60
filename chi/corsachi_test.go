package corsachi_test

import (
	"errors"
	"net/http"
	"testing"

	corsachi "github.com/corsa-go/corsa/chi"
	corsa "github.com/corsa-go/corsa/core"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

// newRouter is a typical chi application: logging and panic recovery
// outside the CORS middleware, then routes, a subrouter and an OPTIONS
// route.
func newRouter(cors func(http.Handler) http.Handler) *chi.Mux {
	r := chi.NewRouter()
	r.Use(middleware.RequestLogger(quietLog{}), middleware.Recoverer)
	r.Use(cors)
	r.Get("/items", markRan)
	r.Post("/items", markRan)
	r.Options("/opts", markRan)
	r.Get("/panic", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set(handlerHeader, "ran")
		panic("boom")
	})
	r.Route("/api", func(r chi.Router) {
		r.Get("/users", markRan)
	})
	return r
}

func TestMiddleware(t *testing.T) {
	router := newRouter(corsachi.Must(testPolicy))
	preflight := func(path, method string) *http.Request {
		return request(http.MethodOptions, path,
			corsa.HeaderOrigin, appOrigin,
			corsa.HeaderRequestMethod, method,
			corsa.HeaderRequestHeaders, "content-type,x-request-id")
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
			req:    preflight("/items", "PUT"),
			status: http.StatusNoContent, emptyBody: true, want: allowedPreflight, vary: []string{preflightVary},
		},
		{
			name:   "a preflight to an unknown path is answered by the policy",
			req:    preflight("/nowhere", "DELETE"),
			status: http.StatusNoContent, emptyBody: true, want: allowedPreflight, vary: []string{preflightVary},
		},
		{
			name:   "a preflight to a subrouter's route is answered by the policy",
			req:    preflight("/api/users", "PUT"),
			status: http.StatusNoContent, emptyBody: true, want: allowedPreflight, vary: []string{preflightVary},
		},
		{
			name:   "a preflight for a method the policy does not list is refused with 403",
			req:    preflight("/items", "PATCH"),
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
			name:   "a subrouter's route gets the actual headers",
			req:    request(http.MethodGet, "/api/users", corsa.HeaderOrigin, appOrigin),
			status: http.StatusOK, handlerRan: true, want: allowedActual, vary: []string{"Origin"},
		},
		{
			name:   "chi's 404 for an unknown path keeps the actual headers",
			req:    request(http.MethodGet, "/nowhere", corsa.HeaderOrigin, appOrigin),
			status: http.StatusNotFound, want: allowedActual, vary: []string{"Origin"},
		},
		{
			name:   "chi's 405 for a method without a route keeps the actual headers",
			req:    request(http.MethodDelete, "/items", corsa.HeaderOrigin, appOrigin),
			status: http.StatusMethodNotAllowed, want: allowedActual, vary: []string{"Origin"},
		},
		{
			name:   "a panic recovered by middleware.Recoverer keeps the actual headers",
			req:    request(http.MethodGet, "/panic", corsa.HeaderOrigin, appOrigin),
			status: http.StatusInternalServerError, handlerRan: true, want: allowedActual, vary: []string{"Origin"},
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
			w := serve(router, tt.req)
			if w.Code != tt.status {
				t.Errorf("status = %d, want %d", w.Code, tt.status)
			}
			if ran := w.Header().Get(handlerHeader) == "ran"; ran != tt.handlerRan {
				t.Errorf("handler ran = %t, want %t", ran, tt.handlerRan)
			}
			if tt.emptyBody && w.Body.Len() > 0 {
				t.Errorf("body = %q, want none", w.Body)
			}
			checkCORS(t, w.Header(), tt.want, tt.vary...)
		})
	}
}

func TestFromPolicyServesOnePolicyOnTwoRouters(t *testing.T) {
	p, err := corsa.New(testPolicy)
	if err != nil {
		t.Fatal(err)
	}
	public, admin := newRouter(corsachi.FromPolicy(p)), chi.NewRouter()
	admin.Use(corsachi.FromPolicy(p))
	admin.Get("/settings", markRan)
	for name, tt := range map[string]struct {
		router http.Handler
		path   string
	}{
		"the first router answers with the policy":  {public, "/items"},
		"the second router answers with the policy": {admin, "/settings"},
	} {
		t.Run(name, func(t *testing.T) {
			w := serve(tt.router, request(http.MethodGet, tt.path, corsa.HeaderOrigin, appOrigin))
			checkCORS(t, w.Header(), allowedActual, "Origin")
		})
	}
}

func TestFromMiddlewareFollowsReconfigure(t *testing.T) {
	m, err := corsa.NewMiddleware(testPolicy)
	if err != nil {
		t.Fatal(err)
	}
	routers := map[string]http.Handler{
		"on the first router":  newRouter(corsachi.FromMiddleware(m)),
		"on the second router": newRouter(corsachi.FromMiddleware(m)),
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
	for where, router := range routers {
		t.Run("the newly listed origin is allowed "+where, func(t *testing.T) {
			w := serve(router, request(http.MethodGet, "/items", corsa.HeaderOrigin, otherOrigin))
			checkCORS(t, w.Header(), movedActual, "Origin")
		})
		t.Run("the origin no longer listed gets only Vary "+where, func(t *testing.T) {
			w := serve(router, request(http.MethodGet, "/items", corsa.HeaderOrigin, appOrigin))
			checkCORS(t, w.Header(), nil, "Origin")
		})
	}
}

func TestNewRefusesAnInvalidConfig(t *testing.T) {
	bad := corsachi.Config{Origins: []string{"*"}, Credentials: true}
	t.Run("New returns the validation error and no middleware", func(t *testing.T) {
		mw, err := corsachi.New(bad)
		if !errors.Is(err, corsa.ErrWildcardWithCredentials) {
			t.Errorf("err = %v, want one wrapping %v", err, corsa.ErrWildcardWithCredentials)
		}
		if mw != nil {
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
		corsachi.Must(bad)
	})
}
