// Package corsaecho5 is the echo v5 (github.com/labstack/echo/v5)
// middleware for corsa, the CORS policy engine in
// github.com/corsa-go/corsa/core.
//
// Install it once, on the Echo instance:
//
//	e := echo.New()
//	e.Use(corsaecho5.Must(corsaecho5.Config{Origins: []string{"https://app.example"}}))
//
// New is the checked form for configurations read at run time; FromPolicy
// shares one compiled corsa.Policy between several Echo instances, and
// FromMiddleware follows a corsa.Middleware whose policy can be replaced
// while serving (Middleware.Reconfigure).
//
// The middleware only translates: corsa.Policy decides, the middleware
// writes the decision's headers on the response and, for a preflight, ends
// the chain with c.NoContent and the decision's status. Every other request
// continues to the next handler with its CORS headers already set, so they
// survive a returned *echo.HTTPError or any other error, echo's own 404 and
// 405, and a panic recovered by middleware.Recover registered before it.
// The exact headers are listed in the core package's documentation.
//
// # Where to register it
//
// e.Use is enough. Echo runs e.Use middleware after routing, but around
// whatever the router found: a route's handler, and equally the handlers
// echo substitutes for an unknown path (404), a known path without the
// method (405) and an OPTIONS request to a path without an OPTIONS handler
// (echo's automatic 204 with Allow). Preflights to routes without an
// OPTIONS handler and to unknown paths are therefore answered by the
// policy, without registering any OPTIONS route.
//
// e.Pre works as well; use it, ahead of the others, when another Pre
// middleware can end a request before routing (middleware.HTTPSRedirect, a
// trailing-slash redirect): with e.Use, corsa never sees such a request.
// Echo allocates one closure per middleware per request, and e.Pre one
// more for routing, so prefer e.Use otherwise.
//
// A middleware on a Group (e.Group("/api", mw) or Group.Use) also answers
// preflights under the group's prefix, since echo then routes every path
// under it, known or not, through the group's middleware. Do not install
// it both with e.Use and on a Group (see "Installed twice" below); for a
// policy per group, see "Different policies per path".
//
// # Vary and middleware that sets it
//
// Every response whose answer depends on Origin carries "Vary: Origin",
// added to any Vary already there. A handler, or middleware registered
// after corsa, that calls c.Response().Header().Set("Vary", ...) wipes
// Origin. If the response is not committed when the handler returns, as
// when it returns an error that echo's HTTPErrorHandler writes later,
// corsa adds Origin back, unless the response still lists Origin or "*";
// an any-origin ("*") answer, which does not vary, gets none. Once the
// handler has written, the headers are sent and corsa cannot: a
// Response.Before hook would cost allocations on every request. echo's
// middleware.Gzip adds to Vary and is safe anywhere. Otherwise:
//
//   - register middleware that sets Vary before corsa, so that corsa adds
//     to its Vary;
//   - in handlers, add to Vary (c.Response().Header().Add("Vary", ...))
//     rather than set it;
//   - register a response cache after corsa, so that corsa decides every
//     request, unless the cache keys on Origin as Vary says.
//
// # Different policies per path
//
// For different policies on different parts of the API, install one
// per-path middleware globally instead of one policy per Group:
//
//	e.Use(corsaecho5.MustPaths(map[string]corsaecho5.Config{
//		"/api":        {Origins: []string{"https://app.example"}, Credentials: true},
//		"/api/public": {Origins: []string{"*"}},
//	}))
//
// The longest prefix covering the request path picks the policy, segment
// by segment ("/api" covers "/api/users", not "/apix"); a path no prefix
// covers gets no CORS headers at all, not even Vary (add a "/" entry for a
// fallback). The path compared is the request's URL.Path (and its raw
// form, on which echo routes, which must pick the same policy). NewPaths
// is the checked form, FromPaths serves a corsa.Paths that can be
// reconfigured while serving; see corsa.Paths for the paths that get no
// CORS under any prefix.
//
// # Installed twice
//
// If corsa is nevertheless installed twice, globally and on a Group, the
// global one runs first. It answers every preflight, and the group's
// middleware never sees one. For every other request the group's
// middleware decides alone: it removes the global grant
// (Access-Control-Allow-Origin, -Credentials, -Expose-Headers) before
// writing its own, so a request the group's policy refuses carries no
// grant, and Vary lists Origin twice, which is harmless. A preflighted
// request can therefore pass its preflight on the global policy and then
// be unreadable under the group's: use the per-path middleware instead.
//
// # Where echo differs from net/http
//
// Nowhere corsa looks: echo hands the middleware net/http's own
// *http.Request and the response's http.Header, which it passes as they
// are to Policy.SetHeaders, the call core's net/http Handler makes, so the
// policy reads the same values and writes the same headers as the Handler
// on every input. Only the order in which echo runs middleware,
// routes and writes differs, which the sections above cover.
//
// # Other majors
//
// For echo v4 use github.com/corsa-go/corsa/echo (package corsaecho).
// Where echo v5 differs from echo v4 for this middleware: handlers take
// *echo.Context (a struct) instead of the echo.Context interface,
// c.Response() is an http.ResponseWriter (echo.UnwrapResponse reaches
// echo's *Response and its Committed flag), and echo.NewHTTPError takes a
// message. The middleware, its Config and where to register it are the
// same, so moving from corsaecho to corsaecho5 changes the import path and
// the package name only.
package corsaecho5
