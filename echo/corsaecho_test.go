package corsaecho_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	corsa "github.com/corsa-go/corsa/core"
	corsaecho "github.com/corsa-go/corsa/echo"
)

const (
	app  = "https://app.example"
	evil = "https://app.example.evil.test"
)

// policy exercises every header an allowed preflight or actual response can
// carry, so that each case checks all of them.
var policy = corsaecho.Config{
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

// handle marks that the handler ran, then returns err or answers 200.
func handle(err error) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set(handlerHeader, "ran")
		if err != nil {
			return err
		}
		return c.NoContent(http.StatusOK)
	}
}

// registrations are the two ways doc.go allows to install the middleware,
// each with echo's recovery outside it.
var registrations = []struct {
	name     string
	register func(e *echo.Echo, mw echo.MiddlewareFunc)
}{
	{"with e.Use", func(e *echo.Echo, mw echo.MiddlewareFunc) {
		e.Use(middleware.RecoverWithConfig(quietRecover), mw)
	}},
	{"with e.Pre", func(e *echo.Echo, mw echo.MiddlewareFunc) {
		e.Pre(middleware.RecoverWithConfig(quietRecover), mw)
	}},
}

var quietRecover = middleware.RecoverConfig{DisablePrintStack: true}

// newEcho registers mw with register and adds routes that end in each way
// an echo handler can end.
func newEcho(register func(*echo.Echo, echo.MiddlewareFunc), mw echo.MiddlewareFunc) *echo.Echo {
	e := echo.New()
	register(e, mw)
	e.GET("/items", handle(nil))
	e.OPTIONS("/options", handle(nil))
	e.GET("/missing", handle(echo.ErrNotFound))
	e.GET("/failing", handle(echo.NewHTTPError(http.StatusInternalServerError)))
	e.GET("/failing-plainly", handle(errors.New("not an HTTPError")))
	e.GET("/panicking", func(c echo.Context) error {
		c.Response().Header().Set(handlerHeader, "ran")
		panic("handler failed")
	})
	e.Group("/api").PUT("/things", handle(nil))
	return e
}

func TestMiddleware(t *testing.T) {
	mw, err := corsaecho.New(policy)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		req        *http.Request
		status     int
		want       http.Header
		handlerRan bool
	}{
		{"a preflight to a route without an OPTIONS handler is answered by the policy",
			preflight(app, "/items"), http.StatusNoContent, preflightAllowed, false},
		{"a preflight to a route with its own OPTIONS handler is answered by the policy alone",
			preflight(app, "/options"), http.StatusNoContent, preflightAllowed, false},
		{"a preflight to a route in a group is answered by the policy",
			preflight(app, "/api/things"), http.StatusNoContent, preflightAllowed, false},
		{"a preflight to an unknown path is answered by the policy",
			preflight(app, "/nowhere"), http.StatusNoContent, preflightAllowed, false},
		{"a preflight from a refused origin gets 403 and only Vary",
			preflight(evil, "/items"), http.StatusForbidden, preflightRefused, false},
		{"an actual request from an allowed origin gets the actual headers",
			actual(http.MethodGet, app, "/items"), http.StatusOK, actualAllowed, true},
		{"an actual request from a refused origin still runs the handler, with only Vary",
			actual(http.MethodGet, evil, "/items"), http.StatusOK, varyOriginOnly, true},
		{"a request without Origin gets only Vary",
			actual(http.MethodGet, "", "/items"), http.StatusOK, varyOriginOnly, true},
		{"an OPTIONS request without Access-Control-Request-Method reaches the OPTIONS handler",
			actual(http.MethodOptions, app, "/options"), http.StatusOK, actualAllowed, true},
		{"an OPTIONS request without Access-Control-Request-Method gets echo's own answer elsewhere",
			actual(http.MethodOptions, app, "/items"), http.StatusNoContent, actualAllowed, false},
		{"the headers survive a handler returning echo.ErrNotFound",
			actual(http.MethodGet, app, "/missing"), http.StatusNotFound, actualAllowed, true},
		{"the headers survive a handler returning a 500 *echo.HTTPError",
			actual(http.MethodGet, app, "/failing"), http.StatusInternalServerError, actualAllowed, true},
		{"the headers survive a handler returning a plain error",
			actual(http.MethodGet, app, "/failing-plainly"), http.StatusInternalServerError, actualAllowed, true},
		{"the headers survive a panic recovered by middleware.Recover",
			actual(http.MethodGet, app, "/panicking"), http.StatusInternalServerError, actualAllowed, true},
		{"the headers survive echo's own 404 for an unknown path",
			actual(http.MethodGet, app, "/nowhere"), http.StatusNotFound, actualAllowed, false},
		{"the headers survive echo's own 405",
			actual(http.MethodDelete, app, "/items"), http.StatusMethodNotAllowed, actualAllowed, false},
	}
	for _, reg := range registrations {
		for _, tt := range tests {
			t.Run(reg.name+", "+tt.name, func(t *testing.T) {
				w := serve(newEcho(reg.register, mw), tt.req)
				checkResponse(t, w, tt.status, tt.want, tt.handlerRan)
			})
		}
	}
}

