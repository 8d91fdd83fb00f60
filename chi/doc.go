// Package corsachi is the chi middleware for corsa
// (github.com/corsa-go/corsa), the CORS policy engine. The responses it
// gives are the ones [SPEC.md] prescribes.
//
// Install it once, on the router, before registering routes:
//
//	r := chi.NewRouter()
//	r.Use(corsachi.Must(corsachi.Config{Origins: []string{"https://app.example.com"}}))
//
// New is the checked form, for configurations read at run time. From
// serves any of corsa's holders: a *corsa.Policy shared by several
// routers, a *corsa.Middleware whose policy can be replaced while serving,
// or a *corsa.Paths with a policy per path prefix.
//
// The middleware answers a preflight itself without calling the next
// handler. Every other request continues with its CORS headers already
// set, so they survive any status, chi's own 404 and 405, and a panic
// recovered by middleware.Recoverer registered before corsa.
//
// # Where to register it
//
// Mux.Use runs the middleware before chi routes the request, so preflights
// are answered for every path: routes without an OPTIONS handler and paths
// no route matches. A subrouter's Use (inside Route, or on a mounted
// router) covers every path under its mount point the same way.
//
// Not inside Group or With: they wrap only their routes' handlers, and chi
// answers a preflight to such a route with 405 before the middleware runs.
// For a policy per Group, Route or mounted router, see "Different policies
// per path".
//
// # Vary and middleware that sets it
//
// Every response whose answer depends on Origin carries "Vary: Origin",
// added to any Vary already there. A handler, or middleware registered
// after corsa, that calls w.Header().Set("Vary", ...) removes Origin, and
// corsa does not put it back: net/http tells a middleware whether the
// headers are sent only through a wrapped ResponseWriter, which would cost
// an allocation on every request and hide the writer's optional interfaces
// (http.Flusher, http.Hijacker). chi's middleware.Compress adds to Vary
// and is safe anywhere. Otherwise:
//
//   - register middleware that sets Vary before corsa;
//   - in handlers, add to Vary (w.Header().Add("Vary", ...));
//   - register a response cache after corsa, unless it keys on Origin.
//
// # Different policies per path
//
// For different policies on different parts of the API, install one
// corsa.Paths globally rather than a policy per Group, Route or mounted
// router:
//
//	paths, err := corsa.NewPaths(map[string]corsachi.Config{
//		"/api":        {Origins: []string{"https://app.example"}, Credentials: true},
//		"/api/public": {Origins: []string{"*"}},
//	})
//	if err != nil {
//		log.Fatal(err)
//	}
//	r.Use(corsachi.From(paths))
//
// The longest prefix covering the request's full URL.Path, also inside
// Route and Mount, picks the policy, segment by segment ("/api" covers
// "/api/users", not "/apix"); a path no prefix covers gets no CORS
// headers at all. chi routes on the raw (percent-encoded) path, which must
// pick the same policy. corsa.Paths lists the paths that get no CORS under
// any prefix.
//
// # Installed twice
//
// If corsa is installed both on the root router and on a subrouter, the
// root's middleware answers every preflight, so the subrouter's never sees
// one. For every other request under the subrouter, the subrouter's
// middleware decides alone: it removes the root's grant
// (Access-Control-Allow-Origin, -Credentials and -Expose-Headers) before
// writing its own, so a request it refuses, or one without Origin, carries
// no grant, and one it allows carries only its headers. A request can thus
// pass its preflight on the root's policy and then be unreadable under the
// subrouter's: prefer corsa.Paths.
//
// # Where chi differs from net/http
//
// Nowhere: chi's middleware is net/http's func(http.Handler) http.Handler,
// and From returns the holder's own net/http Handler method, so the
// responses are exactly those of corsa's net/http Handler.
//
// # Other majors
//
// corsachi is tested with chi v5 (github.com/go-chi/chi/v5). It imports
// nothing of chi, so a later chi major that keeps net/http's middleware
// type needs no adapter module of its own.
//
// [SPEC.md]: https://github.com/corsa-go/corsa/blob/main/SPEC.md
package corsachi
