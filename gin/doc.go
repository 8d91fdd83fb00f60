// Package corsagin is the gin middleware for corsa
// (github.com/corsa-go/corsa), the CORS policy engine. The responses it
// gives are the ones [SPEC.md] prescribes.
//
// Install it once, on the engine, before registering routes:
//
//	r := gin.New()
//	r.Use(corsagin.Must(corsagin.Config{Origins: []string{"https://app.example"}}))
//
// New is the checked form, for configurations read at run time. From
// serves any of corsa's holders: a *corsa.Policy shared by several
// engines, a *corsa.Middleware whose policy can be replaced while serving,
// or a *corsa.Paths with a policy per path prefix.
//
// The middleware answers a preflight itself and ends the chain
// (c.AbortWithStatus). Every other request continues with its CORS headers
// already set, so they survive c.AbortWithStatus, gin's own 404 and 405,
// and a panic recovered by gin.Recovery registered before corsa.
//
// # Where to register it
//
// Use Engine.Use, before registering routes: gin copies the engine's
// middleware into each route when the route is registered. Engine.Use also
// puts corsa in the chains gin runs for unknown paths (NoRoute) and, with
// Engine.HandleMethodNotAllowed, for a method a path has no handler for
// (NoMethod), so preflights to routes without an OPTIONS handler and to
// unknown paths are answered with nothing else to set up.
//
// Not on a RouterGroup: gin routes a preflight to a route without an
// OPTIONS handler to NoRoute, which runs only the engine's middleware, so
// the preflight gets gin's 404. For a policy per group, see "Different
// policies per path".
//
// gin redirects a path that differs from a route by a trailing slash
// (Engine.RedirectTrailingSlash) before any middleware runs, so the
// redirect carries no CORS headers, and a browser fails the request. To
// cover it too, wrap the engine in corsa's net/http Handler instead:
// http.ListenAndServe(addr, policy.Handler(r)).
//
// # Vary and middleware that sets it
//
// Every response whose answer depends on Origin carries "Vary: Origin",
// added to any Vary already there. gin's c.Header replaces a header, so a
// handler, or middleware registered after corsa, that calls
// c.Header("Vary", ...) removes Origin. If nothing has been written when
// the chain returns, corsa adds Origin back, unless Vary still lists
// Origin or "*"; once a body is written, the headers are sent. So:
//
//   - register middleware that sets Vary, such as gzip, before corsa;
//   - in handlers, add to Vary (c.Writer.Header().Add("Vary", ...));
//   - register a response cache after corsa, unless it keys on Origin.
//
// # Different policies per path
//
// For different policies on different parts of the API, install one
// corsa.Paths globally rather than a policy per RouterGroup:
//
//	paths, err := corsa.NewPaths(map[string]corsagin.Config{
//		"/api":        {Origins: []string{"https://app.example"}, Credentials: true},
//		"/api/public": {Origins: []string{"*"}},
//	})
//	if err != nil {
//		log.Fatal(err)
//	}
//	r.Use(corsagin.From(paths))
//
// The longest prefix covering c.Request.URL.Path picks the policy, segment
// by segment ("/api" covers "/api/users", not "/apix"); a path no prefix
// covers gets no CORS headers at all. corsa.Paths lists the paths that get
// no CORS under any prefix.
//
// # Installed twice
//
// If corsa is installed both on the engine and on a RouterGroup, the
// engine's middleware answers every preflight, so the group's never sees
// one. For every other request in the group, the group's middleware
// decides alone: it removes the engine's grant
// (Access-Control-Allow-Origin, -Credentials and -Expose-Headers) before
// writing its own, so a request it refuses, or one without Origin, carries
// no grant, and one it allows carries only its headers. A request can thus
// pass its preflight on the engine's policy and then be unreadable under
// the group's: prefer corsa.Paths.
//
// # Where gin differs from net/http
//
// Nowhere corsa looks: gin hands the middleware net/http's *http.Request
// and the response's http.Header, so corsa reads the same values and
// writes the same headers as its net/http Handler. Only the order in which
// gin runs middleware, routes and writes differs, as the sections above
// say.
//
// # Other majors
//
// corsagin is for gin v1 (github.com/gin-gonic/gin). A later major would
// get an adapter module of its own beside this one, with the same Config,
// New, Must and From.
//
// [SPEC.md]: https://github.com/corsa-go/corsa/blob/main/SPEC.md
package corsagin
