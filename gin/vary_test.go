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

// What happens to "Vary: Origin" (SPEC.md §3) when code that runs after
// corsa sets Vary instead of adding to it, as gin's c.Header does: the
// package documentation says where to register such middleware.
func TestVaryWhenDownstreamCodeSetsIt(t *testing.T) {
	listed, anyOrigin := adaptertest.VaryListed(), adaptertest.VaryAny()
	setVary := func(value string) gin.HandlerFunc {
		return func(c *gin.Context) { c.Header("Vary", value); c.Next() }
	}
	writeBody := func(c *gin.Context) { c.String(http.StatusOK, "ok") }
	noBody := func(c *gin.Context) { c.Status(http.StatusNoContent) }
	tests := []struct {
		name   string
		cfg    corsa.Config
		before []gin.HandlerFunc // middleware registered before corsa
		after  []gin.HandlerFunc // middleware and handler after corsa
		want   []string
	}{
		{"a handler that sets Vary and writes a body wipes Origin, which gin has sent before corsa can restore it",
			listed, nil, []gin.HandlerFunc{setVary("Accept-Encoding"), writeBody}, []string{"Accept-Encoding"}},
		{"a handler that sets Vary and writes no body gets Origin back, since gin writes the headers after corsa returns",
			listed, nil, []gin.HandlerFunc{setVary("Accept-Encoding"), noBody}, []string{"Accept-Encoding", "Origin"}},
		{"a Vary set to a list naming Origin gets no second Origin",
			listed, nil, []gin.HandlerFunc{setVary("Accept-Encoding, Origin"), noBody}, []string{"Accept-Encoding, Origin"}},
		{"a Vary set to * gets no Origin, which it covers",
			listed, nil, []gin.HandlerFunc{setVary("*"), noBody}, []string{"*"}},
		{"an any-origin answer, which does not vary, gets no Origin",
			anyOrigin, nil, []gin.HandlerFunc{setVary("Accept-Encoding"), noBody}, []string{"Accept-Encoding"}},
		{"a handler that adds to Vary keeps Origin",
			listed, nil, []gin.HandlerFunc{func(c *gin.Context) { c.Writer.Header().Add("Vary", "Accept-Encoding") }, writeBody},
			[]string{"Origin", "Accept-Encoding"}},
		{"middleware that sets Vary registered before corsa keeps Origin",
			listed, []gin.HandlerFunc{setVary("Accept-Encoding")}, []gin.HandlerFunc{writeBody}, []string{"Accept-Encoding", "Origin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := gin.New()
			r.Use(tt.before...)
			r.Use(corsagin.Must(tt.cfg))
			r.GET("/items", tt.after...)
			adaptertest.CheckVary(t, conformance.Recorder(r), tt.cfg, adaptertest.VaryOrigin, tt.want)
		})
	}
}
