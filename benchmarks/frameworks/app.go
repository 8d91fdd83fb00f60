package frameworks

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa/conformance"
)

// App is a built stack, ready to serve: in memory (HTTP or Fast, Do) or on
// a listener (Serve, Start).
type App struct {
	// HTTP is the app as a net/http handler (net/http, chi, gin, echo v4
	// and v5); nil for the others.
	HTTP http.Handler
	// Fast is the app as a fasthttp handler (fasthttp, fiber v2 and v3);
	// nil for the others.
	Fast fasthttp.RequestHandler
	// Quirks are what the app's transport cannot do, for the conformance
	// suite.
	Quirks conformance.Quirks

	// fiber's own server and calls, set when a fiber app is built; the
	// others are served by their transport's plain server, which
	// makeServer makes once.
	fastServer *fasthttp.Server
	listen     func(net.Listener) error
	shutdown   func(context.Context) error
	test       func(*http.Request) (*http.Response, error)
	once       sync.Once
	httpServer *http.Server
}

// Wrap is a middleware around a whole app, one for each transport.
type Wrap struct {
	HTTP func(http.Handler) http.Handler
	Fast func(fasthttp.RequestHandler) fasthttp.RequestHandler
}

// headerTimeout bounds how long a client may take to send a request's
// header.
const headerTimeout = 10 * time.Second

// fastReadBuffer is the largest request header fasthttp reads, fiber's
// and fasthttp's default alike.
const fastReadBuffer = 4096

func httpApp(h http.Handler) *App { return &App{HTTP: h} }

// fastApp is a plain fasthttp app, served by fasthttp's Server.
func fastApp(h fasthttp.RequestHandler) *App {
	return &App{Fast: h, Quirks: conformance.Quirks{MaxHeaderBytes: fastReadBuffer}}
}

func (a *App) wrap(w Wrap) {
	switch {
	case a.HTTP != nil && w.HTTP != nil:
		a.HTTP = w.HTTP(a.HTTP)
	case a.Fast != nil && w.Fast != nil:
		a.Fast = w.Fast(a.Fast)
		if a.fastServer != nil {
			a.fastServer.Handler = a.Fast
		}
	}
}

// Do serves one request in memory and returns the response, its body
// readable: a conformance.Server's Do.
func (a *App) Do(r *http.Request) (*http.Response, error) {
	switch {
	case a.test != nil:
		return a.test(r)
	case a.HTTP != nil:
		return conformance.Recorder(a.HTTP)(r)
	}
	return serveConn(&fasthttp.Server{Handler: a.Fast}, r)
}

// serveConn serves r with srv over an in-memory connection, as fiber's
// app.Test does.
func serveConn(srv *fasthttp.Server, r *http.Request) (*http.Response, error) {
	client, server := net.Pipe()
	defer client.Close()
	served := make(chan error, 1)
	go func() {
		served <- srv.ServeConn(server)
		server.Close()
	}()
	if err := r.Write(client); err != nil {
		return nil, err
	}
	res, err := http.ReadResponse(bufio.NewReader(client), r)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		return nil, err
	}
	res.Body = io.NopCloser(bytes.NewReader(body))
	client.Close() // ends ServeConn, which waits for another request
	if err := <-served; err != nil && !errors.Is(err, io.ErrClosedPipe) {
		return nil, err
	}
	return res, nil
}

// Serve serves the app on ln, as the framework's users do (net/http's
// Server, fasthttp's Server, fiber's Listener), until Shutdown; it then
// returns nil.
func (a *App) Serve(ln net.Listener) error {
	if a.listen != nil {
		return a.listen(ln)
	}
	a.makeServer()
	if a.httpServer == nil {
		return a.fastServer.Serve(ln)
	}
	if err := a.httpServer.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// makeServer makes the server of a net/http or plain fasthttp app, for
// Serve and Shutdown, which may run in different goroutines.
func (a *App) makeServer() {
	a.once.Do(func() {
		if a.HTTP != nil {
			a.httpServer = &http.Server{Handler: a.HTTP, ReadHeaderTimeout: headerTimeout}
		} else {
			a.fastServer = &fasthttp.Server{Handler: a.Fast}
		}
	})
}

// Shutdown stops Serve, letting the requests in flight finish within ctx.
func (a *App) Shutdown(ctx context.Context) error {
	if a.shutdown != nil {
		return a.shutdown(ctx)
	}
	a.makeServer()
	if a.httpServer != nil {
		return a.httpServer.Shutdown(ctx)
	}
	return a.fastServer.ShutdownWithContext(ctx)
}

// Start serves the app on ln in a goroutine. stop shuts it down within
// ctx and returns what shutting down and serving failed with.
func (a *App) Start(ln net.Listener) (stop func(context.Context) error) {
	served := make(chan error, 1)
	go func() { served <- a.Serve(ln) }()
	return func(ctx context.Context) error {
		return errors.Join(a.Shutdown(ctx), <-served)
	}
}
