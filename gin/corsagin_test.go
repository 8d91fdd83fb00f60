package corsagin_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"testing"

	"github.com/gin-gonic/gin"

	corsa "github.com/corsa-go/corsa/core"
	corsagin "github.com/corsa-go/corsa/gin"
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	os.Exit(m.Run())
}

const (
	app  = "https://app.example"
	evil = "https://app.example.evil.test"
)

// policy exercises every header an allowed preflight or actual response can
// carry, so that each case checks all of them.
var policy = corsagin.Config{
	Origins:        []string{app},
	Credentials:    true,
	Methods:        []string{"PUT", "DELETE"},
	RequestHeaders: []string{"Content-Type", "Authorization"},
	ExposedHeaders: []string{"X-Total-Count"},
	MaxAge:         corsa.Seconds(600),
}

// The exact headers core/doc.go promises for policy.
var (
	preflightVary    = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"
	preflightAllowed = http.Header{
		corsa.HeaderAllowOrigin:      {app},
		corsa.HeaderAllowCredentials: {"true"},
		corsa.HeaderAllowMethods:     {"PUT, DELETE"},
		corsa.HeaderAllowHeaders:     {"Content-Type, Authorization"},
		corsa.HeaderMaxAge:           {"600"},
		corsa.HeaderVary:             {preflightVary},
	}
	preflightRefused = http.Header{corsa.HeaderVary: {preflightVary}}
	actualAllowed    = http.Header{
		corsa.HeaderAllowOrigin:      {app},
		corsa.HeaderAllowCredentials: {"true"},
		corsa.HeaderExposeHeaders:    {"X-Total-Count"},
		corsa.HeaderVary:             {"Origin"},
	}
	varyOriginOnly = http.Header{corsa.HeaderVary: {"Origin"}}
)

// corsHeaders are the response headers corsa may write: a case lists the
// ones it expects, and each of the others must be absent.
var corsHeaders = []string{
	corsa.HeaderAllowOrigin, corsa.HeaderAllowCredentials, corsa.HeaderAllowMethods,
	corsa.HeaderAllowHeaders, corsa.HeaderExposeHeaders, corsa.HeaderMaxAge,
	corsa.HeaderAllowPrivateNetwork, corsa.HeaderVary,
}

const handlerHeader = "X-Handler"

func checkResponse(t *testing.T, w *httptest.ResponseRecorder, status int, want http.Header, handlerRan bool) {
	t.Helper()
	// The headers as sent with the status, not as the map stands after
	// the handler returns.
	sent := w.Result().Header
	if w.Code != status {
		t.Errorf("status = %d, want %d", w.Code, status)
	}
	for _, name := range corsHeaders {
		if got := sent[name]; !slices.Equal(got, want[name]) {
			t.Errorf("%s = %q, want %q", name, got, want[name])
		}
	}
	if ran := sent.Get(handlerHeader) != ""; ran != handlerRan {
		t.Errorf("handler ran = %v, want %v", ran, handlerRan)
	}
}

func preflight(origin, path string) *http.Request {
	r := httptest.NewRequest(http.MethodOptions, path, nil)
	r.Header.Set(corsa.HeaderOrigin, origin)
	r.Header.Set(corsa.HeaderRequestMethod, http.MethodPut)
	r.Header.Set(corsa.HeaderRequestHeaders, "content-type")
	return r
}

func actual(method, origin, path string) *http.Request {
	r := httptest.NewRequest(method, path, nil)
	if origin != "" {
		r.Header.Set(corsa.HeaderOrigin, origin)
	}
	return r
}

func serve(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// handle marks that the handler ran and answers status through gin's own
// calls: written for 2xx, aborted otherwise.
func handle(status int) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header(handlerHeader, "ran")
		if status >= 300 {
			c.AbortWithStatus(status)
			return
		}
		c.Status(status)
	}
}

