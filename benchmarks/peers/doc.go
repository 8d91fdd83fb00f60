// Package peers holds conformance harnesses for corsa and for the CORS
// middlewares Go users reach for instead, so that the conformance suite can
// score them side by side (cmd/scoreboard writes the table).
//
// Each harness installs the middleware on the framework it belongs to, the
// way that middleware's documentation says, with the suite's standard
// routes: rs/cors around a net/http ServeMux, go-chi/cors with Use on a chi
// router, gin-contrib/cors with Use on a gin engine, echo's
// middleware.CORSWithConfig with Use on echo (v4 and v5), fiber's
// middleware/cors with Use on fiber (v2 and v3, served through app.Test).
// Panic recovery sits outside the CORS middleware: gin's, echo's and
// fiber's own, and conformance.Recover for net/http and chi (chi's
// Recoverer would print a stack trace per case). The routes' handlers are
// the ones corsa-serve serves (benchmarks/internal/routes). A harness only translates a corsa.Config into the peer's
// options; it never decides anything about CORS itself, so every failure on
// the scoreboard is the peer's behaviour. When a peer has no setting for
// part of a policy, the harness returns an error wrapping
// conformance.ErrCannotExpress instead of approximating it. When a peer
// refuses a configuration (gin-contrib/cors and fiber panic, echo v5's
// ToMiddleware returns an error), the harness returns that refusal as a
// plain error, which is what the suite's cases for
// configurations SPEC.md §5 forbids expect.
//
// # Mapping decisions shared by all peers
//
//   - Origins are passed as written, including "*", subdomain patterns
//     ("https://*.example.com") and port patterns ("http://localhost:*"), to
//     the peer's own wildcard support. A policy with no origins at all (which
//     allows none) is expressed through the peer's origin predicate hook
//     returning false, because every peer reads an empty list as "any origin"
//     or as a configuration error.
//   - Methods: GET, HEAD and POST are always allowed by a corsa policy. Peers
//     that check the requested method against their list (rs/cors,
//     go-chi/cors) get those three plus the policy's methods. Peers that only
//     copy their list into Access-Control-Allow-Methods (gin-contrib/cors,
//     echo, fiber) get the policy's methods, or GET, HEAD, POST when it has
//     none and the peer's default would otherwise grant more (echo, fiber).
//   - Request headers, exposed headers and credentials are passed as
//     written. An empty request-header list is passed empty even where the
//     peer then applies a default that allows some headers (rs/cors,
//     go-chi/cors) or reflects whatever is asked for (echo, fiber): that is
//     what a user who configures no headers gets, and the suite reports it.
//   - MaxAge: nil means no header. A pointer to 0 ("send 0, disable caching")
//     uses the peer's documented negative value where it has one.
//   - PreflightStatus 0 is corsa's default, 204. A peer that always sends
//     one status is still configured for such a policy, and the suite
//     reports a status other than 204 as a failure; any other value needs a
//     peer that can send exactly it, or the policy cannot be expressed.
//   - DangerouslyAllowNullOrigin and DangerouslyAllowInsecureOrigins are
//     opt-ins for corsa's validator; peers validate nothing of the kind, so
//     they need no translation.
//
// # Per peer
//
// rs/cors (Options): MaxAge 0 is MaxAge -1; PreflightStatus is
// OptionsSuccessStatus; PrivateNetwork is AllowPrivateNetwork. It cannot
// express a method wildcard ("*" in Methods is not special to it).
//
// go-chi/cors (Options): no Private Network Access, no way to send max-age
// 0, preflights always answered 200 and no method wildcard: policies that
// need any of these cannot be expressed.
//
// gin-contrib/cors (Config): subdomain and port patterns need
// AllowWildcard; MaxAge is a time.Duration, and 0 cannot be sent;
// PreflightStatus is OptionsResponseStatusCode; PrivateNetwork is
// AllowPrivateNetwork. It accepts only http:// and https:// origins, so a
// "null" origin cannot be expressed.
//
// echo v4 (middleware.CORSConfig): patterns use its '*' wildcard; MaxAge 0 is
// MaxAge -1; no Private Network Access; preflights are always answered 204.
//
// fiber v2 (cors.Config): lists are comma-separated strings; it supports
// subdomain patterns but no port pattern and no "null" origin; MaxAge 0 is
// MaxAge -1; no Private Network Access; preflights are always answered 204.
// Its transport, fasthttp, reads at most fiber.DefaultReadBufferSize bytes
// of request header, declared as a quirk.
//
// echo v5 (middleware.CORSConfig): AllowOrigins are compared literally,
// with no subdomain or port pattern (v4 had them; v5 leaves matching to
// UnsafeAllowOriginFunc, which would be the harness's own code), and its
// configuration check refuses "null", so neither can be expressed; MaxAge
// 0 is MaxAge -1; no Private Network Access; preflights are always
// answered 204. It refuses an empty origin list, so "none" goes through
// UnsafeAllowOriginFunc, as for the other peers' hooks.
//
// fiber v3 (cors.Config): lists are []string; subdomain patterns but no
// port pattern; "null" cannot be listed in AllowOrigins (AllowOriginsFunc
// may allow it, but that predicate would be the harness's code); MaxAge 0
// is MaxAge -1; PrivateNetwork is AllowPrivateNetwork; preflights are
// always answered 204. Same fasthttp header limit as fiber v2.
package peers
