package adaptertest

// The typical app every adapter serves (TypicalApp), built with the
// framework's own routes, group, errors and recovery, and the requests it
// gets with their exact answers (AppCases).

import (
	"net/http"
	"slices"
	"testing"

	"github.com/corsa-go/corsa/conformance"
)

// The routes of TypicalApp. Every handler marks the response
// (conformance.HandlerHeader) and then:
const (
	AppItems     = "/items"      // GET: answers 200; no OPTIONS handler
	AppOptions   = "/options"    // OPTIONS: answers 200
	AppGroup     = "/api/things" // GET, registered through a group (or subrouter): answers 200
	AppMissing   = "/missing"    // GET: ends in 404 the framework's way (a returned error, an abort)
	AppFailing   = "/failing"    // GET: ends in 500 the framework's way
	AppPanicking = "/panicking"  // GET: panics
	AppOwnCORS   = "/own-cors"   // GET: sets Access-Control-Allow-Origin: * itself, answers 200
	AppNowhere   = "/nowhere"    // no route
)

// TypicalApp is the app AppCases are sent to: mw on the whole app, inside
// the framework's panic recovery, in front of the App routes.
func TypicalApp[M any](mw M) App[M] {
	const get = http.MethodGet
	ownCORS := Respond(get, AppOwnCORS, http.StatusOK)
	ownCORS.Set = [][2]string{{"Access-Control-Allow-Origin", "*"}}
	return App[M]{
		Use: []M{mw},
		Routes: []Route{
			Respond(get, AppItems, http.StatusOK),
			Respond(http.MethodOptions, AppOptions, http.StatusOK),
			Respond(get, AppMissing, http.StatusNotFound),
			Respond(get, AppFailing, http.StatusInternalServerError),
			{Route: conformance.Route{Path: AppPanicking, Methods: []string{get}, Panics: true}},
			ownCORS,
		},
		Groups: []Group[M]{{Prefix: "/api", Routes: []Route{Respond(get, "/things", http.StatusOK)}}}, // AppGroup
	}
}

// AppCase is a request to the app and its exact answer.
type AppCase struct {
	Name string
	Req  conformance.Request
	// Want is the status, whether the handler ran, the headers and the
	// Vary tokens.
	Want conformance.Want
}

// AppCases are the requests every adapter's TestMiddleware sends to its
// app: preflights answered or refused by the policy wherever they go, and
// actual requests whose headers survive every way the framework ends one.
// An adapter appends the cases only its framework has (a 405 it sends,
// what it answers to OPTIONS without a route).
func AppCases() []AppCase {
	const app, other = conformance.AppOrigin, conformance.OtherOrigin
	preflight := func(origin, path, method string, acrh ...string) conformance.Request {
		return Preflight(origin, path, method, acrh...)
	}
	get := func(path string, origins ...string) conformance.Request {
		r := conformance.Request{Method: http.MethodGet, Path: path}
		for _, o := range origins {
			r.Header = append(r.Header, [2]string{"Origin", o})
		}
		return r
	}
	allowed := func(status int) conformance.Want {
		w := AllowedPreflight()
		w.Status = status
		return w
	}
	refused := RefusedPreflight()
	actual := func(status int, ran bool) conformance.Want {
		w := AllowedActual()
		w.Status, w.HandlerRan = status, ran
		return w
	}
	onlyVary := RefusedActual()
	return []AppCase{
		{"a preflight to a route without an OPTIONS handler is answered by the policy",
			preflight(app, AppItems, "PUT", "content-type"), allowed(http.StatusNoContent)},
		{"a preflight to a route with its own OPTIONS handler is answered by the policy alone",
			preflight(app, AppOptions, "PUT", "content-type"), allowed(http.StatusNoContent)},
		{"a preflight to a route in a group is answered by the policy",
			preflight(app, AppGroup, "PUT", "content-type"), allowed(http.StatusNoContent)},
		{"a preflight to an unknown path is answered by the policy",
			preflight(app, AppNowhere, "DELETE", "content-type"), allowed(http.StatusNoContent)},
		{"a preflight listing its headers over several lines is checked on all of them",
			preflight(app, AppItems, "PUT", "content-type", "x-request-id"), allowed(http.StatusNoContent)},
		{"a preflight with a refused header on its second line is refused with 403",
			preflight(app, AppItems, "PUT", "content-type", "x-secret"), refused},
		{"a preflight for a method the policy does not list is refused with 403",
			preflight(app, AppItems, "PATCH"), refused},
		{"a preflight from an origin the policy does not list is refused with 403",
			preflight(other, AppItems, "PUT"), refused},
		{"a preflight with two Origin lines is refused with 403",
			conformance.Request{Method: http.MethodOptions, Path: AppItems, Header: [][2]string{
				{"Origin", app}, {"Origin", other}, {"Access-Control-Request-Method", "PUT"}}},
			refused},
		{"an allowed GET runs the handler with the actual headers",
			get(AppItems, app), actual(http.StatusOK, true)},
		{"a GET from an origin the policy does not list runs the handler with only Vary",
			get(AppItems, other), onlyVary},
		{"a GET without Origin runs the handler with only Vary",
			get(AppItems), onlyVary},
		{"a GET with two Origin lines runs the handler with only Vary",
			get(AppItems, app, app), onlyVary},
		{"an OPTIONS request without Access-Control-Request-Method runs the OPTIONS handler",
			Actual(http.MethodOptions, app, AppOptions), actual(http.StatusOK, true)},
		{"a GET to a route in a group gets the actual headers",
			get(AppGroup, app), actual(http.StatusOK, true)},
		{"the framework's own 404 for an unknown path keeps the actual headers",
			get(AppNowhere, app), actual(http.StatusNotFound, false)},
		{"a handler ending in 404 keeps the actual headers",
			get(AppMissing, app), actual(http.StatusNotFound, true)},
		{"a handler ending in 500 keeps the actual headers",
			get(AppFailing, app), actual(http.StatusInternalServerError, true)},
		{"a panic recovered outside corsa keeps the actual headers",
			get(AppPanicking, app), actual(http.StatusInternalServerError, true)},
	}
}

// RunAppCases sends each case through do and checks its answer with
// Expect; corsa's answer to a preflight (one whose Want has the preflight
// Vary) must have no body.
func RunAppCases(t *testing.T, do Do, cases []AppCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			body := Expect(t, do, tc.Req, tc.Want)
			if slices.Contains(tc.Want.Vary, "Access-Control-Request-Method") && body != "" {
				t.Errorf("body = %q, want none", body)
			}
		})
	}
}
