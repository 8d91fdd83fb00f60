// Package conformance is corsa's CORS conformance suite: a few hundred
// cases, written as data, that corsa's net/http middleware, every corsa
// framework adapter and, for the peer scoreboard, other Go CORS libraries
// run against the same standard routes. Another library's author can run it
// too: write a Harness for your middleware and call Score (or Run, to hold
// it to corsa's exact answers).
//
// # What the suite promises
//
// A middleware that passes every case behaves as SPEC.md §1–§7 say, with
// corsa's exact response headers where SPEC.md marks a choice as corsa's:
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
// Expected values come from SPEC.md, never from running corsa. Every
// Access-Control-* response header is checked strictly: a case lists all of
// them, and any other must be absent. Vary is compared by tokens
// (VaryTokens), since handlers and frameworks add their own.
//
// # Tiers
//
// Every case has a Tier. TierBrowser cases send what a browser's Fetch can
// send and check an outcome the browser sees; TierConfig cases check that a
// forbidden configuration is refused; TierHardening cases send input no
// browser sends; TierCorsa cases check corsa's own choices where Fetch
// leaves the choice to the server (204, 403 on refusal, the full method
// list, spelling and order, Vary on preflights). Each case runs with the
// smallest policy that exercises it, so that a library lacking an unrelated
// feature (port patterns, a method wildcard) can still run it.
//
// Run holds a harness to every case's exact answer in every tier: corsa's
// adapters must pass all of them. Score runs the same cases for any other
// library and keeps each case's Result (the case, its tier, the response
// and its body), so that a report can count each tier on its own terms:
// for TierCorsa, and for exact-byte differences in a case whose browser
// outcome is the same, a difference is information, not a failure.
//
// # Writing a harness
//
// A Harness builds a fresh server for one case's policy. Register the
// standard routes (Routes lists them with what each handler does), install
// the CORS middleware globally, outermost except for the framework's panic
// recovery, and return a Server whose Do serves one request. Return the
// middleware's construction error unchanged: cases that expect a policy to
// be refused rely on it. A library that cannot express a policy at all
// returns an error wrapping ErrCannotExpress: Run skips the case, Score
// counts it apart. For net/http, a Route is its own handler:
//
//	func TestConformance(t *testing.T) {
//		conformance.Run(t, func(cfg corsa.Config) (conformance.Server, error) {
//			p, err := corsa.New(cfg) // the middleware under test
//			if err != nil {
//				return conformance.Server{}, err
//			}
//			mux := http.NewServeMux()
//			for _, rt := range conformance.Routes {
//				for _, m := range rt.Methods {
//					mux.Handle(m+" "+rt.Path, rt)
//				}
//			}
//			return conformance.Server{Do: conformance.Recorder(conformance.Recover(p.Handler(mux)))}, nil
//		})
//	}
//
// Another framework's handler for a Route is one call of Route.Serve with
// the framework's own calls: setting and adding a header, failing through
// its error path, writing a body. A framework that is not an http.Handler
// serves Do its own way (fiber's app.Test, for instance) and declares what
// its transport cannot do in Quirks: a case that depends on it is skipped
// and names the quirk.
//
// # Related packages
//
// conformance/adaptertest is the kit corsa's adapters use for their own
// tests (route groups, the framework's own 404 and 405, From with a
// corsa.Middleware or corsa.Paths reconfigured while serving, corsa
// installed twice). conformance/scenario is the one set of benchmark requests
// every adapter's benchmarks and the benchmarks module replay.
package conformance
