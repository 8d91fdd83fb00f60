package frameworks_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/frameworks"
	"github.com/corsa-go/corsa/conformance"
)

// gin's router answers a trailing-slash redirect before any middleware
// installed with Use runs: only corsa in front of the engine gives that
// answer CORS.
func TestCorsaInFrontOfGinGivesCORSToWhatTheRouterAnswersItself(t *testing.T) {
	const origin = "https://app.example.com"
	gin, ok := frameworks.Named("gin")
	if !ok || !gin.Front {
		t.Fatal("gin is not served with corsa in front")
	}
	build := func(front bool) http.Handler {
		app, err := gin.Build(frameworks.Stack{
			CORS:   frameworks.CORS{Kind: frameworks.Corsa, Policy: corsa.Config{Origins: []string{origin}}, Front: front},
			Routes: frameworks.Standard(),
		})
		if err != nil {
			t.Fatal(err)
		}
		return app.HTTP
	}
	for _, tt := range []struct {
		name, method, path string
		status             int
		// use is Access-Control-Allow-Origin with the adapter installed
		// with Use, front with corsa in front.
		use, front string
	}{
		{"a trailing-slash redirect of a GET carries CORS only with corsa in front", http.MethodGet, conformance.PathResource + "/", http.StatusMovedPermanently, "", origin},
		{"a trailing-slash redirect of a PUT carries CORS only with corsa in front", http.MethodPut, conformance.PathResource + "/", http.StatusTemporaryRedirect, "", origin},
		{"a route's own answer carries CORS either way", http.MethodGet, conformance.PathResource, http.StatusOK, origin, origin},
		{"a 404 for no route carries CORS either way", http.MethodGet, "/nowhere", http.StatusNotFound, origin, origin},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, front := range []bool{false, true} {
				req := httptest.NewRequest(tt.method, "http://api.example.com"+tt.path, nil)
				req.Header.Set("Origin", origin)
				rec := httptest.NewRecorder()
				build(front).ServeHTTP(rec, req)
				want := tt.use
				if front {
					want = tt.front
				}
				if got := rec.Header().Get("Access-Control-Allow-Origin"); rec.Code != tt.status || got != want {
					t.Errorf("front %v: status %d, Access-Control-Allow-Origin %q; want %d, %q", front, rec.Code, got, tt.status, want)
				}
			}
		})
	}
}

func TestCorsaInFrontNeedsAFrameworkOnNetHTTP(t *testing.T) {
	for _, fw := range frameworks.All() {
		_, err := fw.Build(frameworks.Stack{
			CORS:   frameworks.CORS{Kind: frameworks.Corsa, Policy: corsa.Config{Origins: []string{"https://app.example.com"}}, Front: true},
			Routes: frameworks.Standard(),
		})
		app, _ := fw.Build(frameworks.Stack{Routes: frameworks.Standard()})
		if onHTTP := app.HTTP != nil; (err == nil) != onHTTP {
			t.Errorf("%s (on net/http: %v): Build with corsa in front: %v", fw.Label, onHTTP, err)
		}
	}
}
