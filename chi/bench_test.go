package corsachi_test

import (
	"net/http"
	"testing"

	corsachi "github.com/corsa-go/corsa/chi"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	"github.com/corsa-go/corsa/conformance/scenario"
	"github.com/go-chi/chi/v5"
)

// benchApp is the chi router the scenarios are served by. The OPTIONS
// route lets the bare router answer preflights with a handler, as a router
// without CORS middleware would, rather than with chi's 405.
func benchApp(use ...func(http.Handler) http.Handler) http.Handler {
	r := chi.NewRouter()
	r.Use(use...)
	r.Get(conformance.PathResource, benchHandler)
	r.Put(conformance.PathResource, benchHandler)
	r.Options(conformance.PathResource, benchHandler)
	return r
}

var ok = []byte("ok")

func benchHandler(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write(ok) }

// benchSetups are the same router without and with corsa.
func benchSetups() (bare, withCorsa adaptertest.Setup) {
	return adaptertest.HTTPSetup("bare", false, benchApp()),
		adaptertest.HTTPSetup("corsa", true, benchApp(corsachi.Must(scenario.Policy())))
}

func BenchmarkMiddleware(b *testing.B) {
	bare, withCorsa := benchSetups()
	adaptertest.BenchmarkScenarios(b, bare, withCorsa)
}

func TestMiddlewareAddsAtMostOneAllocation(t *testing.T) {
	bare, withCorsa := benchSetups()
	adaptertest.CheckAllocsAdded(t, 1, bare, withCorsa)
}
