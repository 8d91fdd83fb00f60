// Package conformance is corsa's one shared CORS conformance suite: a few
// hundred cases, written as data, that the core's net/http middleware, every
// framework adapter (chi, gin, echo, fiber) and, for the scoreboard, peer
// libraries all run against the same standard routes.
//
// # What the suite promises
//
// A middleware that passes every case behaves as SPEC.md §1–§7 and the
// response-header contract in the core's package documentation say:
//
//   - requests are classified as not CORS, preflight or actual exactly as
//     Fetch does (a plain OPTIONS without Access-Control-Request-Method is an
//     actual request and reaches its handler);
//   - a preflight is answered by the middleware, for any path (one with no
//     OPTIONS route, an unknown one), and its handler never runs; allowed
//     preflights get exactly the documented headers with exact values,
//     refused ones a 403 with no Access-Control-Allow-* header at all;
//   - an actual request always reaches its handler, its CORS headers survive
//     a 404 or 500 from the framework's error path and a recovered panic,
//     and a refused origin costs nothing but the missing headers;
//   - origins are matched byte for byte, patterns label by label, and every
//     attacker origin of SPEC.md §7 is refused by exact, subdomain and port
//     policies; "null" only when listed on purpose or covered by "*";
//   - Access-Control-Request-Headers is parsed as SPEC.md §4 says (case,
//     whitespace, empty elements, several lines) and hostile values are
//     refused;
//   - Vary is added to, never replaced, and every Access-Control-* header is
//     sent on exactly one line with one value (one Access-Control-Allow-Origin,
//     never a list);
//   - configuration SPEC.md §5 forbids is refused when the server is built.
//
// Expected values come from SPEC.md and the core's documentation, never from
// running the core. Every Access-Control-* response header is checked
// strictly: a case lists all of them, and any other must be absent.
//
// # Adding a harness for a new framework
//
// A Harness builds a fresh server for one case's policy. Register the
// standard routes (Routes lists them with what each handler does), install
// the CORS middleware globally, outermost except for the framework's panic
// recovery, and return a Server whose Do serves one request. Return the
// middleware's construction error unchanged: cases that expect a policy to
// be refused rely on it. For a framework built on net/http, Recorder and the
// Handle* functions do most of the work:
//
//	func TestConformance(t *testing.T) {
//		conformance.Run(t, func(cfg corsa.Config) (conformance.Server, error) {
//			mw, err := corsafoo.New(cfg) // the adapter under test
//			if err != nil {
//				return conformance.Server{}, err
//			}
//			r := foo.NewRouter()
//			r.Use(foo.Recovery(), mw) // recovery outside CORS
//			for _, rt := range conformance.Routes {
//				for _, m := range rt.Methods {
//					r.Handle(m, rt.Path, func(c *foo.Context) error {
//						c.SetHeader(conformance.HandlerHeader, conformance.HandlerRan)
//						switch {
//						case rt.Panics:
//							panic("on purpose")
//						case rt.Status != http.StatusOK:
//							return foo.NewHTTPError(rt.Status) // the framework's error path
//						}
//						if rt.SetTotalCount {
//							c.SetHeader(conformance.TotalCountHeader, conformance.TotalCount)
//						}
//						if rt.AddVary {
//							c.AddHeader("Vary", conformance.HandlerVary) // add, never set
//						}
//						return c.String(http.StatusOK, rt.Body)
//					})
//				}
//			}
//			return conformance.Server{Do: conformance.Recorder(r)}, nil
//		})
//	}
//
// A framework that is not an http.Handler serves Do its own way (fiber's
// app.Test, for instance) and declares what its transport cannot do in
// Quirks: a case that depends on it is skipped and names the quirk. See
// nethttp_test.go for the reference harness of the core middleware.
//
// A peer library that cannot express a policy at all returns an error
// wrapping ErrCannotExpress; Run skips the case and Score counts it apart.
// Score runs the same cases without a *testing.T and reports pass/fail per
// case, for the peer scoreboard in the benchmarks module.
//
// # An adapter's own tests
//
// What only a framework has (route groups, its own 404 and 405, one policy
// served by two routers, FromMiddleware with Reconfigure) is tested on the
// adapter's own routes, with the same strict checks: AdapterPolicy is the
// policy to install, Preflight and Actual build the requests,
// AllowedPreflight, RefusedPreflight, AllowedActual and RefusedActual are
// the responses core/doc.go prescribes, and Want.Expect sends one request
// and reports every difference. CheckRefusesInvalidConfig and
// CheckFollowsReconfigure are whole tests of New, Must and FromMiddleware
// that every adapter shares.
package conformance
