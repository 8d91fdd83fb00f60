// Package frameworks sets up, once, every web framework the corsa project
// measures and tests (net/http, chi, gin, echo v4 and v5, fasthttp, fiber
// v2 and v3), each bare or with one CORS middleware: corsa's adapter, the
// framework's usual CORS middleware (go-chi/cors, gin-contrib/cors, echo's
// middleware.CORSWithConfig, fiber's middleware/cors), rs/cors where it
// applies, or the hand-written floor of the benchmarks. The benchmark
// suite (package suite), corsa-serve, the scoreboard and the browser tests
// (conformance/browser) all build their servers here, so that a framework
// or a peer library is never set up twice.
//
// A Stack says what to build: the CORS middleware, the routes (the
// benchmarks' one route, the conformance suite's standard routes, or the
// caller's handlers), the framework's panic recovery, and a wrapper around
// the whole app. Each framework installs the middleware globally, as its
// documentation shows (Use, or wrapping the net/http mux), with its own
// calls, and registers the routes with its own handlers and error path.
// CORS.Front puts corsa in front of the whole app instead, the form
// recommended where the router answers some requests itself
// (Framework.Front: gin), as corsa-serve and the browser tests serve it;
// the benchmarks measure the adapters.
// The App it returns serves in memory (its handler, or Do) or on a
// listener (Serve, Start), with the framework's own server: net/http's,
// fasthttp's, or fiber's Listener.
//
// # Peer libraries
//
// A peer library's setup only translates a corsa.Config into the
// library's options; it never decides anything about CORS itself, so
// every difference the conformance suite and the browser tests find is the
// library's behaviour. When a library has no setting for part of a policy,
// Build returns a *CannotExpress error (wrapping
// conformance.ErrCannotExpress) instead of approximating it. When a
// library refuses a configuration (gin-contrib/cors and fiber panic, echo
// v5's ToMiddleware returns an error), Build returns that refusal as a
// plain error, which is what the conformance cases for configurations
// SPEC.md §5 forbids expect. The mapping, for every library:
//
//   - Origins are passed as written, including "*", subdomain patterns
//     ("https://*.example.com") and port patterns ("http://localhost:*"), to
//     the library's own wildcard support. A policy with no origins at all
//     (which allows none) is expressed through the library's origin
//     predicate hook returning false, because every library reads an empty
//     list as "any origin" or as a configuration error.
//   - Methods: GET, HEAD and POST are always allowed by a corsa policy.
//     Libraries that check the requested method against their list
//     (rs/cors, go-chi/cors) get those three plus the policy's methods.
//     Libraries that only copy their list into Access-Control-Allow-Methods
//     (gin-contrib/cors, echo, fiber) get the policy's methods, or GET,
//     HEAD, POST when it has none and their default would otherwise grant
//     more (echo, fiber).
//   - Request headers, exposed headers and credentials are passed as
//     written. An empty request-header list is passed empty even where the
//     library then applies a default that allows some headers (rs/cors,
//     go-chi/cors) or reflects whatever is asked for (echo, fiber): that is
//     what a user who configures no headers gets.
//   - MaxAge: nil means no header. A pointer to 0 ("send 0, disable
//     caching") uses the library's documented negative value where it has
//     one (rs/cors, echo, fiber).
//   - PreflightStatus 0 is corsa's default, 204. A library that always
//     sends one status is still configured for such a policy, and the
//     suite reports a status other than 204 as a failure; any other value
//     needs a library that can send exactly it, or the policy cannot be
//     expressed.
//   - DangerouslyAllowNullOrigin and DangerouslyAllowInsecureOrigins are
//     opt-ins for corsa's validator; the libraries validate nothing of the
//     kind, so they need no translation.
//
// What each library cannot express is said where it is set up (rs/cors in
// mapping.go, the others next to their framework). CORS.Readme sets a
// library up instead as its own README shows for allowing some origins:
// what a newcomer writes first.
//
// fasthttp and fiber read at most 4096 bytes of request header
// (fiber.DefaultReadBufferSize), which their Apps declare as a
// conformance quirk. fasthttp has no usual CORS middleware.
package frameworks
