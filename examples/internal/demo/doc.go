// Package demo is what the example servers share: the command line, the
// built-in policy, the API's handlers, the static page that calls the API
// from another origin, and the start and clean shutdown of both servers.
// Each example's main.go is then only the framework's router, the corsa
// one-liner and the routes.
//
// The page and the API listen on two ports of the loopback interface:
// different ports make different origins, so every call the page makes is
// a cross-origin request, checked by the browser against what the API's
// CORS middleware answers.
package demo