// newEngine installs mw the way doc.go says to, globally before any route,
// with recovery outside it, and registers routes that end in each way a
// gin handler can end.
func newEngine(mw gin.HandlerFunc, handleMethodNotAllowed bool) *gin.Engine {
	r := gin.New()
	r.HandleMethodNotAllowed = handleMethodNotAllowed
	r.Use(gin.RecoveryWithWriter(io.Discard), mw)
	r.GET("/items", handle(http.StatusOK))
	r.OPTIONS("/options", handle(http.StatusOK))
	r.GET("/missing", handle(http.StatusNotFound))
	r.GET("/failing", handle(http.StatusInternalServerError))
	r.GET("/panicking", func(c *gin.Context) {
		c.Header(handlerHeader, "ran")
		panic("handler failed")
	})
	r.Group("/api").PUT("/things", handle(http.StatusOK))
	return r
}

func TestMiddleware(t *testing.T) {
	mw, err := corsagin.New(policy)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		hmna       bool // Engine.HandleMethodNotAllowed
		req        *http.Request
		status     int
		want       http.Header
		handlerRan bool
	}{
		{"a preflight to a route without an OPTIONS handler is answered by the policy",
			false, preflight(app, "/items"), http.StatusNoContent, preflightAllowed, false},
		{"a preflight to a route with its own OPTIONS handler is answered by the policy alone",
			false, preflight(app, "/options"), http.StatusNoContent, preflightAllowed, false},
		{"a preflight to a route in a group is answered by the policy",
			false, preflight(app, "/api/things"), http.StatusNoContent, preflightAllowed, false},
		{"a preflight to an unknown path is answered by the policy",
			false, preflight(app, "/nowhere"), http.StatusNoContent, preflightAllowed, false},
		{"a preflight is answered by the policy when the engine handles 405s",
			true, preflight(app, "/items"), http.StatusNoContent, preflightAllowed, false},
		{"a preflight from a refused origin gets 403 and only Vary",
			false, preflight(evil, "/items"), http.StatusForbidden, preflightRefused, false},
		{"an actual request from an allowed origin gets the actual headers",
			false, actual(http.MethodGet, app, "/items"), http.StatusOK, actualAllowed, true},
		{"an actual request from a refused origin still runs the handler, with only Vary",
			false, actual(http.MethodGet, evil, "/items"), http.StatusOK, varyOriginOnly, true},
		{"a request without Origin gets only Vary",
			false, actual(http.MethodGet, "", "/items"), http.StatusOK, varyOriginOnly, true},
		{"an OPTIONS request without Access-Control-Request-Method reaches the OPTIONS handler",
			false, actual(http.MethodOptions, app, "/options"), http.StatusOK, actualAllowed, true},
		{"an OPTIONS request without Access-Control-Request-Method gets gin's own 404 elsewhere",
			false, actual(http.MethodOptions, app, "/items"), http.StatusNotFound, actualAllowed, false},
		{"the headers survive a handler aborting with 404",
			false, actual(http.MethodGet, app, "/missing"), http.StatusNotFound, actualAllowed, true},
		{"the headers survive a handler aborting with 500",
			false, actual(http.MethodGet, app, "/failing"), http.StatusInternalServerError, actualAllowed, true},
		{"the headers survive a panic recovered by gin.Recovery",
			false, actual(http.MethodGet, app, "/panicking"), http.StatusInternalServerError, actualAllowed, true},
		{"the headers survive gin's own 404 for an unknown path",
			false, actual(http.MethodGet, app, "/nowhere"), http.StatusNotFound, actualAllowed, false},
		{"the headers survive gin's own 405",
			true, actual(http.MethodDelete, app, "/items"), http.StatusMethodNotAllowed, actualAllowed, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := serve(newEngine(mw, tt.hmna), tt.req)
			checkResponse(t, w, tt.status, tt.want, tt.handlerRan)
		})
	}
}

