// Package corsachi is the chi middleware for corsa, the CORS policy engine
// in github.com/corsa-go/corsa/core.
//
// Install it once, on the router, before registering routes:
//
//	r := chi.NewRouter()
//	r.Use(corsachi.Must(corsachi.Config{Origins: []string{"https://app.example.com"}}))
//
// New is the checked form for configurations read at run time; FromPolicy
// shares one compiled corsa.Policy between several routers, and
// FromMiddleware follows a corsa.Middleware whose policy can be replaced
// while serving (Middleware.Reconfigure).
//
// # Where to register it
//
// Mux.Use runs the middleware before chi routes the request, so preflights
// are answered for every path: for routes without an OPTIONS handler and
// for paths no route matches. A subrouter's Use covers the paths under its
// mount point the same way. Do not attach it to routes with With or inside
// Group: chi answers a preflight to such a route with 405 before the
// middleware runs. For a policy per Group, Route or mounted router, see
// "Different policies per path" below. Headers of actual requests are set
// before the handler runs, so they survive chi's 404 and 405 responses,
// errors and a panic recovered by middleware.Recoverer.
//
// # Vary and middleware that sets it
//
// Every response whose answer depends on Origin carries "Vary: Origin",
// added to any Vary already there. A handler, or middleware registered
// after corsa, that calls w.Header().Set("Vary", ...) wipes Origin, and
// corsa does not put it back: net/http gives a middleware no way to know
// whether the headers are sent without wrapping the ResponseWriter, which
// would cost an allocation on every request and hide the writer's
// optional interfaces (http.Flusher, http.Hijacker). chi's
// middleware.Compress adds to Vary and is safe anywhere. Otherwise:
//
//   - register middleware that sets Vary before corsa, so that corsa adds
//     to its Vary;
//   - in handlers, add to Vary (w.Header().Add("Vary", ...)) rather than
//     set it;
//   - register a response cache after corsa, so that corsa decides every
//     request, unless the cache keys on Origin as Vary says.
//
// # Different policies per path
//
// For different policies on different parts of the API, install one
// per-path middleware globally instead of one policy per Group, Route
// or mounted router:
//
//	r.Use(corsachi.MustPaths(map[string]corsachi.Config{
//		"/api":        {Origins: []string{"https://app.example"}, Credentials: true},
//		"/api/public": {Origins: []string{"*"}},
//	}))
//
// The longest prefix covering the request path picks the policy, segment
// by segment ("/api" covers "/api/users", not "/apix"); a path no prefix
// covers gets no CORS headers at all, not even Vary (add a "/" entry for a
// fallback). The path compared is the request's full URL.Path, also inside
// Route and Mount (and its raw form, on which chi routes, which must pick
// the same policy). NewPaths is the checked form, FromPaths serves a
// corsa.Paths that can be reconfigured while serving; see corsa.Paths for
// the paths that get no CORS under any prefix.
//
// # Installed twice
//
// If corsa is nevertheless installed twice, globally and on a Group, Route
// or mounted router, the global one runs first. It answers every
// preflight, and the group's middleware never sees one. For every other
// request the group's middleware decides alone: it removes the global
// grant (Access-Control-Allow-Origin, -Credentials, -Expose-Headers)
// before writing its own, so a request the group's policy refuses carries
// no grant, and Vary lists Origin twice, which is harmless. A preflighted
// request can therefore pass its preflight on the global policy and then
// be unreadable under the group's: use the per-path middleware instead.
//
// # Where chi differs from net/http
//
// Nowhere: chi routes net/http's own requests and responses, and
// corsachi only hands them to (*corsa.Policy).Handler or
// (*corsa.Middleware).Handler, so the responses are exactly those
// documented in the core package.
//
// # Other majors
//
// corsachi is tested with chi v5 (github.com/go-chi/chi/v5). It imports
// nothing of chi, since chi's middleware is net/http's
// func(http.Handler) http.Handler, so a later chi major that keeps that
// type needs no adapter module of its own.
package corsachi
