package conformance

import (
	"io"
	"net/http"
	"net/http/httptest"
)

// Helpers for harnesses built on net/http (corsa's own Handler, chi, and any
// framework whose handlers are http.Handlers). Other frameworks write the
// same handlers with their own calls; see Route.

// ServeHTTP is rt's handler for net/http: it marks the response with
// HandlerHeader, then does what rt says, ending in 404 or 500 through
// http.Error, the net/http error path.
func (rt Route) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	h := w.Header()
	_ = rt.Serve(h.Set, h.Add, func(status int) error {
		http.Error(w, http.StatusText(status), status)
		return nil
	}, func(body string) error {
		_, err := io.WriteString(w, body)
		return err
	})
}

// NewServeMux returns an http.ServeMux serving every standard route, for
// net/http based harnesses that have no router of their own.
func NewServeMux() *http.ServeMux {
	mux := http.NewServeMux()
	for _, rt := range Routes {
		for _, m := range rt.Methods {
			mux.Handle(m+" "+rt.Path, rt)
		}
	}
	return mux
}

// Recorder returns a Server.Do that serves each request with h in memory,
// through an httptest.ResponseRecorder, and returns the recorded response.
// Headers the handler sets after writing the status are not in the
// response, as on the wire.
func Recorder(h http.Handler) func(*http.Request) (*http.Response, error) {
	return func(r *http.Request) (*http.Response, error) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		return rec.Result(), nil
	}
}

// Recover is the smallest recovery middleware: a panic in next becomes a
// 500 response (with whatever headers were already set). Install it outside
// the CORS middleware, as users install their framework's recovery.
func Recover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}
