// Package corsa is a CORS policy engine: a validated, compiled policy that
// answers preflights and decorates actual responses exactly as the WHATWG
// Fetch Standard expects, with a net/http middleware on top and a
// framework-neutral API that the corsa adapters for gin, echo, fiber and chi
// share.
//
// Import it as
//
//	import "github.com/corsa-go/corsa"
//
// # Using it
//
// Build a Policy once with New, which refuses dangerous or meaningless
// configuration (all problems at once), then wrap a handler:
//
//	p, err := corsa.New(corsa.Config{
//		Origins:        []string{"https://app.example.com"},
//		Methods:        []string{"PUT", "DELETE"},
//		RequestHeaders: []string{"Content-Type", "Authorization"},
//	})
//	if err != nil {
//		log.Fatal(err)
//	}
//	http.ListenAndServe(":8080", p.Handler(mux))
//
// A Middleware holds a Policy that can be replaced while serving
// (Reconfigure), and can follow a policy file (Watch). Paths serves a
// different Policy for each path prefix from one middleware (NewPaths), so
// that one global installation covers every route group. Explain describes
// a decision in words, for logs and the corsa command.
//
// Adapters use the same engine without the Handler: they fill a Request
// (Request.ReadHTTP for frameworks built on net/http), call Decide, and
// write the Decision it returns, with SetHeaders into an http.Header or
// with their own calls from Headers.
//
// # What a response gets
//
// For a request without Origin the handler runs and the response gets only
// "Vary: Origin", since a request with Origin may get another answer. An
// any-origin policy is the exception: see below.
//
// For a preflight (OPTIONS with Origin and Access-Control-Request-Method)
// the handler never runs. Every preflight response, allowed or not, gets
// "Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers"
// (with ", Access-Control-Request-Private-Network" appended when
// Config.PrivateNetwork is on). An allowed preflight answers with
// Config.PreflightStatus (default 204) and, in this order:
//
//	Access-Control-Allow-Origin: the request's Origin, or "*" for an any-origin policy
//	Access-Control-Allow-Credentials: true            (Credentials only)
//	Access-Control-Allow-Methods: Methods joined ", " in configured order, or "*"
//	                                                  (omitted when Methods is empty)
//	Access-Control-Allow-Headers: RequestHeaders joined ", " in configured
//	                              spelling and order, or "*" (or "*, Authorization")
//	                              (only when the request lists headers)
//	Access-Control-Max-Age: MaxAge                    (when set, "0" included)
//	Access-Control-Allow-Private-Network: true        (when asked for and allowed)
//
// A refused preflight answers 403 with no Access-Control-Allow-* header and
// no Max-Age, only Vary. A preflight is refused when its origin is not
// allowed, when the requested method is not GET, HEAD, POST (byte for byte)
// or listed, when any requested header name is not listed (compared
// case-insensitively; "*" covers every valid name but "authorization"), or
// when Access-Control-Request-Headers is malformed or longer than anything
// the policy could allow. A preflight asking for private network access
// (Access-Control-Request-Private-Network: true) from a policy without
// PrivateNetwork is answered as if it had not asked: allowed or refused on
// the other checks, never with Access-Control-Allow-Private-Network, and
// its Vary does not name the header. The browser then decides.
//
// An actual request (any other request with Origin, including OPTIONS
// without Access-Control-Request-Method) always reaches the handler; its
// method is not checked. When its origin is allowed the response gets, set
// before the handler runs so that they survive any status, an error or a
// recovered panic:
//
//	Access-Control-Allow-Origin: the request's Origin
//	Access-Control-Allow-Credentials: true            (Credentials only)
//	Access-Control-Expose-Headers: ExposedHeaders joined ", ", or "*" (when set)
//	Vary: Origin
//
// A refused actual request gets only "Vary: Origin", never a 403.
//
// Because these headers are set before the handler runs, a redirect, a 304
// answering a conditional request and a HEAD keep them too, as a 304 must:
// it updates the headers of the response a cache revalidates (RFC 9111
// §4.3.4). A handler that sets an Access-Control-* header itself
// (w.Header().Set) replaces the middleware's value, and one that deletes it
// removes it: the handler has the last word on its own response. A
// WebSocket handshake (GET with Upgrade: websocket) is an actual request:
// it reaches the handler whatever its Origin, since browsers send it
// without a preflight and ignore CORS headers on the answer. CORS does not
// protect it; the upgrader must check Origin itself.
//
// An any-origin policy ("*" in Origins, which rules out Credentials) gives
// every response but a preflight's the same constant headers: requests
// without Origin, actual requests from any origin ("null" and a request
// with several Origin headers included) and OPTIONS requests without
// Access-Control-Request-Method all get
//
//	Access-Control-Allow-Origin: *
//	Access-Control-Expose-Headers: ExposedHeaders joined ", ", or "*" (when set)
//
// and no Vary, because nothing in them depends on Origin. Other entries
// listed next to "*" change nothing. Its preflights are answered as above,
// with "Access-Control-Allow-Origin: *" and the preflight Vary.
//
// Origins are compared byte for byte. "*" covers "null", as Fetch's CORS
// check does; a policy without "*" allows "null" only when it lists it
// (with DangerouslyAllowNullOrigin). A preflight with more than one Origin
// header is refused, and so is an actual request with more than one
// Origin header unless the policy is any-origin. An Origin longer than the
// longest origin the policy could match is refused before any matching, so
// its cost does not grow with its length.
//
// # What New refuses
//
// Besides dangerous settings, New refuses entries that could never match
// what a browser sends, and says what the browser sends instead: hosts not
// in the WHATWG URL standard's serialisation (IPv4 other than plain dotted
// decimal, a domain whose last label is a number, IPv6 not in its shortest
// lower-case form, invalid punycode), file:// origins (browsers send
// "null"), and methods longer than the 64 bytes a preflight may ask for.
// ParseConfig refuses unknown keys and keys given twice, naming the line
// and column.
//
// # Vary and other middleware
//
// Vary is always added to, so middleware outside Handler that sets its own
// Vary first keeps it. A handler, or middleware inside Handler, that sets
// Vary (w.Header().Set("Vary", ...)) replaces "Vary: Origin", and Handler
// does not put it back: it cannot know whether the headers are sent
// without wrapping the ResponseWriter, an allocation on every request.
// Register middleware that sets Vary outside Handler, and add to Vary in
// handlers (w.Header().Add). Adapters whose framework tells them the
// response is still unsent call Policy.RestoreVary (or
// Decision.RestoreVary) after the handler; VaryListsOrigin checks one
// Vary line.
//
// # Request headers by default
//
// Config.RequestHeaders left unset (nil in Go, absent or null in JSON)
// allows Content-Type, which every JSON request asks for: a preflight for
// "content-type" is answered with "Access-Control-Allow-Headers:
// Content-Type". An explicit empty list ([]string{} in Go,
// "requestHeaders": [] in JSON) allows no request header at all.
//
// # Origins decided at run time
//
// Config.OriginFunc decides on origins that no entry of Origins allows, for
// origins the application keeps itself (tenants in a database, preview
// deployments). corsa hands it only well-formed origins as browsers send
// them, never "null" or a repeated Origin, so it can be an exact lookup:
//
//	var tenantOrigins sync.Map // origin -> tenant, kept by the application
//	p, err := corsa.New(corsa.Config{
//		Origins:     []string{"https://app.example.com"},
//		Credentials: true,
//		OriginFunc: func(origin string) bool {
//			_, ok := tenantOrigins.Load(origin)
//			return ok
//		},
//	})
//
// Never check a suffix, a substring or a regular expression there:
// "https://app.example.com.evil.example" has the prefix, and
// "https://evilexample.com" the suffix. Subdomain patterns belong in
// Origins, where corsa matches them label by label.
//
// # Decision events
//
// Config.OnDecision is called once for each CORS request, preflight or
// actual, from Decide: so through Handler, Middleware and every adapter
// alike, and never by Explain. It costs a nil check when unset, and corsa
// allocates nothing to call it. LogRefusals logs refusals with log/slog;
// the OnDecision example counts decisions per reason with expvar.
//
// # WebSocket and other origin checks
//
// CORS does not protect WebSocket upgrades: browsers open them to any site,
// with its cookies and without a preflight. (*Policy).AllowsOrigin answers
// whether an Origin is allowed exactly as Decide would, for
// gorilla/websocket's Upgrader.CheckOrigin and the like.
package corsa