func TestNewRefusesInvalidConfig(t *testing.T) {
	bad := corsagin.Config{Origins: []string{"*"}, Credentials: true, MaxAge: corsa.Seconds(-1)}
	t.Run("New returns every problem and no middleware", func(t *testing.T) {
		mw, err := corsagin.New(bad)
		if mw != nil {
			t.Error("New returned a middleware for an invalid config")
		}
		for _, rule := range []error{corsa.ErrWildcardWithCredentials, corsa.ErrMaxAge} {
			if !errors.Is(err, rule) {
				t.Errorf("error %v does not report %v", err, rule)
			}
		}
	})
	t.Run("Must panics with New's error", func(t *testing.T) {
		_, want := corsagin.New(bad)
		defer func() {
			got, _ := recover().(error)
			if got == nil || got.Error() != want.Error() {
				t.Errorf("Must panicked with %v, want %v", got, want)
			}
		}()
		corsagin.Must(bad)
	})
}

func TestGroups(t *testing.T) {
	r := gin.New()
	r.GET("/public", handle(http.StatusOK))
	api := r.Group("/api", corsagin.Must(policy))
	api.GET("/things", handle(http.StatusOK))

	t.Run("a group's middleware decorates that group's responses", func(t *testing.T) {
		w := serve(r, actual(http.MethodGet, app, "/api/things"))
		checkResponse(t, w, http.StatusOK, actualAllowed, true)
	})
	t.Run("a group's middleware leaves routes outside the group alone", func(t *testing.T) {
		w := serve(r, actual(http.MethodGet, app, "/public"))
		checkResponse(t, w, http.StatusOK, nil, true)
	})
	// This is why doc.go asks for Engine.Use: gin routes a preflight to a
	// route without OPTIONS handler to NoRoute, which only runs the
	// engine's middleware.
	t.Run("a group's middleware never sees preflights to routes without an OPTIONS handler", func(t *testing.T) {
		w := serve(r, preflight(app, "/api/things"))
		checkResponse(t, w, http.StatusNotFound, nil, false)
	})
}

func TestFromMiddleware(t *testing.T) {
	const other = "https://other.example"
	m, err := corsa.NewMiddleware(policy)
	if err != nil {
		t.Fatal(err)
	}
	r := newEngine(corsagin.FromMiddleware(m), false)

	t.Run("the initial policy refuses an origin it does not list", func(t *testing.T) {
		checkResponse(t, serve(r, actual(http.MethodGet, other, "/items")), http.StatusOK, varyOriginOnly, true)
	})
	t.Run("Reconfigure takes effect on the next request", func(t *testing.T) {
		next := policy
		next.Origins = []string{other}
		if err := m.Reconfigure(next); err != nil {
			t.Fatal(err)
		}
		want := actualAllowed.Clone()
		want.Set(corsa.HeaderAllowOrigin, other)
		checkResponse(t, serve(r, actual(http.MethodGet, other, "/items")), http.StatusOK, want, true)
	})
	t.Run("the previous origins are no longer allowed", func(t *testing.T) {
		checkResponse(t, serve(r, actual(http.MethodGet, app, "/items")), http.StatusOK, varyOriginOnly, true)
	})
	t.Run("an invalid Reconfigure keeps the current policy", func(t *testing.T) {
		if err := m.Reconfigure(corsagin.Config{Origins: []string{"https://*.com"}}); err == nil {
			t.Fatal("Reconfigure accepted an invalid config")
		}
		want := actualAllowed.Clone()
		want.Set(corsa.HeaderAllowOrigin, other)
		checkResponse(t, serve(r, actual(http.MethodGet, other, "/items")), http.StatusOK, want, true)
	})
}

func TestFromPolicySharedByTwoEngines(t *testing.T) {
	p, err := corsa.New(policy)
	if err != nil {
		t.Fatal(err)
	}
	engines := map[string]*gin.Engine{
		"the first engine":  newEngine(corsagin.FromPolicy(p), false),
		"the second engine": newEngine(corsagin.FromPolicy(p), true),
	}
	for name, r := range engines {
		t.Run(name+" answers preflights with the shared policy", func(t *testing.T) {
			checkResponse(t, serve(r, preflight(app, "/items")), http.StatusNoContent, preflightAllowed, false)
		})
		t.Run(name+" decorates actual responses with the shared policy", func(t *testing.T) {
			checkResponse(t, serve(r, actual(http.MethodGet, app, "/items")), http.StatusOK, actualAllowed, true)
		})
	}
}
