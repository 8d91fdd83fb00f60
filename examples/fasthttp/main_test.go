package main

import (
	"context"
	"net"
	"net/http"
	"testing"

	"github.com/valyala/fasthttp"
	"github.com/valyala/fasthttp/fasthttputil"

	"github.com/corsa-go/corsa/examples/internal/demotest"
)

func TestAPIAnswersThePageAsThePolicySays(t *testing.T) {
	// A real fasthttp server, on a listener in memory, called by a
	// net/http client: the requests go through fasthttp's own parsing.
	ln := fasthttputil.NewInmemoryListener()
	srv := &fasthttp.Server{Handler: newAPI(demotest.Policy())}
	go func() { _ = srv.Serve(ln) }() // returns once Shutdown closes ln
	t.Cleanup(func() { _ = srv.Shutdown() })
	client := &http.Client{Transport: &http.Transport{
		DialContext: func(context.Context, string, string) (net.Conn, error) { return ln.Dial() },
	}}
	demotest.Check(t, func(r *http.Request) (*http.Response, error) {
		r.RequestURI = "" // a server's request, sent as a client's
		return client.Do(r)
	})
}

func TestAPIKeepsTheCORSHeadersOnItsNotFound(t *testing.T) {
	var ctx fasthttp.RequestCtx
	ctx.Request.SetRequestURI("/api/nothing")
	ctx.Request.Header.Set("Origin", demotest.PageOrigin)
	newAPI(demotest.Policy())(&ctx)
	if got := ctx.Response.StatusCode(); got != fasthttp.StatusNotFound {
		t.Errorf("status %d, want 404", got)
	}
	for name, want := range map[string]string{
		"Access-Control-Allow-Origin":      demotest.PageOrigin,
		"Access-Control-Allow-Credentials": "true",
		"Vary":                             "Origin",
	} {
		if got := string(ctx.Response.Header.Peek(name)); got != want {
			t.Errorf("%s %q, want %q", name, got, want)
		}
	}
}
