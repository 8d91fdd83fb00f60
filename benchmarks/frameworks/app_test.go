package frameworks_test

import (
	"context"
	"net"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/frameworks"
	"github.com/corsa-go/corsa/conformance"
)

// Every framework serves over a real connection with its own server, and
// the Outer wrapper sees the request before the framework and the
// response the client gets.
func TestEveryFrameworkServesOnAListenerInsideOuter(t *testing.T) {
	const origin = "https://app.example.com"
	for _, fw := range frameworks.All() {
		t.Run(fw.Label+" serves corsa's answer and shows it to Outer", func(t *testing.T) {
			var seen atomic.Value // the Access-Control-Allow-Origin Outer saw
			outer := frameworks.Wrap{
				HTTP: func(next http.Handler) http.Handler {
					return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
						next.ServeHTTP(w, r)
						seen.Store(w.Header().Get("Access-Control-Allow-Origin"))
					})
				},
				Fast: func(next fasthttp.RequestHandler) fasthttp.RequestHandler {
					return func(ctx *fasthttp.RequestCtx) {
						next(ctx)
						seen.Store(string(ctx.Response.Header.Peek("Access-Control-Allow-Origin")))
					}
				},
			}
			app, err := fw.Build(frameworks.Stack{
				CORS:   frameworks.CORS{Kind: frameworks.Corsa, Policy: corsa.Config{Origins: []string{origin}}},
				Routes: frameworks.Standard(),
				Outer:  outer,
			})
			if err != nil {
				t.Fatal(err)
			}
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			stop := app.Start(ln)
			req, err := http.NewRequest(http.MethodGet, "http://"+ln.Addr().String()+conformance.PathResource, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Origin", origin)
			client := &http.Client{Timeout: 10 * time.Second}
			res, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			client.CloseIdleConnections()
			if got := res.Header.Get("Access-Control-Allow-Origin"); res.StatusCode != http.StatusOK || got != origin {
				t.Errorf("status %d, Access-Control-Allow-Origin %q; want 200, %q", res.StatusCode, got, origin)
			}
			if got, _ := seen.Load().(string); got != origin {
				t.Errorf("Outer saw Access-Control-Allow-Origin %q, want %q", got, origin)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := stop(ctx); err != nil {
				t.Errorf("stop: %v", err)
			}
		})
	}
}
