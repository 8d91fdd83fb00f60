package main

import (
	"context"
	"log"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/corsa-go/corsa"
)

// shutdownTimeout bounds how long in-flight requests may take to finish
// after a signal.
const shutdownTimeout = 5 * time.Second

// server is one framework's server, whatever its transport.
type server interface {
	serve(net.Listener) error
	shutdown(context.Context) error
}

// newServer builds the configured framework's server: the standard routes,
// with corsa (and refusal logging) unless opts.bare. The returned
// Middleware serves the policy (nil with opts.bare), for watchPolicy.
func newServer(opts options, logger *log.Logger) (server, *corsa.Middleware, error) {
	var m *corsa.Middleware
	if !opts.bare {
		var err error
		if m, err = corsa.NewMiddleware(opts.policy); err != nil {
			return nil, nil, err
		}
		logWarnings(m.Policy(), logger)
	}
	switch opts.framework {
	case "fiber":
		return newFiberServer(m, logger), m, nil
	case "fiber3":
		return newFiber3Server(m, logger), m, nil
	}
	var h http.Handler
	switch opts.framework {
	case "chi":
		h = chiHandler(m, logger)
	case "gin":
		h = ginHandler(m, logger)
	case "echo":
		h = echoHandler(m, logger)
	case "echo5":
		h = echo5Handler(m, logger)
	default:
		h = netHTTPHandler(m, logger)
	}
	return &httpServer{srv: &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}}, m, nil
}

func logWarnings(p *corsa.Policy, logger *log.Logger) {
	for _, w := range p.Warnings() {
		logger.Print("policy warning: ", w)
	}
}

// httpServer serves an http.Handler: net/http, chi, gin and echo (v4, v5).
type httpServer struct{ srv *http.Server }

func (s *httpServer) serve(ln net.Listener) error { return s.srv.Serve(ln) }

func (s *httpServer) shutdown(ctx context.Context) error { return s.srv.Shutdown(ctx) }

// logRefusals is a net/http middleware, installed outside corsa's, that
// logs every CORS request the current policy refuses, with the policy's
// explanation. It decides a second time: corsa-serve is for tests, and
// the logging must not change what the middleware under test does. (With
// -watch, a request that arrives during a reload may be logged under the
// old policy and served under the new one.)
func logRefusals(m *corsa.Middleware, logger *log.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := corsa.RequestFromHTTP(r)
		logIfRefused(m.Policy(), &req, r.URL.Path, logger)
		next.ServeHTTP(w, r)
	})
}

func logIfRefused(p *corsa.Policy, req *corsa.Request, path string, logger *log.Logger) {
	if d := p.Decide(req); d.Kind != corsa.NotCORS && !d.Allowed() {
		logger.Printf("refused %s %s: %s", quoteCut(req.Method, logValueMax), quoteCut(path, logValueMax),
			quoteCut(p.Explain(req), logExplainMax))
	}
}

// Bounds on what one refusal line holds: the request values are the
// client's, and a hostile client sends megabytes.
const (
	logValueMax   = 256
	logExplainMax = 4 << 10
)

// quoteCut quotes s, so that no byte of it can break the log line or pass
// for log syntax, cut to max bytes with its full length noted.
func quoteCut(s string, max int) string {
	if len(s) <= max {
		return strconv.Quote(s)
	}
	return strconv.Quote(s[:max]) + "... (" + strconv.Itoa(len(s)) + " bytes)"
}
