package corsafasthttp_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafasthttp "github.com/corsa-go/corsa/fasthttp"
)

// events records the events of one server.
type events struct {
	mu  sync.Mutex
	got []corsa.DecisionEvent
}

func (e *events) record(ev corsa.DecisionEvent) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.got = append(e.got, ev)
}

// take returns what the hook saw since the last call, each event as a
// comparable summary: the decisions of two policies point at different
// Policy values.
func (e *events) take() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	var seen []string
	for _, ev := range e.got {
		var headers strings.Builder
		for name, value := range ev.Decision.Headers(ev.Request.Origin) {
			fmt.Fprintf(&headers, "%s: %s; ", name, value)
		}
		d := ev.Decision
		seen = append(seen, fmt.Sprintf("request %+v; preflight %t, %s, status %d, Vary %q, headers %s; refused header %q; panic %v",
			ev.Request, d.Preflight(), d.Reason(), d.Status(), d.Vary(), headers.String(), ev.RefusedHeader, ev.Panic))
	}
	e.got = nil
	return seen
}

// The events OnDecision receives carry the request as this adapter read
// it, which must be what net/http's Handler reads from the same bytes:
// the hook cannot tell the servers apart.
func TestOnDecisionSeesTheRequestAsNetHTTPDoes(t *testing.T) {
	var fromNetHTTP, fromFasthttp events
	cfg := func(e *events) corsa.Config {
		c := adaptertest.ParityPolicy()
		c.CrossOriginProtection = true
		c.OnDecision = e.record
		return c
	}
	srv := httptest.NewServer(corsa.Must(cfg(&fromNetHTTP)).Handler(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, "ok")
	})))
	defer srv.Close()
	addr := listen(t, corsafasthttp.Must(cfg(&fromFasthttp))(ok), nil)

	const origin = "Origin: " + adaptertest.ParityOrigin
	for _, tt := range []struct{ name, raw string }{
		{"a preflight", adaptertest.RawRequest("OPTIONS", origin, "Access-Control-Request-Method: PUT",
			"Access-Control-Request-Headers: content-type", "Access-Control-Request-Headers: x-secret",
			"Access-Control-Request-Private-Network: true")},
		{"a preflight with tabs around every value", adaptertest.RawRequest("OPTIONS", "Origin:\t"+adaptertest.ParityOrigin+"\t",
			"Access-Control-Request-Method:\tDELETE\t", "Access-Control-Request-Headers:\tx-secret\t")},
		{"a GET carrying Access-Control-Request-Method reports no request method",
			adaptertest.RawRequest("GET", origin, "Access-Control-Request-Method: PUT", "Access-Control-Request-Private-Network: true")},
		{"an OPTIONS request without Access-Control-Request-Method", adaptertest.RawRequest("OPTIONS", origin)},
		{"a cross-site write", adaptertest.RawRequest("PUT", "Origin: https://evil.example", "Sec-Fetch-Site: cross-site")},
		{"a write from the same site with tabs", adaptertest.RawRequest("DELETE", origin, "Sec-Fetch-Site:\tsame-site\t")},
		{"two Origin lines", adaptertest.RawRequest("GET", origin, "Origin: https://evil.example")},
		{"an empty Origin line before a real one", adaptertest.RawRequest("OPTIONS", "Origin:", origin, "Access-Control-Request-Method: PUT")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			adaptertest.Ask(t, srv.Listener.Addr().String(), tt.raw)
			adaptertest.Ask(t, addr, tt.raw)
			want, got := fromNetHTTP.take(), fromFasthttp.take()
			if len(want) != 1 {
				t.Fatalf("net/http reported %d events, want 1", len(want))
			}
			if len(got) != 1 || got[0] != want[0] {
				t.Errorf("fasthttp reported\n\t%q\nnet/http\n\t%q", got, want)
			}
		})
	}
	t.Run("a GET carrying Access-Control-Request-Method reports it nowhere", func(t *testing.T) {
		adaptertest.Ask(t, addr, adaptertest.RawRequest("GET", origin, "Access-Control-Request-Method: PUT"))
		fromFasthttp.mu.Lock()
		defer fromFasthttp.mu.Unlock()
		if got := fromFasthttp.got; len(got) != 1 || got[0].Request.RequestMethod != "" || got[0].Decision.Preflight() {
			t.Errorf("events %+v, want one for an actual request with no RequestMethod", got)
		}
	})
}
