package demo

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// shutdownTimeout bounds how long in-flight requests may take to finish
// once the demo is asked to stop.
const shutdownTimeout = 5 * time.Second

// Start is Setup for a main: it reads os.Args, and on a bad command line
// or policy prints the problem and exits.
func Start(name string) *Demo {
	d, err := Setup(name, os.Args[1:], os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case err != nil:
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		os.Exit(2)
	}
	return d
}

// ServeHandler serves the API handler h until SIGINT or SIGTERM, then shuts
// both servers down cleanly. It exits the program on failure.
func (d *Demo) ServeHandler(h http.Handler) {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	d.Serve(srv.Serve, srv.Shutdown)
}

// Serve is ServeHandler for a framework with its own server (fiber): serve
// serves the API on a listener until shutdown is called.
func (d *Demo) Serve(serve func(net.Listener) error, shutdown func(context.Context) error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := d.Run(ctx, serve, shutdown); err != nil {
		log.Fatal(err)
	}
}

// Run serves the page and the API until ctx is done, then stops accepting
// connections, lets requests in flight finish (for up to 5 seconds) and
// returns. It returns early with the error of a server that fails.
func (d *Demo) Run(ctx context.Context, serve func(net.Listener) error, shutdown func(context.Context) error) error {
	defer d.Close()
	fmt.Fprintf(d.out, "corsa demo (%s): open %s in a browser\n  API %s, policy: %s\n", d.name, d.PageOrigin, d.APIOrigin, d.PolicySource)
	fmt.Fprintln(d.out, "  Ctrl-C stops it")

	page := &http.Server{
		Handler:           PageHandler(PageData{Name: d.name, API: d.APIOrigin, Page: d.PageOrigin, Policy: d.PolicySource}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	errs := make(chan error, 2)
	go func() { errs <- page.Serve(d.page) }()
	go func() { errs <- serve(d.api) }()

	var failed error
	select {
	case <-ctx.Done():
	case failed = <-errs:
		if failed == nil || errors.Is(failed, http.ErrServerClosed) {
			failed = errors.New("a server stopped by itself")
		}
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err := errors.Join(failed, shutdown(sctx), page.Shutdown(sctx))
	if err == nil {
		fmt.Fprintln(d.out, "stopped")
	}
	return err
}
