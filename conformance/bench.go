package conformance

import (
	"net/http"
	"strings"
)

// Scenario is one request an adapter's benchmarks and allocation tests
// replay against AdapterPolicy, so that every adapter is measured on the
// same five requests and its numbers compare with the others'.
type Scenario struct {
	// Name is the benchmark's sub-name: preflight, actual, disallowed,
	// no-origin or hostile-acrh.
	Name string
	// Request goes to PathResource.
	Request Request
	// Status is what corsa answers under AdapterPolicy; a handler that
	// answers the request itself answers 200.
	Status int
}

// Scenarios returns the allocation contract's five request shapes (DESIGN.md:
// allowed preflight, allowed actual, disallowed origin, no Origin, hostile
// Access-Control-Request-Headers), fresh on every call.
func Scenarios() []Scenario {
	return []Scenario{
		{"preflight", Preflight(AppOrigin, PathResource, http.MethodPut, "content-type,x-request-id"), http.StatusNoContent},
		{"actual", Actual(http.MethodGet, AppOrigin, PathResource), http.StatusOK},
		{"disallowed", Actual(http.MethodGet, OtherOrigin, PathResource), http.StatusOK},
		{"no-origin", Actual(http.MethodGet, "", PathResource), http.StatusOK},
		// A megabyte of names, as in the rs/cors advisory
		// GHSA-mh55-gqvf-xfwm: refused in bounded time (SPEC.md §4).
		{"hostile-acrh", Preflight(AppOrigin, PathResource, http.MethodPut, strings.Repeat("x-h,", 1<<18)), http.StatusForbidden},
	}
}

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
