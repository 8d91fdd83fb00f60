// Package corsafiber is the fiber v2 (github.com/gofiber/fiber/v2)
// middleware for corsa, the CORS policy engine in
// github.com/corsa-go/corsa/core.
//
// Install it once, on the app, before registering routes:
//
//	app := fiber.New()
//	app.Use(corsafiber.Must(corsafiber.Config{Origins: []string{"https://app.example.com"}}))
//
// New is the checked form for configurations read at run time; FromPolicy
// shares one compiled corsa.Policy between several apps, and
// FromMiddleware follows a corsa.Middleware whose policy can be replaced
// while serving (Middleware.Reconfigure).
//
// The middleware reads the request from fasthttp directly, without
// converting it to net/http or copying header values, and adds no
// allocation to a request. The headers it writes are those documented in
// the core package (github.com/corsa-go/corsa/core).
//
// # Where to register it
//
// App.Use runs the middleware for every path, so preflights are answered
// for routes without an OPTIONS handler and for paths no route matches.
// Headers of actual requests are set before the next handler runs, so they
// survive errors such as fiber.ErrNotFound and panics recovered by fiber's
// recover middleware registered before this one. For a policy per Group,
// see "Different policies per path" below.
//
// # Vary and middleware that sets it
//
// Every response whose answer depends on Origin carries "Vary: Origin",
// added to any Vary already there. fasthttp sends nothing before the
// handler returns, so when the handler, or middleware registered after
// corsa, replaces Vary (c.Set("Vary", ...)) or deletes it, corsa adds
// Origin back once they return, unless the response still lists Origin or
// "*"; an any-origin ("*") answer, which does not vary, gets none. Code
// that runs after corsa returns, that is middleware registered before it
// that sets Vary after its own c.Next, and a custom fiber ErrorHandler,
// can still wipe it: add to Vary there (c.Vary or c.Append, which keep
// what is there) or register such middleware after corsa. Register a
// response cache after corsa too, so that corsa decides every request, and
// keep it from replaying stored headers (fiber's cache middleware with
// StoreResponseHeaders sets them over corsa's, handing the first request's
// Access-Control-Allow-Origin to requests from other origins).
//
// # Different policies per path
//
// For different policies on different parts of the API, install one
// per-path middleware globally instead of one policy per Group:
//
//	app.Use(corsafiber.MustPaths(map[string]corsafiber.Config{
//		"/api":        {Origins: []string{"https://app.example"}, Credentials: true},
//		"/api/public": {Origins: []string{"*"}},
//	}))
//
// The longest prefix covering the request path picks the policy, segment
// by segment ("/api" covers "/api/users", not "/apix"); a path no prefix
// covers gets no CORS headers at all, not even Vary (add a "/" entry for a
// fallback). The path compared is c.Path(), as fiber routes it: ignoring
// letter case unless the app's Config.CaseSensitive is set. NewPaths is
// the checked form, FromPaths serves a corsa.Paths that can be
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
// # Where fiber differs from net/http
//
// On what browsers send, the responses are those of core's net/http
// Handler. A test sends the same raw bytes to both on 127.0.0.1 and checks
// that they agree; corsafiber trims spaces and tabs around the values it
// reads, as net/http does and fasthttp (spaces only) does not, and reads
// every Origin line, so that an empty first Origin line followed by a real
// one is a repeated Origin, refused, as on net/http. On input no browser
// sends, fasthttp and fiber differ from net/http before corsa runs:
//
//   - A request header block larger than fiber's Config.ReadBufferSize
//     (4096 bytes by default), such as a 5000-byte Origin, is answered
//     "431 Request Header Fields Too Large" without running any handler;
//     net/http reads up to 1 MB and corsa refuses the origin.
//   - A method fiber does not know (not in Config.RequestMethods, which
//     holds the standard methods in upper case), such as "options" or
//     "PURGE", is answered "400 Invalid http method" without running any
//     handler; net/http passes it on and corsa treats it as an actual
//     request.
//   - A control byte such as NUL or 0x01 in a header value is refused by
//     net/http with 400. fasthttp before v1.69 (fiber v2.52 requires
//     v1.51) accepts it, and corsa decides on the value as it is: an
//     Origin with such a byte matches nothing. From v1.69 on (selected when
//     your module also requires fiber v3) fasthttp refuses it with 400 too,
//     and reads "Origin : x", a space before the colon, as a header named
//     "Origin " where net/http answers 400.
//   - An Origin folded (obsolete line folding) onto a following line of
//     blanks keeps a trailing space on net/http, so no origin matches; on
//     fasthttp the blanks are trimmed and the origin before them is
//     decided on.
//   - With Config.DisableHeaderNormalizing, fasthttp looks header names up
//     as sent, so corsa reads only the canonical spellings (Origin,
//     Access-Control-Request-Method and so on), which browsers send: a
//     request with "origin:" is a request without Origin.
//
// # Other majors
//
// For fiber v3 use github.com/corsa-go/corsa/fiber3 (package corsafiber3).
// It takes the same Config and has the same constructors, so moving to it
// changes the import path and the package name only; its documentation
// lists what fiber v3 and its fasthttp change for this middleware.
package corsafiber
