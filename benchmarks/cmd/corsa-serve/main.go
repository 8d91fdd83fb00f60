// Command corsa-serve serves the conformance suite's standard routes on any
// framework corsa supports, with any policy, on a loopback address: for
// load tests and black-box checks with curl or a browser.
//
//	go run ./benchmarks/cmd/corsa-serve -framework gin -policy policy.json -addr 127.0.0.1:8080
//
// -framework is one of nethttp, chi, gin, echo, echo5, fasthttp, fiber and
// fiber3. Routes (see the conformance package): /resource (GET, HEAD,
// POST, PUT, DELETE, PATCH), /options (OPTIONS, GET), /status/404,
// /status/500 and /panic. corsa is installed in the form recommended for
// each framework: the adapter's middleware, inside the framework's panic
// recovery, but on gin in front of the whole engine (p.Handler(engine)),
// so that what gin's router answers without running the middleware Use
// installs, a trailing-slash redirect, carries CORS too. Without -policy
// it serves an embedded default policy: origin https://example.com,
// credentials, methods GET POST PUT DELETE, request headers Content-Type
// Authorization X-Request-Id, exposed X-Total-Count, max-age 600. With
// -bare it serves the same routes without any CORS middleware, the
// baseline of a load test.
//
// With -watch, corsa-serve polls the -policy file (every -watch-interval,
// 2s by default) and serves each valid change without a restart; an
// invalid file is logged and the previous policy keeps serving (see
// (*corsa.Middleware).Watch, which also follows Kubernetes ConfigMap
// symlink swaps).
//
// It logs to standard error with log/slog's text format: where it
// listens, every refused CORS request (corsa.LogRefusals, on the request
// as the framework's adapter read it), the policy's warnings and reloads.
// SIGINT or SIGTERM shuts the server down cleanly: in-flight requests
// finish first.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/frameworks"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// corsa logs a policy's warnings with slog's default logger.
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, nil)))
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
	logger := slog.New(slog.NewTextHandler(logw, nil))
	app, m, err := newApp(opts, logger)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		return err
	}
	mode := "corsa"
	if opts.bare {
		mode = "none"
	}
	logger.Info("listening", "framework", opts.framework, "cors", mode, "url", "http://"+ln.Addr().String())
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	watchDone := watchPolicy(ctx, opts, m, logger)
	err = serveUntilDone(ctx, app, ln, logger)
	cancel()
	<-watchDone
	return err
}

// shutdownTimeout bounds how long in-flight requests may take to finish
// after a signal.
const shutdownTimeout = 5 * time.Second

// newApp builds the configured framework's app: the standard routes with
// the framework's recovery, and corsa, logging its refusals, unless
// opts.bare. The returned Middleware serves the policy (nil with
// opts.bare), for watchPolicy.
func newApp(opts options, logger *slog.Logger) (*frameworks.App, *corsa.Middleware, error) {
	fw, _ := frameworks.Named(opts.framework)
	stack := frameworks.Stack{Routes: frameworks.Standard(), Recover: true}
	var m *corsa.Middleware
	if !opts.bare {
		cfg := opts.policy
		// Through the hook, the log names what the adapter decided, on
		// the request as the adapter read it; Watch keeps the hook.
		cfg.OnDecision = corsa.LogRefusals(logger, 0)
		var err error
		if m, err = corsa.NewMiddleware(cfg); err != nil {
			return nil, nil, err
		}
		// Where that is the form recommended (gin), corsa stands in
		// front of the whole app, so that what the router answers
		// without running Use middleware (redirects) carries CORS too.
		stack.CORS = frameworks.CORS{Kind: frameworks.Corsa, Source: m, Front: fw.Front}
	}
	app, err := fw.Build(stack)
	return app, m, err
}

// watchPolicy starts polling opts.policyPath into m when opts.watch is
// set, until ctx is done; the returned channel is closed when it stopped.
// Watch logs each reload and each refused file.
func watchPolicy(ctx context.Context, opts options, m *corsa.Middleware, logger *slog.Logger) <-chan struct{} {
	done := make(chan struct{})
	if !opts.watch {
		close(done)
		return done
	}
	logger.Info("watching the policy file", "path", opts.policyPath, "interval", opts.watchInterval)
	go func() {
		defer close(done)
		_ = m.Watch(ctx, opts.policyPath, corsa.WatchOptions{Interval: opts.watchInterval, Logger: logger})
	}()
	return done
}

// serveUntilDone serves app on ln until ctx is done, then shuts it down,
// letting in-flight requests finish.
func serveUntilDone(ctx context.Context, app *frameworks.App, ln net.Listener, logger *slog.Logger) error {
	errc := make(chan error, 1)
	go func() { errc <- app.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := app.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; err != nil {
		return err
	}
	logger.Info("stopped")
	return nil
}
