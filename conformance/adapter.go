package conformance

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"

	corsa "github.com/corsa-go/corsa/core"
)

// Helpers for an adapter's own tests: see "An adapter's own tests" in the
// package documentation.

// Origins for AdapterPolicy.
const (
	// AppOrigin is the one origin AdapterPolicy allows.
	AppOrigin = "https://app.example"
	// OtherOrigin is an origin AdapterPolicy does not list.
	OtherOrigin = "https://other.example"
	// EvilOrigin is AppOrigin's host name extended into another domain, which
	// a policy matching origins by prefix would allow.
	EvilOrigin = "https://app.example.evil.test"
)

// AdapterPolicy returns a fresh policy whose allowed responses carry every
// header core/doc.go describes but Access-Control-Allow-Private-Network:
// AppOrigin with credentials, PUT and DELETE, the request headers
// Content-Type and X-Request-Id, the exposed header TotalCountHeader, and a
// max-age of 600 s.
func AdapterPolicy() corsa.Config {
	return corsa.Config{
		Origins:        []string{AppOrigin},
		Credentials:    true,
		Methods:        []string{http.MethodPut, http.MethodDelete},
		RequestHeaders: []string{"Content-Type", "X-Request-Id"},
		ExposedHeaders: []string{TotalCountHeader},
		MaxAge:         corsa.Seconds(600),
	}
}

// Preflight is a browser's preflight to path from origin, asking for
// method, with each element of requestHeaders on its own
// Access-Control-Request-Headers line (none when there are none).
func Preflight(origin, path, method string, requestHeaders ...string) Request {
	r := Request{Method: http.MethodOptions, Path: path, Header: [][2]string{
		{corsa.HeaderOrigin, origin},
		{corsa.HeaderRequestMethod, method},
	}}
	for _, line := range requestHeaders {
		r.Header = append(r.Header, [2]string{corsa.HeaderRequestHeaders, line})
	}
	return r
}

// Actual is a method request to path from origin, or without Origin when
// origin is empty.
func Actual(method, origin, path string) Request {
	r := Request{Method: method, Path: path}
	if origin != "" {
		r.Header = [][2]string{{corsa.HeaderOrigin, origin}}
	}
	return r
}

// AllowedPreflight is AdapterPolicy's answer to a Preflight from AppOrigin
// for a listed method and listed request headers: 204 with every preflight
// header, and no handler runs.
func AllowedPreflight() Want {
	return Want{
		Status: http.StatusNoContent,
		Headers: map[string]string{
			corsa.HeaderAllowOrigin:      AppOrigin,
			corsa.HeaderAllowCredentials: "true",
			corsa.HeaderAllowMethods:     "PUT, DELETE",
			corsa.HeaderAllowHeaders:     "Content-Type, X-Request-Id",
			corsa.HeaderMaxAge:           "600",
		},
		Vary: []string{corsa.HeaderOrigin, corsa.HeaderRequestMethod, corsa.HeaderRequestHeaders},
	}
}

// RefusedPreflight is AdapterPolicy's answer to a preflight it refuses: 403
// with no Access-Control-* header but the preflight Vary, and no handler
// runs.
func RefusedPreflight() Want {
	w := AllowedPreflight()
	w.Status, w.Headers = http.StatusForbidden, nil
	return w
}

// AllowedActual is AdapterPolicy's answer to an actual request from
// AppOrigin: the handler runs and answers 200, and the response carries the
// actual-request headers and Vary: Origin.
func AllowedActual() Want {
	return Want{
		Status: http.StatusOK,
		Headers: map[string]string{
			corsa.HeaderAllowOrigin:      AppOrigin,
			corsa.HeaderAllowCredentials: "true",
			corsa.HeaderExposeHeaders:    TotalCountHeader,
		},
		Vary:       []string{corsa.HeaderOrigin},
		NoVary:     []string{corsa.HeaderRequestMethod, corsa.HeaderRequestHeaders},
		HandlerRan: true,
	}
}

// RefusedActual is AdapterPolicy's answer to a request from an origin it
// does not list, or without Origin: the handler runs and answers 200, and
// the response gets only Vary: Origin.
func RefusedActual() Want {
	w := AllowedActual()
	w.Headers = nil
	return w
}

