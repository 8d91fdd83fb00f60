package corsagin_test

import (
	"net/http"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsagin "github.com/corsa-go/corsa/gin"
)

// TestWhatCasesCannotExpress covers, on gin, what the conformance cases
// cannot: a handler that sets its own CORS header, the bytes of a
// preflight answer, and requests to a path gin redirects.
func TestWhatCasesCannotExpress(t *testing.T) {
	r := gin.New()
	r.Use(corsagin.Must(adaptertest.Policy()))
	r.GET("/items", handle(http.StatusOK))
	r.GET("/own-cors", func(c *gin.Context) {
		c.Header("Access-Control-Allow-Origin", "*")
		c.Status(http.StatusOK)
	})
	do := conformance.Recorder(r)

	t.Run("a handler's own Access-Control-Allow-Origin replaces the middleware's", func(t *testing.T) {
		resp, _ := do(adaptertest.Actual(http.MethodGet, appOrigin, "/own-cors").HTTP())
		if got := resp.Header.Values("Access-Control-Allow-Origin"); len(got) != 1 || got[0] != "*" {
			t.Errorf("Access-Control-Allow-Origin %q, want the handler's %q", got, "*")
		}
	})
	t.Run("an allowed preflight is 204 with no body, Content-Type or Content-Length", func(t *testing.T) {
		body := adaptertest.Expect(t, do, preflight(appOrigin, "/items"), adaptertest.AllowedPreflight())
		resp, _ := do(preflight(appOrigin, "/items").HTTP())
		if body != "" || resp.Header.Get("Content-Type") != "" || resp.Header.Get("Content-Length") != "" {
			t.Errorf("body %q, Content-Type %q, Content-Length %q: want none", body, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Length"))
		}
	})
	// gin redirects GET /items/ to /items (RedirectTrailingSlash), but
	// there is no OPTIONS route to redirect to, so the preflight goes
	// through the middleware like any unknown path.
	t.Run("a preflight to a path gin redirects for its trailing slash is answered by the middleware", func(t *testing.T) {
		adaptertest.Expect(t, do, preflight(appOrigin, "/items/"), adaptertest.AllowedPreflight())
	})
	// gin sends that redirect before any middleware runs, so it carries no
	// CORS header and a browser fails the fetch (Fetch checks CORS on
	// redirects too). doc.go says so; this pins it.
	t.Run("gin's own trailing-slash redirect carries no CORS header", func(t *testing.T) {
		adaptertest.Expect(t, do, adaptertest.Actual(http.MethodGet, appOrigin, "/items/"), conformance.Want{Status: http.StatusMovedPermanently})
	})
	// doc.go's way around it: corsa's net/http Handler in front of the
	// engine decides before gin routes.
	t.Run("gin's trailing-slash redirect keeps the actual headers when corsa's Handler wraps the engine", func(t *testing.T) {
		r := gin.New()
		r.GET("/items", handle(http.StatusOK))
		wrapped := conformance.Recorder(corsa.Must(adaptertest.Policy()).Handler(r))
		adaptertest.Expect(t, wrapped, adaptertest.Actual(http.MethodGet, appOrigin, "/items/"),
			adaptertest.AllowedActualWith(http.StatusMovedPermanently, false))
	})
}
