package main

import (
	"github.com/corsa-go/corsa/benchmarks/frameworks"
	"github.com/corsa-go/corsa/conformance"
)

// library is one row of the scoreboard: a CORS middleware, installed on
// the framework it belongs to, behind a conformance harness.
type library struct {
	// Name says which middleware on which framework, e.g. "rs/cors (net/http)".
	Name string
	// Module is the Go module of the middleware, so that the report names
	// the version it measured.
	Module string
	// Harness serves the suite's standard routes with the middleware
	// configured for a case's policy.
	Harness conformance.Harness
	// Transport is the Go module of the HTTP server the framework runs on
	// when it is not net/http, so that the report names its version too:
	// a library's answers to malformed requests may be the transport's.
	Transport string
	// Note is what a reader of the report needs to know about this build
	// of the library to read its numbers.
	Note string
}

// fasthttp is the module fiber runs on.
const fasthttp = "github.com/valyala/fasthttp"

// fasthttpParser says what fasthttp v1.69 does to some hardening cases.
const fasthttpParser = "request parser refuses control bytes in header values with an error before any middleware runs; " +
	"app.Test returns that error, and those hardening cases count as failed (\"request failed\")."

// libraries returns corsa's own net/http middleware first, as the
// reference row, then the peers in a fixed order.
func libraries() []library {
	return []library{
		{Name: "corsa (net/http)", Module: "github.com/corsa-go/corsa", Harness: harness("nethttp", frameworks.Corsa)},
		{Name: "rs/cors (net/http)", Module: "github.com/rs/cors", Harness: harness("nethttp", frameworks.RSCors)},
		{Name: "go-chi/cors (chi)", Module: "github.com/go-chi/cors", Harness: harness("chi", frameworks.Builtin)},
		{Name: "gin-contrib/cors (gin)", Module: "github.com/gin-contrib/cors", Harness: harness("gin", frameworks.Builtin)},
		{Name: "echo/v4 middleware.CORSWithConfig", Module: "github.com/labstack/echo/v4", Harness: harness("echo", frameworks.Builtin)},
		{Name: "echo/v5 middleware.CORSWithConfig", Module: "github.com/labstack/echo/v5", Harness: harness("echo5", frameworks.Builtin)},
		{Name: "fiber/v2 middleware/cors", Module: "github.com/gofiber/fiber/v2", Harness: harness("fiber", frameworks.Builtin), Transport: fasthttp,
			Note: "This module also builds fiber v3, so Go's minimal version selection gives fiber v2 the fasthttp that fiber v3 requires, " +
				"newer than the one fiber v2's own go.mod asks for. That fasthttp's " + fasthttpParser +
				" A fiber v2 application built without fiber v3 may run on the older fasthttp, which passes such requests to the middleware."},
		{Name: "fiber/v3 middleware/cors", Module: "github.com/gofiber/fiber/v3", Harness: harness("fiber3", frameworks.Builtin), Transport: fasthttp, Note: "Its " + fasthttpParser},
	}
}

// harness is the conformance harness of kind on the framework whose key
// is key.
func harness(key string, kind frameworks.Kind) conformance.Harness {
	fw, ok := frameworks.Named(key)
	if !ok {
		panic("scoreboard: no framework " + key)
	}
	return fw.Harness(kind)
}
