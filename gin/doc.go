// Package corsagin is the gin middleware for corsa, the CORS policy engine
// in github.com/corsa-go/corsa/core.
//
// Install it once, on the engine, before registering routes:
//
//	r := gin.New()
//	r.Use(corsagin.Must(corsagin.Config{Origins: []string{"https://app.example"}}))
//
// New is the checked form for configurations read at run time; FromPolicy
// shares one compiled corsa.Policy between several engines, and
// FromMiddleware follows a corsa.Middleware whose policy can be replaced
// while serving (Middleware.Reconfigure).
//
// The middleware only translates: corsa.Policy decides, the middleware
// writes the decision's headers on the response and, for a preflight, ends
// the chain with the decision's status (c.AbortWithStatus). Every other
// request continues to the handler with its CORS headers already set, so
// they survive c.AbortWithStatus(404) or (500), gin's own 404 and 405, and
// a panic recovered by gin.Recovery registered before it. The exact headers
// are listed in the core package's documentation.
//
// # Where to register it
//
// Use Engine.Use, and call it before registering routes: gin copies the
// engine's middleware into each route when the route is registered.
// Engine.Use also installs the middleware in the chains gin runs for
// unknown paths (NoRoute) and, with Engine.HandleMethodNotAllowed, for
// known paths without a handler for the method (NoMethod). Preflights to
// routes without an OPTIONS handler, or to unknown paths, are therefore
// answered by the policy without any setting or OPTIONS route; nothing
// needs enabling.
//
// A middleware on a RouterGroup does decorate that group's responses, but
// gin routes a preflight to a route without an OPTIONS handler to NoRoute,
// which only runs the engine's middleware: the preflight gets gin's 404
// and the browser blocks the request. Keep one middleware per engine; for
// a policy per group, see "Different policies per path" below.
//
// gin redirects a path that differs from a route by a trailing slash
// (Engine.RedirectTrailingSlash) before any middleware runs, so such a
// redirect carries no CORS headers. For OPTIONS this happens only when the
// application registers OPTIONS routes itself.
//
// # Vary and middleware that sets it
//
// Every response whose answer depends on Origin carries "Vary: Origin",
// added to any Vary already there. gin's c.Header replaces a header, so a
// handler, or middleware registered after corsa, that calls
// c.Header("Vary", ...) wipes Origin, as compression middleware commonly
// does. If nothing has been written when the chain returns (a handler that
// only sets a status, an error without a body), corsa adds Origin back
// before gin writes the headers, unless the response still lists Origin or
// "*"; an any-origin ("*") answer, which does not vary, gets none. Once the
// handler has written, the headers are sent and corsa cannot: noticing
// earlier would mean wrapping gin's ResponseWriter, an allocation on every
// request. So:
//
//   - register middleware that sets Vary, such as gzip, before corsa
//     (r.Use(gzipMiddleware, corsaMiddleware)), so that corsa adds to its
//     Vary;
//   - in handlers, add to Vary (c.Writer.Header().Add("Vary", ...)) rather
//     than c.Header;
//   - register a response cache after corsa, so that corsa decides every
//     request, unless the cache keys on Origin as Vary says.
//
// # Different policies per path
//
// For different policies on different parts of the API, install one
// per-path middleware globally instead of one policy per RouterGroup:
//
//	r.Use(corsagin.MustPaths(map[string]corsagin.Config{
//		"/api":        {Origins: []string{"https://app.example"}, Credentials: true},
//		"/api/public": {Origins: []string{"*"}},
//	}))
//
// The longest prefix covering the request path picks the policy, segment
// by segment ("/api" covers "/api/users", not "/apix"); a path no prefix
// covers gets no CORS headers at all, not even Vary (add a "/" entry for a
// fallback). The path compared is c.Request.URL.Path (and its raw form,
// which must pick the same policy). NewPaths is the checked form,
// FromPaths serves a corsa.Paths that can be reconfigured while serving;
// see corsa.Paths for the paths that get no CORS under any prefix.
//
// # Installed twice
//
// If corsa is nevertheless installed twice, globally and on a RouterGroup,
// the global one runs first. It answers every preflight, and the group's
// middleware never sees one. For every other request the group's
// middleware decides alone: it removes the global grant
// (Access-Control-Allow-Origin, -Credentials, -Expose-Headers) before
// writing its own, so a request the group's policy refuses carries no
// grant, and Vary lists Origin twice, which is harmless. A preflighted
// request can therefore pass its preflight on the global policy and then
// be unreadable under the group's: use the per-path middleware instead.
//
// # Where gin differs from net/http
//
// Nowhere corsa looks: gin hands the middleware net/http's own
// *http.Request and the response's http.Header, which it passes as they
// are to Policy.SetHeaders, the call core's net/http Handler makes, so the
// policy reads the same values and writes the same headers as the Handler
// on every input. Only the order in which gin runs middleware,
// routes and writes differs, which the sections above cover.
//
// # Other majors
//
// corsagin is for gin v1 (github.com/gin-gonic/gin), gin's only major so
// far. A later major would get an adapter module of its own beside this
// one, with the same Config and constructors, as echo v4 and v5 have.
package corsagin
