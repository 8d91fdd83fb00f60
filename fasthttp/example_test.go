package corsafasthttp_test

import (
	"fmt"
	"log"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa"
	corsafasthttp "github.com/corsa-go/corsa/fasthttp"
)

// request is a request as fasthttp's server hands it to a handler.
func request(method, path string, headers ...string) *fasthttp.RequestCtx {
	var ctx fasthttp.RequestCtx
	ctx.Request.Header.SetMethod(method)
	ctx.Request.SetRequestURI(path)
	for i := 0; i < len(headers); i += 2 {
		ctx.Request.Header.Add(headers[i], headers[i+1])
	}
	return &ctx
}

func ExampleNew() {
	cors, err := corsafasthttp.New(corsafasthttp.Config{
		Origins:        []string{"https://app.example.com"},
		Credentials:    true,
		Methods:        []string{"PUT", "DELETE"},
		RequestHeaders: []string{"Content-Type"},
	})
	if err != nil {
		log.Fatal(err)
	}
	handler := cors(func(ctx *fasthttp.RequestCtx) { ctx.SetStatusCode(fasthttp.StatusNoContent) })

	// A browser's preflight before a cross-origin PUT with a JSON body and
	// cookies.
	ctx := request("OPTIONS", "/items/7",
		"Origin", "https://app.example.com",
		"Access-Control-Request-Method", "PUT",
		"Access-Control-Request-Headers", "content-type")
	handler(ctx)

	fmt.Println(ctx.Response.StatusCode())
	for _, name := range []string{"Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Vary"} {
		fmt.Printf("%s: %s\n", name, ctx.Response.Header.Peek(name))
	}
	// Output:
	// 204
	// Access-Control-Allow-Origin: https://app.example.com
	// Access-Control-Allow-Credentials: true
	// Access-Control-Allow-Methods: PUT, DELETE
	// Access-Control-Allow-Headers: Content-Type
	// Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
}

func ExampleMust() {
	items := func(ctx *fasthttp.RequestCtx) { ctx.SetBodyString("[]") }
	server := &fasthttp.Server{
		Handler: corsafasthttp.Must(corsafasthttp.Config{Origins: []string{"https://app.example.com"}})(items),
	}

	ctx := request("GET", "/items", "Origin", "https://app.example.com")
	server.Handler(ctx)

	fmt.Printf("%s\n", ctx.Response.Header.Peek("Access-Control-Allow-Origin"))
	// Output: https://app.example.com
}

// A corsa.Middleware's policy can be replaced while serving.
func ExampleFrom() {
	m, err := corsa.NewMiddleware(corsa.Config{Origins: []string{"https://app.example.com"}})
	if err != nil {
		log.Fatal(err)
	}
	handler := corsafasthttp.From(m)(func(ctx *fasthttp.RequestCtx) { ctx.SetBodyString("[]") })

	// Later, for instance when the policy file changes:
	if err := m.Reconfigure(corsa.Config{Origins: []string{"https://new.example.com"}}); err != nil {
		log.Print(err) // the old policy stays in force
	}

	ctx := request("GET", "/items", "Origin", "https://new.example.com")
	handler(ctx)

	fmt.Printf("%s\n", ctx.Response.Header.Peek("Access-Control-Allow-Origin"))
	// Output: https://new.example.com
}

// One middleware around the router serves each area its own policy, and
// no CORS to paths no prefix covers: a preflight there goes on to the
// handler.
func ExampleFrom_paths() {
	pp, err := corsa.NewPaths(map[string]corsa.Config{
		"/api":   {Origins: []string{"https://app.example"}, Credentials: true, Methods: []string{"DELETE"}},
		"/admin": {Origins: []string{"https://admin.example"}, Methods: []string{"DELETE"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	handler := corsafasthttp.From(pp)(func(ctx *fasthttp.RequestCtx) { ctx.SetBodyString("the handler ran") })

	for _, tc := range []struct{ path, origin string }{
		{"/api/items/1", "https://app.example"},
		{"/admin/users/1", "https://app.example"},
		{"/admin/users/1", "https://admin.example"},
		{"/public/1", "https://app.example"},
	} {
		ctx := request("OPTIONS", tc.path, "Origin", tc.origin, "Access-Control-Request-Method", "DELETE")
		handler(ctx)
		fmt.Printf("%s from %s: %d %q\n", tc.path, tc.origin, ctx.Response.StatusCode(), ctx.Response.Header.Peek("Access-Control-Allow-Origin"))
	}
	// Output:
	// /api/items/1 from https://app.example: 204 "https://app.example"
	// /admin/users/1 from https://app.example: 403 ""
	// /admin/users/1 from https://admin.example: 204 "https://admin.example"
	// /public/1 from https://app.example: 200 ""
}

// A framework on fasthttp with its own handler type and chain needs one
// call: Serve, with the path it routes on and the rest of its chain.
func ExampleServe() {
	// handler and chain stand for a framework's own types.
	type handler func(ctx *fasthttp.RequestCtx, next func() error) error
	chain := func(ctx *fasthttp.RequestCtx, hs ...handler) error {
		var next func(i int) error
		next = func(i int) error {
			if i == len(hs) {
				return nil
			}
			return hs[i](ctx, func() error { return next(i + 1) })
		}
		return next(0)
	}

	p := corsa.Must(corsa.Config{Origins: []string{"https://app.example.com"}})
	cors := func(ctx *fasthttp.RequestCtx, next func() error) error {
		return corsafasthttp.Serve(p, ctx, string(ctx.Path()), next)
	}
	items := func(ctx *fasthttp.RequestCtx, _ func() error) error {
		ctx.SetBodyString("[]")
		return nil
	}

	ctx := request("GET", "/items", "Origin", "https://app.example.com")
	if err := chain(ctx, cors, items); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s %s\n", ctx.Response.Header.Peek("Access-Control-Allow-Origin"), ctx.Response.Body())
	// Output: https://app.example.com []
}
