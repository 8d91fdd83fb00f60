package corsachi_test

import (
	"net/http"
	"testing"

	"github.com/go-chi/chi/v5"

	corsachi "github.com/corsa-go/corsa/chi"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
)

// The decision hook needs no adapter code: corsa calls Config.OnDecision
// from Decide, which this adapter calls once per request, with the path it
// routes on.
func TestOnDecisionNeedsNoAdapterCode(t *testing.T) {
	adaptertest.CheckOnDecision(t, onDecisionApp)
}

// A panicking OriginFunc refuses its origin and the server keeps serving.
func TestAnOriginFuncThatPanicsFailsClosed(t *testing.T) {
	adaptertest.CheckOriginFuncPanics(t, onDecisionApp)
}

// onDecisionApp is the app the hook checks serve: GET /api/items behind
// the middleware built from cfg.
var onDecisionApp = func(cfg corsa.Config) func(*http.Request) (*http.Response, error) {
	r := chi.NewRouter()
	r.Use(corsachi.Must(cfg))
	r.Get("/api/items", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	return conformance.Recorder(r)
}
