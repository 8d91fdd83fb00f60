package suite

// Server is a case's server, built once and ready to serve the case's
// request again and again: what Bench times, for a caller that runs its
// own timing loop (corsa-bench times CPU rather than wall-clock time, and
// interleaves cases).
type Server struct{ t target }

// NewServer builds the case's server.
func (c Case) NewServer() (*Server, error) {
	t, err := c.Impl.build(c.Scenario)
	if err != nil {
		return nil, err
	}
	return &Server{t: t}, nil
}

// Serve serves the case's request n times, resetting the response in
// between as Bench does.
func (s *Server) Serve(n int) {
	for range n {
		s.t.serve()
	}
}
