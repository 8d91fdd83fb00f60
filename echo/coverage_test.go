package corsaecho_test

import (
	"net/http"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsaecho "github.com/corsa-go/corsa/echo"
)

// TestWhatCasesCannotExpress covers, on echo, what the conformance cases
// cannot: a handler that sets its own CORS header and the bytes of a
// preflight answer.
func TestWhatCasesCannotExpress(t *testing.T) {
	e := echo.New()
	e.Use(corsaecho.Must(adaptertest.Policy()))
	e.GET("/items", handle(nil))
	e.GET("/own-cors", func(c echo.Context) error {
		c.Response().Header().Set("Access-Control-Allow-Origin", "*")
		return c.NoContent(http.StatusOK)
	})
	do := conformance.Recorder(e)

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
}
