// Command corsa-serve serves the conformance suite's standard routes on any
// framework corsa supports, with any policy, on a loopback address: for
// load tests and black-box checks with curl or a browser.
//
//	go run ./benchmarks/cmd/corsa-serve -framework gin -policy policy.json -addr 127.0.0.1:8080
//
// Routes (see the conformance package): /resource (GET, HEAD, POST, PUT,
// DELETE, PATCH), /options (OPTIONS, GET), /status/404, /status/500 and
// /panic, with the framework's panic recovery outside the CORS middleware.
// Without -policy it serves an embedded default policy: origin
// https://example.com, credentials, methods GET POST PUT DELETE, request
// headers Content-Type Authorization X-Request-Id, exposed X-Total-Count,
// max-age 600. With -bare it serves the same routes without any CORS
// middleware, the baseline of a load test.
//
// With -watch, corsa-serve polls the -policy file (every -watch-interval,
// 2s by default) and serves each valid change without a restart; an
// invalid file is logged and the previous policy keeps serving (see
// (*corsa.Middleware).Watch, which also follows Kubernetes ConfigMap
// symlink swaps).
//
// Every refused CORS request is logged with corsa's explanation. SIGINT or
// SIGTERM shuts the server down cleanly: in-flight requests finish first.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/corsa-go/corsa"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "corsa-serve:", err)
		os.Exit(1)
	}
}

// run serves until ctx is done, then shuts down.
func run(ctx context.Context, args []string, logw io.Writer) error {
	opts, err := parseOptions(args, logw)
	if err != nil {
		return err
	}
	logger := log.New(logw, "corsa-serve: ", log.LstdFlags)
	srv, m, err := newServer(opts, logger)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		return err
	}
	mode := "corsa"
	if opts.bare {
		mode = "no CORS (bare)"
	}
	logger.Printf("%s with %s listening on http://%s", opts.framework, mode, ln.Addr())
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	watchDone := watchPolicy(ctx, opts, m, logger)
	err = serveUntilDone(ctx, srv, ln, logger)
	cancel()
	<-watchDone
	return err
}

// watchPolicy starts polling opts.policyPath into m when opts.watch is
// set, until ctx is done; the returned channel is closed when it stopped.
// Reloads and refusals are logged, the path quoted.
func watchPolicy(ctx context.Context, opts options, m *corsa.Middleware, logger *log.Logger) <-chan struct{} {
	done := make(chan struct{})
	if !opts.watch {
		close(done)
		return done
	}
	logger.Printf("watching %q every %v", opts.policyPath, opts.watchInterval)
	go func() {
		defer close(done)
		_ = m.Watch(ctx, opts.policyPath, corsa.WatchOptions{
			Interval: opts.watchInterval,
			OnReload: func(err error) {
				if err != nil {
					logger.Printf("policy file %q refused, the previous policy stays: %v", opts.policyPath, err)
					return
				}
				logger.Printf("policy file %q loaded", opts.policyPath)
				logWarnings(m.Policy(), logger)
			},
		})
	}()
	return done
}

// serveUntilDone serves on ln until ctx is done, then shuts srv down,
// letting in-flight requests finish.
func serveUntilDone(ctx context.Context, srv server, ln net.Listener, logger *log.Logger) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Print("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Print("stopped")
	return nil
}
