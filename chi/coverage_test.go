package corsachi_test

import (
	"net/http"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	corsachi "github.com/corsa-go/corsa/chi"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
)

// TestWhatCasesCannotExpress covers, on chi, what the conformance cases
// cannot: a handler that sets its own CORS header, the bytes of a
// preflight answer, and a preflight to a path chi's RedirectSlashes
// redirects.
func TestWhatCasesCannotExpress(t *testing.T) {
	r := chi.NewRouter()
	r.Use(corsachi.Must(adaptertest.Policy()), middleware.RedirectSlashes)
	r.Get("/items", markRan)
	r.Get("/own-cors", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
	})
	do := conformance.Recorder(r)
	preflight := adaptertest.Preflight(conformance.AppOrigin, "/items", http.MethodPut, "content-type")

	t.Run("a handler's own Access-Control-Allow-Origin replaces the middleware's", func(t *testing.T) {
		resp, _ := do(adaptertest.Actual(http.MethodGet, conformance.AppOrigin, "/own-cors").HTTP())
		if got := resp.Header.Values("Access-Control-Allow-Origin"); len(got) != 1 || got[0] != "*" {
			t.Errorf("Access-Control-Allow-Origin %q, want the handler's %q", got, "*")
		}
	})
	t.Run("an allowed preflight is 204 with no body, Content-Type or Content-Length", func(t *testing.T) {
		body := adaptertest.Expect(t, do, preflight, adaptertest.AllowedPreflight())
		resp, _ := do(preflight.HTTP())
		if body != "" || resp.Header.Get("Content-Type") != "" || resp.Header.Get("Content-Length") != "" {
			t.Errorf("body %q, Content-Type %q, Content-Length %q: want none", body, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Length"))
		}
	})
	t.Run("a preflight to a path RedirectSlashes redirects is answered by the middleware installed before it", func(t *testing.T) {
		adaptertest.Expect(t, do, adaptertest.Preflight(conformance.AppOrigin, "/items/", http.MethodPut, "content-type"), adaptertest.AllowedPreflight())
	})
	t.Run("RedirectSlashes's redirect keeps the actual-request headers", func(t *testing.T) {
		want := adaptertest.AllowedActual()
		want.Status, want.HandlerRan = http.StatusMovedPermanently, false
		adaptertest.Expect(t, do, adaptertest.Actual(http.MethodGet, conformance.AppOrigin, "/items/"), want)
	})
}
