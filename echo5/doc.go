// Package corsaecho5 is the echo v5 (github.com/labstack/echo/v5)
// middleware for corsa (github.com/corsa-go/corsa), the CORS policy
// engine. The responses it gives are the ones [SPEC.md] prescribes.
//
// Install it once, on the Echo instance:
//
//	e := echo.New()
//	e.Use(corsaecho5.Must(corsaecho5.Config{Origins: []string{"https://app.example"}}))
//
// New is the checked form, for configurations read at run time. From
// serves any of corsa's holders: a *corsa.Policy shared by several Echo
// instances, a *corsa.Middleware whose policy can be replaced while
// serving, or a *corsa.Paths with a policy per path prefix.
//
// The middleware answers a preflight itself (c.NoContent) without calling
// the next handler. Every other request continues with its CORS headers
// already set, so they survive a returned error, echo's own 404 and 405,
// and a panic recovered by middleware.Recover registered before corsa.
//
// # Where to register it
//
// e.Use is enough. Echo runs e.Use middleware after routing, around
// whatever the router found: a route's handler, or the handler echo
// substitutes for an unknown path (404), a method a path has no handler
// for (405) and an OPTIONS request to a path without an OPTIONS handler.
// Preflights to routes without an OPTIONS handler and to unknown paths are
// therefore answered, with no OPTIONS route to register.
//
// Use e.Pre instead, ahead of the others, when another Pre middleware can
// end a request before routing (middleware.HTTPSRedirect, a trailing-slash
// redirect): with e.Use, corsa never sees such a request.
//
// On a Group (e.Group("/api", mw) or Group.Use) the middleware answers
// preflights under the group's prefix too, since echo routes every path
// under it through the group's middleware. For a policy per group, see
// "Different policies per path".
//
// # Vary and middleware that sets it
//
// Every response whose answer depends on Origin carries "Vary: Origin",
// added to any Vary already there. A handler, or middleware registered
// after corsa, that calls c.Response().Header().Set("Vary", ...) removes
// Origin. If the response is not committed when the handler returns, as
// when it returns an error that echo's HTTPErrorHandler writes later, corsa
// adds Origin back, unless Vary still lists Origin or "*"; once the
// response is committed, the headers are sent. echo's middleware.Gzip adds
// to Vary and is safe anywhere. Otherwise:
//
//   - register middleware that sets Vary before corsa;
//   - in handlers, add to Vary (c.Response().Header().Add("Vary", ...));
//   - register a response cache after corsa, unless it keys on Origin.
//
// # Different policies per path
//
// For different policies on different parts of the API, install one
// corsa.Paths globally rather than a policy per Group:
//
//	paths, err := corsa.NewPaths(map[string]corsaecho5.Config{
//		"/api":        {Origins: []string{"https://app.example"}, Credentials: true},
//		"/api/public": {Origins: []string{"*"}},
//	})
//	if err != nil {
//		log.Fatal(err)
//	}
//	e.Use(corsaecho5.From(paths))
//
// The longest prefix covering the request's URL.Path picks the policy,
// segment by segment ("/api" covers "/api/users", not "/apix"); a path no
// prefix covers gets no CORS headers at all. echo routes on the raw
// (percent-encoded) path, which must pick the same policy. corsa.Paths
// lists the paths that get no CORS under any prefix.
//
// # Installed twice
//
// If corsa is installed both on the instance and on a Group, the
// instance's middleware answers every preflight, so the group's never sees
// one. For every other request in the group, the group's middleware
// decides alone: it removes the instance's grant
// (Access-Control-Allow-Origin, -Credentials and -Expose-Headers) before
// writing its own, so a request it refuses, or one without Origin, carries
// no grant, and one it allows carries only its headers. A request can thus
// pass its preflight on the instance's policy and then be unreadable under
// the group's: prefer corsa.Paths.
//
// # Where echo differs from net/http
//
// Nowhere corsa looks: echo hands the middleware net/http's *http.Request
// and the response's http.Header, so corsa reads the same values and
// writes the same headers as its net/http Handler. Only the order in which
// echo runs middleware, routes and writes differs, as the sections above
// say.
//
// # Other majors
//
// For echo v4 use github.com/corsa-go/corsa/echo (package corsaecho). The
// two take the same Config, have the same New, Must and From, and are
// registered in the same places, so moving between them changes the
// import path and the package name only.
//
// [SPEC.md]: https://github.com/corsa-go/corsa/blob/main/SPEC.md
package corsaecho5
