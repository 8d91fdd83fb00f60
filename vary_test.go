package corsa_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/corsa-go/corsa"
)

func TestVaryListsOrigin(t *testing.T) {
	tests := []struct {
		name  string
		value string
		want  bool
	}{
		{"Origin alone is listed", "Origin", true},
		{"Origin after another name is listed", "Accept-Encoding, Origin", true},
		{"Origin before another name, without a space, is listed", "Origin,Accept-Encoding", true},
		{"a lower-case origin is listed, names being case-insensitive", "accept-encoding, origin", true},
		{"Origin between tabs is listed", "Accept-Encoding,\tOrigin\t", true},
		{"a star varies on everything, Origin included", "*", true},
		{"a star among names varies on everything", "Accept-Encoding, *", true},
		{"an empty value lists nothing", "", false},
		{"another name alone does not list Origin", "Accept-Encoding", false},
		{"a name that starts with Origin is another name", "Origin-Agent-Cluster", false},
		{"a name that ends with Origin is another name", "X-Origin", false},
		{"Origin inside a preflight name is not Origin", "Access-Control-Request-Method", false},
		{"empty elements list nothing", " , ,", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := corsa.VaryListsOrigin(tt.value); got != tt.want {
				t.Errorf("VaryListsOrigin(%q) = %v, want %v", tt.value, got, tt.want)
			}
		})
	}
	t.Run("it never allocates", func(t *testing.T) {
		line := "Accept-Encoding, origin"
		if n := testing.AllocsPerRun(100, func() { sinkListed = corsa.VaryListsOrigin(line) }); n != 0 {
			t.Errorf("VaryListsOrigin allocates %.0f times, want 0", n)
		}
	})
}

// sinkListed keeps VaryListsOrigin's result, so that the call is not
// optimized away.
var sinkListed bool

func TestDecisionRestoreVary(t *testing.T) {
	listed := corsa.Must(corsa.Config{Origins: []string{"https://app.example"}, Methods: []string{"PUT"}})
	anyOrigin := corsa.Must(corsa.Config{Origins: []string{"*"}})
	actual := corsa.Request{Method: "GET", Origin: "https://app.example"}
	preflight := corsa.Request{Method: "OPTIONS", Origin: "https://app.example", RequestMethod: "PUT"}
	tests := []struct {
		name   string
		policy *corsa.Policy
		req    corsa.Request
		after  []string // the Vary lines the handler left; nil: none
		want   []string
	}{
		{"Origin comes back after a handler replaced Vary", listed, actual,
			[]string{"Accept-Encoding"}, []string{"Accept-Encoding", "Origin"}},
		{"Origin comes back after a handler deleted Vary", listed, actual,
			nil, []string{"Origin"}},
		{"Origin comes back for a refused origin", listed, corsa.Request{Method: "GET", Origin: "https://evil.example"},
			[]string{"Accept-Encoding"}, []string{"Accept-Encoding", "Origin"}},
		{"Origin comes back for a refused origin after a handler deleted Vary", listed, corsa.Request{Method: "GET", Origin: "https://evil.example"},
			nil, []string{"Origin"}},
		{"Origin comes back for a request without Origin", listed, corsa.Request{Method: "GET"},
			[]string{"Accept-Encoding"}, []string{"Accept-Encoding", "Origin"}},
		{"a Vary that still lists Origin is left alone", listed, actual,
			[]string{"Accept-Encoding, Origin"}, []string{"Accept-Encoding, Origin"}},
		{"a Vary listing Origin on another line is left alone", listed, actual,
			[]string{"Accept-Encoding", "origin"}, []string{"Accept-Encoding", "origin"}},
		{"Vary: * is left alone, since it covers Origin", listed, actual,
			[]string{"*"}, []string{"*"}},
		{"an any-origin answer, which does not vary, gets no Origin", anyOrigin, actual,
			[]string{"Accept-Encoding"}, []string{"Accept-Encoding"}},
		{"an any-origin answer to a request without Origin, constant too, gets no Origin", anyOrigin, corsa.Request{Method: "GET"},
			[]string{"Accept-Encoding"}, []string{"Accept-Encoding"}},
		{"a preflight's Vary, which no handler touches, is not added", listed, preflight,
			[]string{"Accept-Encoding"}, []string{"Accept-Encoding"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := corsa.Decide(tt.policy, &tt.req)
			h := http.Header{}
			d.SetHeaders(h)
			delete(h, "Vary")
			if tt.after != nil {
				h["Vary"] = slices.Clone(tt.after)
			}
			d.RestoreVary(h)
			if got := h["Vary"]; !slices.Equal(got, tt.want) {
				t.Errorf("Vary = %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("the handler's Vary slice is copied, not appended to in place", func(t *testing.T) {
		d := corsa.Decide(listed, &actual)
		held := make([]string, 1, 4)
		held[0] = "Accept-Encoding"
		h := http.Header{"Vary": held}
		d.RestoreVary(h)
		if spare := held[:2][1]; spare != "" {
			t.Errorf("RestoreVary wrote %q into the handler's slice", spare)
		}
	})
	t.Run("checking a Vary that still lists Origin never allocates", func(t *testing.T) {
		d := corsa.Decide(listed, &actual)
		h := http.Header{"Vary": {"Accept-Encoding, Origin"}}
		if n := testing.AllocsPerRun(100, func() { d.RestoreVary(h) }); n != 0 {
			t.Errorf("RestoreVary allocates %.0f times, want 0", n)
		}
	})
}

// The net/http Handler cannot tell whether the response headers are sent
// without wrapping the ResponseWriter, which would cost an allocation and
// hide the writer's optional interfaces, so it does not restore Vary: a
// handler that sets Vary wipes Origin. The package documentation says to
// add to Vary, or to set it in middleware outside corsa.
func TestHandlerLeavesVaryToTheHandler(t *testing.T) {
	p := corsa.Must(corsa.Config{Origins: []string{"https://app.example"}})
	tests := []struct {
		name    string
		handler http.HandlerFunc
		want    []string
	}{
		{"a handler that sets Vary wipes Origin", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Vary", "Accept-Encoding")
			w.Write([]byte("ok"))
		}, []string{"Accept-Encoding"}},
		{"a handler that adds to Vary keeps Origin", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Add("Vary", "Accept-Encoding")
			w.Write([]byte("ok"))
		}, []string{"Origin", "Accept-Encoding"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/", nil)
			req.Header.Set("Origin", "https://app.example")
			rec := httptest.NewRecorder()
			p.Handler(tt.handler).ServeHTTP(rec, req)
			if got := rec.Result().Header.Values("Vary"); !slices.Equal(got, tt.want) {
				t.Errorf("Vary lines %q, want %q", got, tt.want)
			}
		})
	}
}
