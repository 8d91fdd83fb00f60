package frameworks

import (
	"net/http"
	"slices"
	"testing"

	"github.com/valyala/fasthttp"
)

// The floor restores Vary as corsa's adapters do (core's vary_test.go
// holds the rules): Origin comes back unless a line still lists it or *.
func TestTheFloorRestoresVaryAsCorsaDoes(t *testing.T) {
	tests := []struct {
		name  string
		after []string // the Vary lines the handler left; nil: none
		want  []string
	}{
		{"Origin comes back after a handler replaced Vary", []string{"Accept-Encoding"}, []string{"Accept-Encoding", "Origin"}},
		{"Origin comes back after a handler deleted Vary", nil, []string{"Origin"}},
		{"a Vary that still lists Origin is left alone", []string{"Accept-Encoding, origin"}, []string{"Accept-Encoding, origin"}},
		{"Vary: * is left alone", []string{"*"}, []string{"*"}},
		{"the Vary written before the handler is left alone", []string{"Origin"}, []string{"Origin"}},
	}
	for _, tt := range tests {
		t.Run("on net/http: "+tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.after != nil {
				h["Vary"] = slices.Clone(tt.after)
			}
			floorRestoreVary(h)
			if got := h["Vary"]; !slices.Equal(got, tt.want) {
				t.Errorf("Vary = %q, want %q", got, tt.want)
			}
		})
		t.Run("on fasthttp: "+tt.name, func(t *testing.T) {
			var out fasthttp.ResponseHeader
			for _, v := range tt.after {
				out.Add("Vary", v)
			}
			floorRestoreVaryFast(&out)
			var got []string
			for _, v := range out.PeekAll("Vary") {
				got = append(got, string(v))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Vary = %q, want %q", got, tt.want)
			}
		})
	}
}
