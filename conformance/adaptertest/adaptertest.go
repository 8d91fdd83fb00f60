// Package adaptertest is the kit a corsa framework adapter's own tests use,
// next to the conformance suite: what only a framework has (route groups,
// its own 404 and 405, one policy served by two apps, From with a
// corsa.Middleware or corsa.Paths that is reconfigured while serving, corsa
// installed twice) is tested on the adapter's own routes with the same
// strict checks as the suite.
//
// An adapter describes itself once, as an Adapter: its New, Must and From,
// and Serve and Bench, which build an App (routes, groups and where corsa
// is installed, in framework-neutral terms) with the framework's own calls
// (WithHandler writes both for a framework whose app is an http.Handler).
// Adapter.Run then runs every check the adapters share; Adapter.Harness is
// its conformance suite harness; Adapter.BenchmarkMiddleware and
// CheckMiddlewareAllocs are its benchmarks and allocation budget, skipped
// under -race through RaceEnabled.
//
// The rest is for the adapter's own tests. Policy is the policy to
// install; Preflight and Actual build requests; AllowedPreflight,
// RefusedPreflight, AllowedActual and RefusedActual are the responses
// SPEC.md §2 and §3 prescribe for them, byte for byte; Expect sends one
// request and reports every difference, RunAppCases a table of them.
// TypicalApp and AppCases are the typical app every adapter serves
// (app.go); GroupedApp, TwiceApp, the Paths cases and RunPaths the
// per-path checks (paths.go); CheckVary holds Vary to what the adapter's
// documentation says (vary.go); the parity kit is for a framework that
// parses HTTP itself (parity.go), and the hook check for one on fasthttp
// (fasthttp.go); Show prints an answer for an Example.
package adaptertest

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
)

// Policy returns a fresh policy whose allowed responses carry every header
// SPEC.md §2 and §3 describe but Access-Control-Allow-Private-Network:
// conformance.AppOrigin with credentials, PUT and DELETE, the request
// headers Content-Type and X-Request-Id, the exposed header
// conformance.TotalCountHeader, and a max-age of 600 s.
func Policy() corsa.Config {
	return corsa.Config{
		Origins:        []string{conformance.AppOrigin},
		Credentials:    true,
		Methods:        []string{http.MethodPut, http.MethodDelete},
		RequestHeaders: []string{"Content-Type", "X-Request-Id"},
		ExposedHeaders: []string{conformance.TotalCountHeader},
		MaxAge:         corsa.Seconds(600),
	}
}

// Preflight is a browser's preflight to path from origin, asking for
// method, with each element of requestHeaders on its own
// Access-Control-Request-Headers line (none when there are none).
func Preflight(origin, path, method string, requestHeaders ...string) conformance.Request {
	r := conformance.Request{Method: http.MethodOptions, Path: path, Header: [][2]string{
		{"Origin", origin},
		{"Access-Control-Request-Method", method},
	}}
	for _, line := range requestHeaders {
		r.Header = append(r.Header, [2]string{"Access-Control-Request-Headers", line})
	}
	return r
}

// Actual is a method request to path from origin, or without Origin when
// origin is empty.
func Actual(method, origin, path string) conformance.Request {
	r := conformance.Request{Method: method, Path: path}
	if origin != "" {
		r.Header = [][2]string{{"Origin", origin}}
	}
	return r
}

// AllowedPreflight is Policy's answer to a Preflight from conformance.AppOrigin
// for a listed method and listed request headers: 204 with every preflight
// header, and no handler runs.
func AllowedPreflight() conformance.Want {
	return conformance.Want{
		Status: http.StatusNoContent,
		Headers: map[string]string{
			"Access-Control-Allow-Origin":      conformance.AppOrigin,
			"Access-Control-Allow-Credentials": "true",
			"Access-Control-Allow-Methods":     "PUT, DELETE",
			"Access-Control-Allow-Headers":     "Content-Type, X-Request-Id",
			"Access-Control-Max-Age":           "600",
		},
		Vary: []string{"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"},
	}
}

// RefusedPreflight is Policy's answer to a preflight it refuses: 403
// with no Access-Control-* header but the preflight Vary, and no handler
// runs.
func RefusedPreflight() conformance.Want {
	w := AllowedPreflight()
	w.Status, w.Headers = http.StatusForbidden, nil
	return w
}

// AllowedActual is Policy's answer to an actual request from
// conformance.AppOrigin: the handler runs and answers 200, and the response carries the
// actual-request headers and Vary: Origin.
func AllowedActual() conformance.Want {
	return conformance.Want{
		Status: http.StatusOK,
		Headers: map[string]string{
			"Access-Control-Allow-Origin":      conformance.AppOrigin,
			"Access-Control-Allow-Credentials": "true",
			"Access-Control-Expose-Headers":    conformance.TotalCountHeader,
		},
		Vary:       []string{"Origin"},
		NoVary:     []string{"Access-Control-Request-Method", "Access-Control-Request-Headers"},
		HandlerRan: true,
	}
}

// AllowedActualWith is AllowedActual answered with status instead, by the
// handler or (handlerRan false) by the framework: its 404, 405, redirect
// or error handler keeps the actual-request headers all the same.
func AllowedActualWith(status int, handlerRan bool) conformance.Want {
	w := AllowedActual()
	w.Status, w.HandlerRan = status, handlerRan
	return w
}

