package main

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/julienschmidt/httprouter"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
)

// newRouter registers the suite's standard routes, with httprouter's own
// panic recovery and its defaults otherwise (automatic OPTIONS answers,
// 405 for a known path without the method).
func newRouter() *httprouter.Router {
	r := httprouter.New()
	r.PanicHandler = func(w http.ResponseWriter, _ *http.Request, _ any) {
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
	}
	for _, rt := range conformance.Routes {
		for _, m := range rt.Methods {
			r.Handler(m, rt.Path, rt)
		}
	}
	return r
}

// harness serves a policy as the package documentation says to: the
// policy's net/http middleware around the whole router. No adapter is
// involved, and http.Header keeps repeated request header lines apart, so
// the harness has no quirk.
func harness(cfg corsa.Config) (conformance.Server, error) {
	p, err := corsa.New(cfg)
	if err != nil {
		return conformance.Server{}, err
	}
	return conformance.Server{Do: conformance.Recorder(p.Handler(newRouter()))}, nil
}

func TestConformance(t *testing.T) {
	conformance.Run(t, harness)
}

// TestWrappingOneRouteLeavesItsPreflightToTheRouter shows why the whole
// router must be wrapped: httprouter answers the preflight of a route
// without an OPTIONS handler itself, before any route's handler, so a
// policy around that handler adds nothing to the answer.
func TestWrappingOneRouteLeavesItsPreflightToTheRouter(t *testing.T) {
	p, err := corsa.New(corsa.Config{Origins: []string{conformance.AppOrigin}, Methods: []string{"PUT"}})
	if err != nil {
		t.Fatal(err)
	}
	items := conformance.Route{Path: "/items", Methods: []string{http.MethodPut}, Status: http.StatusOK}
	perRoute := httprouter.New()
	perRoute.Handler(http.MethodPut, items.Path, p.Handler(items))
	whole := httprouter.New()
	whole.Handler(http.MethodPut, items.Path, items)

	tests := []struct {
		name      string
		handler   http.Handler
		status    int
		allow     string // the router's Allow header
		allowOrig string // Access-Control-Allow-Origin
	}{
		{"the policy around one route never sees the preflight: the router's 200 has no CORS header",
			perRoute, http.StatusOK, "OPTIONS, PUT", ""},
		{"the policy around the router answers the preflight with 204 and the origin",
			p.Handler(whole), http.StatusNoContent, "", conformance.AppOrigin},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodOptions, "/items", nil)
			r.Header.Set("Origin", conformance.AppOrigin)
			r.Header.Set("Access-Control-Request-Method", "PUT")
			w := httptest.NewRecorder()
			tt.handler.ServeHTTP(w, r)
			if w.Code != tt.status {
				t.Errorf("status %d, want %d", w.Code, tt.status)
			}
			if got := w.Header().Get("Allow"); got != tt.allow {
				t.Errorf("Allow %q, want %q", got, tt.allow)
			}
			if got := w.Header().Get("Access-Control-Allow-Origin"); got != tt.allowOrig {
				t.Errorf("Access-Control-Allow-Origin %q, want %q", got, tt.allowOrig)
			}
		})
	}
}
