// Package corsafasthttp is the fasthttp (github.com/valyala/fasthttp)
// middleware for corsa, the CORS policy engine in
// github.com/corsa-go/corsa.
//
// Wrap the server's handler, router included, once:
//
//	cors := corsafasthttp.Must(corsafasthttp.Config{Origins: []string{"https://app.example.com"}})
//	server := &fasthttp.Server{Handler: cors(router.Handler)}
//
// New is the checked form for configurations read at run time. From
// serves any of corsa's holders: a *corsa.Policy shared by several
// servers, a *corsa.Middleware whose policy can be replaced while serving
// (Middleware.Reconfigure, Middleware.Watch), or *corsa.Paths.
//
// The middleware reads the request from fasthttp directly, without
// converting it to net/http or copying header values, and adds no
// allocation to a request. The headers it writes are those documented in
// the corsa package and SPEC.md.
//
// # Where to install it
//
// Around the router, so that preflights are answered for routes without
// an OPTIONS handler and for paths no route matches, and so that the
// router's own 404 and 405 answers carry the headers too. Headers of
// actual requests are set before the handler runs. fasthttp sends nothing
// before the handler returns, so when the handler resets the response, as
// ctx.Error, ctx.NotFound and Response.Reset do, corsa writes its headers
// again once the handler returns: a response left with neither
// Access-Control-Allow-Origin nor a Vary listing Origin was reset.
//
// fasthttp recovers no panic. Recovery middleware installed outside corsa
// runs after corsa has returned, so it must keep the response's headers:
// set the status and body (ctx.SetStatusCode, ctx.SetBodyString) rather
// than call ctx.Error, which removes corsa's headers with everything else.
//
// # Serve, for frameworks built on fasthttp
//
// Serve is the middleware's work on one request, for a framework that has
// its own handler type and chain: it takes the fasthttp.RequestCtx, the
// path the framework routes on, and a function running the rest of the
// chain. corsa's fiber adapters (github.com/corsa-go/corsa/fiber and
// github.com/corsa-go/corsa/fiber3) are one call to it:
//
//	return func(c *fiber.Ctx) error {
//		return corsafasthttp.Serve(src, c.Context(), c.Path(), c.Next)
//	}
//
// # Vary and middleware that sets it
//
// Every response whose answer depends on Origin carries "Vary: Origin",
// added to any Vary already there. When the handler, or middleware it
// calls, replaces Vary (Response.Header.Set("Vary", ...)) or deletes it,
// corsa adds Origin back once it returns, unless the response still lists
// Origin or "*"; an any-origin ("*") answer, which does not vary, gets
// none. Middleware installed outside corsa that sets Vary after calling
// its handler can still wipe it: add to Vary there (Response.Header.Add)
// instead. A response cache belongs inside corsa, so that corsa decides
// every request, and must not replay stored Access-Control-* headers.
//
// # Different policies per path
//
// For different policies on different parts of the API, wrap the router
// once with a corsa.Paths instead of wrapping each route:
//
//	pp, err := corsa.NewPaths(map[string]corsa.Config{
//		"/api":        {Origins: []string{"https://app.example"}, Credentials: true},
//		"/api/public": {Origins: []string{"*"}},
//	})
//	if err != nil {
//		log.Fatal(err)
//	}
//	server := &fasthttp.Server{Handler: corsafasthttp.From(pp)(router.Handler)}
//
// The longest prefix covering the request path picks the policy, segment
// by segment ("/api" covers "/api/users", not "/apix"); a path no prefix
// covers gets no CORS headers at all, not even Vary (add a "/" entry for a
// fallback). The path compared is ctx.Path(), which fasthttp decodes and
// normalizes. Routers read either that or the path as sent
// (ctx.URI().PathOriginal(), which fasthttp/router routes on), so a
// request whose path as sent would pick another policy, or is not clean
// (an empty segment, a dot segment, an encoded "/"), gets no CORS at all:
// "//api/items" is "/api/items" to ctx.Path() but a path with an empty
// segment as sent. Letter case is compared exactly; see corsa.Paths for
// the paths that get no CORS under any prefix.
//
// # Installed twice
//
// If corsa is nevertheless installed twice, around the router and around
// some routes, the outer one runs first. It answers every preflight, and
// the inner one never sees one. For every other request the inner one
// decides alone: it removes the outer grant (Access-Control-Allow-Origin,
// -Credentials, -Expose-Headers) before writing its own, so a request the
// inner policy refuses carries no grant, and Vary lists Origin twice,
// which is harmless. A preflighted request can therefore pass its
// preflight on the outer policy and then be unreadable under the inner
// one: use a corsa.Paths instead.
//
// # Where fasthttp differs from net/http
//
// On what browsers send, the responses are those of corsa's net/http
// Handler; a test sends the same raw bytes to both on 127.0.0.1 and
// checks that they agree. To get there, corsa trims spaces and tabs
// around every value it reads, as net/http does and fasthttp before v1.69
// does not (it trims spaces only); it reads every Origin line, not only
// the first, so that an empty first Origin line followed by a real one is
// a repeated Origin, refused; and it reads every
// Access-Control-Request-Headers line, so that a list split over several
// lines is checked whole. On input no browser sends, fasthttp answers
// before corsa runs, or differently:
//
//   - A request header block larger than Server.ReadBufferSize (4096
//     bytes by default), such as a 5000-byte Origin, is answered "431
//     Request Header Fields Too Large" without running any handler;
//     net/http reads up to 1 MB and corsa refuses the origin.
//   - A control byte such as NUL or 0x01 in a header value is refused by
//     net/http with 400. fasthttp before v1.69 accepts it, and corsa
//     decides on the value as it is: an Origin with such a byte matches
//     nothing. From v1.69 on fasthttp refuses it with 400 too, and reads
//     "Origin : x", a space before the colon, as a header named "Origin "
//     where net/http and older fasthttp answer 400.
//   - An Origin folded (obsolete line folding) onto a following line of
//     blanks keeps a trailing space on net/http, so no origin matches; on
//     fasthttp the blanks are trimmed and the origin before them is
//     decided on.
//   - With Server.DisableHeaderNamesNormalizing, fasthttp looks header
//     names up as sent, so corsa reads only the canonical spellings
//     (Origin, Access-Control-Request-Method and so on), which browsers
//     send: a request with "origin:" is a request without Origin.
//
// # fasthttp versions
//
// The module requires fasthttp v1.51.0, the version fiber v2 selects, and
// is tested with it and with v1.69, which fiber v3 selects; a build uses
// the highest version any of its modules requires.
package corsafasthttp
