// Package corsachi serves a corsa CORS policy as chi middleware.
//
// Register it on the router with Use, before any route:
//
//	r := chi.NewRouter()
//	r.Use(corsachi.Must(corsachi.Config{Origins: []string{"https://app.example.com"}}))
//
// Mux.Use runs the middleware before chi routes the request, so preflights
// are answered for every path: for routes without an OPTIONS handler and
// for paths no route matches. A subrouter's Use covers the paths under its
// mount point the same way. Do not attach it to routes with With or inside
// Group: chi answers a preflight to such a route with 405 before the
// middleware runs. Headers of actual requests are set before the
// handler runs, so they survive chi's 404 and 405 responses, errors and a
// panic recovered by middleware.Recoverer.
//
// The responses are exactly those documented in the core package
// (github.com/corsa-go/corsa/core); corsachi only hands requests to
// (*corsa.Policy).Handler or (*corsa.Middleware).Handler.
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
package corsachi
