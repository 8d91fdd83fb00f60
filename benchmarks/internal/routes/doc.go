// Package routes registers the conformance suite's standard routes
// (conformance.Routes) on each framework the benchmarks module serves, with
// that framework's own calls: once for corsa-serve and for the peers'
// scoreboard harnesses, which must serve the same handlers.
//
// Every handler marks its response with conformance.HandlerHeader, then
// does what its Route says: 200 with the route's body, written by the
// handler; 404 or 500 through the framework's own error path; or a panic,
// for the framework's recovery middleware to turn into a 500. The
// handler's Vary line is added, never set, so that it sits next to what a
// CORS middleware wrote.
//
// net/http needs no helper: conformance.NewServeMux serves the same
// routes. The benchmark suite (package suite) serves one prepared request
// on one route instead, with a handler that records that it ran; it does
// not use these routes.
package routes