func TestNewRefusesInvalidConfig(t *testing.T) {
	bad := corsaecho.Config{Origins: []string{"*"}, Credentials: true, MaxAge: corsa.Seconds(-1)}
	t.Run("New returns every problem and no middleware", func(t *testing.T) {
		mw, err := corsaecho.New(bad)
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
		_, want := corsaecho.New(bad)
		defer func() {
			got, _ := recover().(error)
			if got == nil || got.Error() != want.Error() {
				t.Errorf("Must panicked with %v, want %v", got, want)
			}
		}()
		corsaecho.Must(bad)
	})
}

func TestGroups(t *testing.T) {
	e := echo.New()
	e.GET("/public", handle(nil))
	api := e.Group("/api", corsaecho.Must(policy))
	api.GET("/things", handle(nil))

	tests := []struct {
		name       string
		req        *http.Request
		status     int
		want       http.Header
		handlerRan bool
	}{
		{"a group's middleware decorates that group's responses",
			actual(http.MethodGet, app, "/api/things"), http.StatusOK, actualAllowed, true},
		{"a group's middleware answers preflights to the group's routes without an OPTIONS handler",
			preflight(app, "/api/things"), http.StatusNoContent, preflightAllowed, false},
		{"a group's middleware answers preflights to unknown paths under the group",
			preflight(app, "/api/nowhere"), http.StatusNoContent, preflightAllowed, false},
		{"a group's middleware leaves routes outside the group alone",
			actual(http.MethodGet, app, "/public"), http.StatusOK, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkResponse(t, serve(e, tt.req), tt.status, tt.want, tt.handlerRan)
		})
	}
}

func TestFromMiddleware(t *testing.T) {
	const other = "https://other.example"
	m, err := corsa.NewMiddleware(policy)
	if err != nil {
		t.Fatal(err)
	}
	e := newEcho(registrations[0].register, corsaecho.FromMiddleware(m))
	otherAllowed := actualAllowed.Clone()
	otherAllowed.Set(corsa.HeaderAllowOrigin, other)

	t.Run("the initial policy refuses an origin it does not list", func(t *testing.T) {
		checkResponse(t, serve(e, actual(http.MethodGet, other, "/items")), http.StatusOK, varyOriginOnly, true)
	})
	t.Run("Reconfigure takes effect on the next request", func(t *testing.T) {
		next := policy
		next.Origins = []string{other}
		if err := m.Reconfigure(next); err != nil {
			t.Fatal(err)
		}
		checkResponse(t, serve(e, actual(http.MethodGet, other, "/items")), http.StatusOK, otherAllowed, true)
	})
	t.Run("the previous origins are no longer allowed", func(t *testing.T) {
		checkResponse(t, serve(e, actual(http.MethodGet, app, "/items")), http.StatusOK, varyOriginOnly, true)
	})
	t.Run("an invalid Reconfigure keeps the current policy", func(t *testing.T) {
		if err := m.Reconfigure(corsaecho.Config{Origins: []string{"https://*.com"}}); err == nil {
			t.Fatal("Reconfigure accepted an invalid config")
		}
		checkResponse(t, serve(e, actual(http.MethodGet, other, "/items")), http.StatusOK, otherAllowed, true)
	})
}

func TestFromPolicySharedByTwoInstances(t *testing.T) {
	p, err := corsa.New(policy)
	if err != nil {
		t.Fatal(err)
	}
	for _, reg := range registrations {
		e := newEcho(reg.register, corsaecho.FromPolicy(p))
		t.Run("an instance "+reg.name+" answers preflights with the shared policy", func(t *testing.T) {
			checkResponse(t, serve(e, preflight(app, "/items")), http.StatusNoContent, preflightAllowed, false)
		})
		t.Run("an instance "+reg.name+" decorates actual responses with the shared policy", func(t *testing.T) {
			checkResponse(t, serve(e, actual(http.MethodGet, app, "/items")), http.StatusOK, actualAllowed, true)
		})
	}
}
