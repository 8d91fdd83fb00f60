package suite

import (
	"context"
	"net"

	"github.com/corsa-go/corsa/benchmarks/frameworks"
)

// Server is a case's server, built once and ready to serve the case's
// request again and again: what Bench times, for a caller that runs its
// own timing loop (corsa-bench times CPU rather than wall-clock time, and
// interleaves cases).
type Server struct {
	t   target
	app *frameworks.App
}

// NewServer builds the case's server.
func (c Case) NewServer() (*Server, error) {
	t, app, err := c.build()
	if err != nil {
		return nil, err
	}
	return &Server{t: t, app: app}, nil
}

// Serve serves the case's request n times, resetting the response in
// between as Bench does.
func (s *Server) Serve(n int) {
	for range n {
		s.t.serve()
	}
}

// Listen serves the server's framework stack over HTTP on ln, with the
// framework's own server, for end-to-end measurements, until the returned
// stop is called. Its handler records that it ran in a variable shared by
// every request, so a client must send one request at a time, on one
// connection.
func (s *Server) Listen(ln net.Listener) (stop func() error) {
	stopCtx := s.app.Start(ln)
	return func() error { return stopCtx(context.Background()) }
}
