package conformance

import (
	"net/http"
	"net/http/httptest"
)

// Helpers for harnesses built on net/http (the core middleware, chi, and any
// framework whose handlers are http.Handlers). Other frameworks write the
// same handlers with their own calls; see Routes.

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

// HandleResource is the PathResource handler for net/http.
func HandleResource(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set(HandlerHeader, HandlerRan)
	h.Set(TotalCountHeader, TotalCount)
	h.Add("Vary", HandlerVary)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte(ResourceBody))
}

// HandleOptions is the PathOptions handler for net/http.
func HandleOptions(w http.ResponseWriter, r *http.Request) {
	w.Header().Set(HandlerHeader, HandlerRan)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte(OptionsBody))
}

// HandleNotFound is the PathNotFound handler for net/http.
func HandleNotFound(w http.ResponseWriter, r *http.Request) {
	w.Header().Set(HandlerHeader, HandlerRan)
	http.Error(w, http.StatusText(http.StatusNotFound), http.StatusNotFound)
}

// HandleServerError is the PathServerError handler for net/http.
func HandleServerError(w http.ResponseWriter, r *http.Request) {
	w.Header().Set(HandlerHeader, HandlerRan)
	http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
}

// HandlePanic is the PathPanic handler for net/http.
func HandlePanic(w http.ResponseWriter, r *http.Request) {
	w.Header().Set(HandlerHeader, HandlerRan)
	panic("conformance: the " + PathPanic + " handler panics on purpose")
}

// NewServeMux returns an http.ServeMux with every standard route, for
// net/http based harnesses that have no router of their own.
func NewServeMux() *http.ServeMux {
	mux := http.NewServeMux()
	for _, m := range ResourceMethods {
		if m != http.MethodHead { // "GET /resource" serves HEAD as well
			mux.HandleFunc(m+" "+PathResource, HandleResource)
		}
	}
	mux.HandleFunc("OPTIONS "+PathOptions, HandleOptions)
	mux.HandleFunc("GET "+PathOptions, HandleOptions)
	mux.HandleFunc("GET "+PathNotFound, HandleNotFound)
	mux.HandleFunc("GET "+PathServerError, HandleServerError)
	mux.HandleFunc("GET "+PathPanic, HandlePanic)
	return mux
}
