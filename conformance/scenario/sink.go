package scenario

import "net/http"

// Sink is an http.ResponseWriter that can be reused without allocating,
// unlike httptest.ResponseRecorder, so that an allocation test or a
// benchmark counts only the router and the middleware.
type Sink struct {
	header http.Header
	// Status is the first status written, 0 before any.
	Status int
}

// NewSink returns an empty Sink.
func NewSink() *Sink { return &Sink{header: http.Header{}} }

// Header returns the response header map, which Reset clears in place.
func (s *Sink) Header() http.Header { return s.header }

// Write discards p, writing status 200 first if no status was written.
func (s *Sink) Write(p []byte) (int, error) {
	s.WriteHeader(http.StatusOK)
	return len(p), nil
}

// WriteHeader records the first status written.
func (s *Sink) WriteHeader(status int) {
	if s.Status == 0 {
		s.Status = status
	}
}

// Reset empties the header map, keeping its storage, and forgets the status.
func (s *Sink) Reset() {
	clear(s.header)
	s.Status = 0
}

// Serve resets s and serves r on h.
func (s *Sink) Serve(h http.Handler, r *http.Request) {
	s.Reset()
	h.ServeHTTP(s, r)
}
