package corsaecho5_test

import (
	"net/http"
	"testing"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsaecho5 "github.com/corsa-go/corsa/echo5"
)

// What happens to "Vary: Origin" (SPEC.md §3) when code that runs after
// corsa sets Vary instead of adding to it (c.Response().Header().Set):
// the package documentation says where to register such middleware.
func TestVaryWhenDownstreamCodeSetsIt(t *testing.T) {
	listed, anyOrigin := adaptertest.VaryListed(), adaptertest.VaryAny()
	setVary := func(value string) echo.MiddlewareFunc {
		return func(next echo.HandlerFunc) echo.HandlerFunc {
			return func(c *echo.Context) error {
				c.Response().Header().Set("Vary", value)
				return next(c)
			}
		}
	}
	writeBody := func(c *echo.Context) error { return c.String(http.StatusOK, "ok") }
	fail := func(*echo.Context) error { return echo.NewHTTPError(http.StatusServiceUnavailable, "down") }
	tests := []struct {
		name    string
		cfg     corsa.Config
		before  []echo.MiddlewareFunc // registered before corsa
		after   []echo.MiddlewareFunc // registered after corsa
		handler echo.HandlerFunc
		want    []string
	}{
		{"a handler that sets Vary and writes a response wipes Origin, which echo has sent before corsa can restore it",
			listed, nil, []echo.MiddlewareFunc{setVary("Accept-Encoding")}, writeBody, []string{"Accept-Encoding"}},
		{"a handler that sets Vary and returns an error gets Origin back, since echo's error handler writes after corsa returns",
			listed, nil, []echo.MiddlewareFunc{setVary("Accept-Encoding")}, fail, []string{"Accept-Encoding", "Origin"}},
		{"a Vary set to a list naming Origin gets no second Origin",
			listed, nil, []echo.MiddlewareFunc{setVary("Accept-Encoding, Origin")}, fail, []string{"Accept-Encoding, Origin"}},
		{"a Vary set to * gets no Origin, which it covers",
			listed, nil, []echo.MiddlewareFunc{setVary("*")}, fail, []string{"*"}},
		{"an any-origin answer, which does not vary, gets no Origin",
			anyOrigin, nil, []echo.MiddlewareFunc{setVary("Accept-Encoding")}, fail, []string{"Accept-Encoding"}},
		{"echo's Gzip middleware after corsa adds to Vary and keeps Origin",
			listed, nil, []echo.MiddlewareFunc{middleware.Gzip()}, writeBody, []string{"Origin", "Accept-Encoding"}},
		{"middleware that sets Vary registered before corsa keeps Origin",
			listed, []echo.MiddlewareFunc{setVary("Accept-Encoding")}, nil, writeBody, []string{"Accept-Encoding", "Origin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := echo.New()
			e.Use(tt.before...)
			e.Use(corsaecho5.Must(tt.cfg))
			e.Use(tt.after...)
			e.GET("/items", tt.handler)
			adaptertest.CheckVary(t, conformance.Recorder(e), tt.cfg, adaptertest.VaryOrigin, tt.want)
		})
	}
}