// Expect sends r through do (a Server.Do, such as Recorder's), reads the
// response, fails t with every problem Check finds, each naming r, and
// returns the body for checks of the test's own.
//
// Expect is for tests that write every handler and middleware themselves,
// so it is stricter than the suite about Vary: the response must carry
// exactly one Vary line, w.Vary joined with ", " in order, or none when
// w.Vary is empty.
func (w Want) Expect(t testing.TB, do func(*http.Request) (*http.Response, error), r Request) (body string) {
	t.Helper()
	resp, err := do(r.HTTP())
	if err != nil {
		t.Fatalf("%s: %v", r, err)
	}
	var b []byte
	if resp.Body != nil {
		b, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatalf("%s: reading the body: %v", r, err)
		}
	}
	problems := w.Check(resp, b)
	var vary []string
	if len(w.Vary) > 0 {
		vary = []string{strings.Join(w.Vary, ", ")}
	}
	if got := resp.Header.Values(corsa.HeaderVary); !slices.Equal(got, vary) {
		problems = append(problems, fmt.Sprintf("Vary lines %q, want exactly %q", got, vary))
	}
	for _, p := range problems {
		t.Errorf("%s: %s", r, p)
	}
	return string(b)
}

// CheckRefusesInvalidConfig checks an adapter's New and Must, whose
// middleware type M is the framework's own: on a policy with two problems,
// New returns both (joined) and no middleware, and Must panics with an
// error reporting the same problems.
func CheckRefusesInvalidConfig[M any](t *testing.T, newMiddleware func(corsa.Config) (M, error), must func(corsa.Config) M) {
	t.Helper()
	bad := corsa.Config{Origins: []string{"*"}, Credentials: true, MaxAge: corsa.Seconds(-1)}
	rules := []error{corsa.ErrWildcardWithCredentials, corsa.ErrMaxAge}
	t.Run("New returns every problem and no middleware", func(t *testing.T) {
		mw, err := newMiddleware(bad)
		if v := reflect.ValueOf(mw); v.IsValid() && !(v.Kind() == reflect.Func && v.IsNil()) {
			t.Errorf("New returned a middleware (%T) with its error", mw)
		}
		for _, rule := range rules {
			if !errors.Is(err, rule) {
				t.Errorf("error %v does not report %v", err, rule)
			}
		}
	})
	t.Run("Must panics with New's error", func(t *testing.T) {
		_, want := newMiddleware(bad)
		defer func() {
			got, _ := recover().(error)
			if got == nil || want == nil || got.Error() != want.Error() {
				t.Errorf("Must panicked with %v, want %v", got, want)
			}
			for _, rule := range rules {
				if !errors.Is(got, rule) {
					t.Errorf("panic value %v does not report %v", got, rule)
				}
			}
		}()
		must(bad)
	})
}

// CheckFollowsReconfigure checks an adapter's FromMiddleware: two servers,
// each built by serve around its own fromMiddleware(m) for one
// corsa.Middleware m, answer with m's current policy on every request,
// follow m.Reconfigure from the next request on, and keep the current
// policy when Reconfigure refuses a config. serve must route GET /items to
// a handler that runs (see HandlerHeader) and answers 200.
func CheckFollowsReconfigure[M any](t *testing.T, fromMiddleware func(*corsa.Middleware) M, serve func(M) func(*http.Request) (*http.Response, error)) {
	t.Helper()
	m, err := corsa.NewMiddleware(AdapterPolicy())
	if err != nil {
		t.Fatal(err)
	}
	servers := [...]func(*http.Request) (*http.Response, error){serve(fromMiddleware(m)), serve(fromMiddleware(m))}
	otherAllowed := AllowedActual()
	otherAllowed.Headers[corsa.HeaderAllowOrigin] = OtherOrigin
	expect := func(name string, w Want, origin string) {
		t.Helper()
		for i, do := range servers {
			t.Run(name+[...]string{" on the first server", " on the second server"}[i], func(t *testing.T) {
				w.Expect(t, do, Actual(http.MethodGet, origin, "/items"))
			})
		}
	}

	expect("the initial policy allows its origin", AllowedActual(), AppOrigin)
	expect("the initial policy refuses an origin it does not list", RefusedActual(), OtherOrigin)

	moved := AdapterPolicy()
	moved.Origins = []string{OtherOrigin}
	if err := m.Reconfigure(moved); err != nil {
		t.Fatal(err)
	}
	expect("after Reconfigure the newly listed origin is allowed", otherAllowed, OtherOrigin)
	expect("after Reconfigure the origin no longer listed is refused", RefusedActual(), AppOrigin)

	if err := m.Reconfigure(corsa.Config{Origins: []string{"https://*.com"}}); err == nil {
		t.Fatal("Reconfigure accepted an invalid config")
	}
	expect("a refused Reconfigure keeps the current policy", otherAllowed, OtherOrigin)
}
