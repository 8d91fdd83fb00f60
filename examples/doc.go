// Package examples holds corsa's runnable examples, one per directory:
//
//   - nethttp, gin, echo, echo5, fiber, fiber3, fasthttp, chi and
//     httprouter: the same demo on each framework, an API on
//     127.0.0.1:8080 and, on 127.0.0.1:8081, a page that calls it
//     cross-origin, to watch CORS work in a browser (go run
//     ./examples/gin, then open http://127.0.0.1:8081);
//   - httprouter also shows that a net/http-compatible router needs no
//     adapter, and passes the conformance suite wrapped in
//     (*corsa.Policy).Handler;
//   - paths: different policies for different path prefixes, from one
//     middleware (corsa.NewPaths);
//   - websocket/gorilla and websocket/coder: WebSocket upgrades checked
//     with (*corsa.Policy).AllowsOrigin;
//   - outside: its own module, outside go.work, using OriginFunc,
//     OnDecision and AllowsOrigin as a user's program would
//     (outside_test.go builds and runs it with GOWORK=off);
//   - recipes: the CORS snippets people copy (Express, Flask-CORS, Apache,
//     Spring WebFlux, nginx) as corsa policies, with what each original
//     gets wrong;
//   - migrate: the guide for moving from rs/cors, go-chi/cors,
//     gin-contrib/cors, echo's and fiber's CORS middleware, with a program
//     for each, tested to give browsers the same outcome as before.
//
// README.md beside this file says more. This package itself has no code,
// only tests: of outside, and that every line of the repository README's
// one-liner table compiles in a user's module.
package examples