// RefusedActual is Policy's answer to a request from an origin it
// does not list, or without Origin: the handler runs and answers 200, and
// the response gets only Vary: Origin.
func RefusedActual() conformance.Want {
	w := AllowedActual()
	w.Headers = nil
	return w
}

// Expect sends r through do (a conformance.Server.Do, such as
// conformance.Recorder's), reads the response, fails t with every problem
// w.Check finds, each naming r, and returns the body for checks of the
// test's own.
//
// Expect is for tests that write every handler and middleware themselves,
// so it is stricter than the suite about Vary: the response's Vary tokens
// (conformance.VaryTokens) must be exactly w.Vary, in order.
func Expect(t testing.TB, do Do, r conformance.Request, w conformance.Want) (body string) {
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
	if got := conformance.VaryTokens(resp.Header); !slices.EqualFunc(got, w.Vary, strings.EqualFold) {
		problems = append(problems, fmt.Sprintf("Vary %q, want exactly the tokens %q", resp.Header.Values("Vary"), w.Vary))
	}
	for _, p := range problems {
		t.Errorf("%s: %s", r, p)
	}
	return string(b)
}

// checkRefusesInvalidConfig checks an adapter's New and Must: on a policy
// with two problems, New returns both (joined) and no middleware, and Must
// panics with an error reporting the same problems.
func checkRefusesInvalidConfig[M any](t *testing.T, newMiddleware func(corsa.Config) (M, error), must func(corsa.Config) M) {
	t.Helper()
	bad := corsa.Config{Origins: []string{"*"}, Credentials: true, MaxAge: corsa.Seconds(-1)}
	rules := []string{"origins[0]", "maxAge"} // the fields of the two problems
	t.Run("New returns every problem and no middleware", func(t *testing.T) {
		mw, err := newMiddleware(bad)
		if v := reflect.ValueOf(mw); v.IsValid() && !(v.Kind() == reflect.Func && v.IsNil()) {
			t.Errorf("New returned a middleware (%T) with its error", mw)
		}
		for _, field := range rules {
			if !reportsField(err, field) {
				t.Errorf("error %v does not report %s", err, field)
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
			for _, field := range rules {
				if !reportsField(got, field) {
					t.Errorf("panic value %v does not report %s", got, field)
				}
			}
		}()
		must(bad)
	})
}

// checkFollowsReconfigure checks From with a corsa.Middleware: two apps,
// each TypicalApp around its own From(m) for one corsa.Middleware m, answer
// with m's current policy on every request, follow m.Reconfigure from the
// next request on, and keep the current policy when Reconfigure refuses a
// config.
func (a Adapter[M]) checkFollowsReconfigure(t *testing.T) {
	m, err := corsa.NewMiddleware(Policy())
	if err != nil {
		t.Fatal(err)
	}
	servers := [...]Do{a.Serve(t, TypicalApp(a.From(m))), a.Serve(t, TypicalApp(a.From(m)))}
	otherAllowed := AllowedActual()
	otherAllowed.Headers["Access-Control-Allow-Origin"] = conformance.OtherOrigin
	expect := func(name string, w conformance.Want, origin string) {
		t.Helper()
		for i, do := range servers {
			t.Run(name+[...]string{" on the first app", " on the second app"}[i], func(t *testing.T) {
				Expect(t, do, Actual(http.MethodGet, origin, AppItems), w)
			})
		}
	}

	expect("the initial policy allows its origin", AllowedActual(), conformance.AppOrigin)
	expect("the initial policy refuses an origin it does not list", RefusedActual(), conformance.OtherOrigin)

	moved := Policy()
	moved.Origins = []string{conformance.OtherOrigin}
	if err := m.Reconfigure(moved); err != nil {
		t.Fatal(err)
	}
	expect("after Reconfigure the newly listed origin is allowed", otherAllowed, conformance.OtherOrigin)
	expect("after Reconfigure the origin no longer listed is refused", RefusedActual(), conformance.AppOrigin)

	if err := m.Reconfigure(corsa.Config{Origins: []string{"https://*.com"}}); err == nil {
		t.Fatal("Reconfigure accepted an invalid config")
	}
	expect("a refused Reconfigure keeps the current policy", otherAllowed, conformance.OtherOrigin)
}

// reportsField reports whether err, as New joins its problems, holds a
// *corsa.ConfigError about field.
func reportsField(err error, field string) bool {
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return false
	}
	for _, e := range joined.Unwrap() {
		var ce *corsa.ConfigError
		if errors.As(e, &ce) && ce.Field == field {
			return true
		}
	}
	return false
}

// checkFromRefusesNil checks an adapter's From, named name: a nil source,
// as a constructor whose error was ignored returns, makes From panic when
// the app is built, naming the function and the type, rather than fail on
// every request.
func checkFromRefusesNil[M any](t *testing.T, name string, from func(corsa.Source) M) {
	t.Helper()
	var (
		p  *corsa.Policy
		m  *corsa.Middleware
		pp *corsa.Paths
	)
	for _, tt := range []struct {
		what string
		src  corsa.Source
	}{{"a nil *corsa.Policy", p}, {"a nil *corsa.Middleware", m}, {"a nil *corsa.Paths", pp}, {"a nil Source", nil}} {
		t.Run("From panics on "+tt.what, func(t *testing.T) {
			defer func() {
				msg := fmt.Sprint(recover())
				if !strings.HasPrefix(msg, name+": nil ") {
					t.Errorf("From panicked with %q, want a message starting %q", msg, name+": nil ")
				}
			}()
			from(tt.src)
		})
	}
}
