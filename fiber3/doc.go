// Package corsafiber3 is the fiber v3 (github.com/gofiber/fiber/v3)
// middleware for corsa, the CORS policy engine in
// github.com/corsa-go/corsa. It is a layer over corsafasthttp
// (github.com/corsa-go/corsa/fasthttp), whose Serve does the work on
// fiber's fasthttp request; that package's documentation says more.
//
// Install it once, on the app, before registering routes:
//
//	app := fiber.New()
//	app.Use(corsafiber3.Must(corsafiber3.Config{Origins: []string{"https://app.example.com"}}))
//
// New is the checked form for configurations read at run time. From
// serves any of corsa's holders: a *corsa.Policy shared by several apps, a
// *corsa.Middleware whose policy can be replaced while serving
// (Middleware.Reconfigure, Middleware.Watch), or *corsa.Paths. The
// middleware adds no allocation to a request.
//
// # Where to register it
//
// App.Use runs the middleware for every path, so preflights are answered
// for routes without an OPTIONS handler and for paths no route matches.
// Headers of actual requests are set before the next handler runs, so they
// survive errors such as fiber.ErrNotFound and panics recovered by fiber's
// recover middleware registered before this one.
//
// # Vary and middleware that sets it
//
// Every response whose answer depends on Origin carries "Vary: Origin",
// added to any Vary already there. When the handler, or middleware
// registered after corsa, replaces Vary (c.Set("Vary", ...)) or deletes
// it, corsa adds Origin back once they return, unless the response still
// lists Origin or "*". Code that runs after corsa returns, that is
// middleware registered before it that sets Vary after its own c.Next,
// and a custom ErrorHandler, can still wipe it: add to Vary there (c.Vary
// or c.Append) instead. Register a response cache after corsa, and keep it
// from replaying stored headers (fiber's cache middleware with
// StoreResponseHeaders hands the first request's
// Access-Control-Allow-Origin to requests from other origins).
//
// # Different policies per path
//
// Install one corsa.Paths globally instead of one policy per Group:
//
//	pp, err := corsa.NewPaths(map[string]corsa.Config{
//		"/api":        {Origins: []string{"https://app.example"}, Credentials: true},
//		"/api/public": {Origins: []string{"*"}},
//	})
//	if err != nil {
//		log.Fatal(err)
//	}
//	app.Use(corsafiber3.From(pp))
//
// The longest prefix covering c.Path() picks the policy, segment by
// segment; a path no prefix covers gets no CORS headers at all, not even
// Vary. fiber routes ignoring letter case unless Config.CaseSensitive is
// set, so a path whose policy would depend on letter case ("/API/items"
// under an "/api" prefix) gets no CORS at all, whatever the setting, while
// "/api/Users" gets /api's policy.
//
// # Installed twice
//
// If corsa is installed both with App.Use and on a Group, the global one
// answers every preflight, and the group's decides every other request in
// its group alone, removing the global grant first. A preflighted request
// can therefore pass its preflight on the global policy and then be
// unreadable under the group's: use a corsa.Paths instead.
//
// # Where fiber differs from net/http
//
// On what browsers send, the responses are those of corsa's net/http
// Handler: corsafasthttp trims tabs as net/http does, reads every Origin
// line, and every Access-Control-Request-Headers line. On input no browser
// sends, fasthttp and fiber answer before corsa runs, or differently.
// fiber v3 answers fasthttp's parse errors through its ErrorHandler after
// running the App.Use middleware on what was parsed, so corsa adds
// "Vary: Origin" to these refusals, and no Access-Control-Allow-Origin:
//
//   - A request header block larger than Config.ReadBufferSize (4096
//     bytes by default) is answered "431 Request Header Fields Too Large";
//     net/http reads up to 1 MB and corsa refuses the origin.
//   - A method fiber does not know (not in Config.RequestMethods), such as
//     "options" or "PURGE", is answered "501 Not Implemented" without
//     running any handler; net/http passes it on and corsa treats it as an
//     actual request.
//   - A control byte such as NUL or 0x01 in a header value is refused with
//     400 by both.
//   - "Origin :" (a space before the colon) is a malformed line to
//     net/http (400) and a header other than Origin to fasthttp, so the
//     request has no Origin and gets no CORS headers.
//   - An Origin folded onto a following line of blanks keeps a trailing
//     space on net/http, so no origin matches; fasthttp trims it.
//   - With Config.DisableHeaderNormalizing, corsa reads only the
//     canonical header spellings, which browsers send.
//
// # fasthttp versions
//
// fiber v3 requires fasthttp v1.69, whose parser answers the cases above;
// corsafasthttp itself works with fasthttp from v1.51 on.
//
// # Other majors
//
// For fiber v2 use github.com/corsa-go/corsa/fiber (package corsafiber).
// Where fiber v3 differs from fiber v2 for this middleware: handlers take
// the fiber.Ctx interface instead of *fiber.Ctx, and App.Test takes a
// fiber.TestConfig instead of a timeout in milliseconds; the middleware
// and its Config are the same, so moving from corsafiber to corsafiber3
// changes the import path and the package name only.
package corsafiber3
