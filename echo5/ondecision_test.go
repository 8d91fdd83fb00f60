package corsaecho5_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"

	"github.com/labstack/echo/v5"

	corsa "github.com/corsa-go/corsa/core"
	corsaecho5 "github.com/corsa-go/corsa/echo5"
)

// The decision hook needs no adapter code: corsa calls Config.OnDecision
// from Decide, which this adapter calls once per request. These are the
// events a preflight, an allowed and a refused actual request, and a
// request without Origin produce: one each for the three CORS requests,
// with the path this adapter fills in, none for the last.

type event struct {
	kind           corsa.Kind
	reason         corsa.Reason
	method, path   string
	origin, header string
}

type events struct {
	mu  sync.Mutex
	got []event
}

func (e *events) record(ev corsa.DecisionEvent) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.got = append(e.got, event{ev.Decision.Kind, ev.Decision.Reason, ev.Method, ev.Path, ev.Origin, ev.RefusedHeader})
}

// hookRequests are the requests, in order, and wantEvents what OnDecision
// must see for them.
func hookRequests() []*http.Request {
	pre := httptest.NewRequest(http.MethodOptions, "/api/items", nil)
	pre.Header.Set("Origin", "https://app.example.com")
	pre.Header.Set("Access-Control-Request-Method", "PUT")
	pre.Header.Set("Access-Control-Request-Headers", "content-type,x-trace")
	ok := httptest.NewRequest(http.MethodGet, "/api/items", nil)
	ok.Header.Set("Origin", "https://app.example.com")
	evil := httptest.NewRequest(http.MethodGet, "/api/items", nil)
	evil.Header.Set("Origin", "https://evil.example")
	none := httptest.NewRequest(http.MethodGet, "/api/items", nil)
	return []*http.Request{pre, ok, evil, none}
}

var wantEvents = []event{
	{corsa.Preflight, corsa.HeadersNotAllowed, "OPTIONS", "/api/items", "https://app.example.com", "x-trace"},
	{corsa.Actual, corsa.Allowed, "GET", "/api/items", "https://app.example.com", ""},
	{corsa.Actual, corsa.OriginNotAllowed, "GET", "/api/items", "https://evil.example", ""},
}

var hookConfig = corsa.Config{Origins: []string{"https://app.example.com"}, Methods: []string{"PUT"}}

func checkEvents(t *testing.T, got []event) {
	t.Helper()
	if !slices.Equal(got, wantEvents) {
		t.Errorf("OnDecision saw\n%+v\nwant\n%+v", got, wantEvents)
	}
}

func TestOnDecisionNeedsNoAdapterCode(t *testing.T) {
	var ev events
	cfg := hookConfig
	cfg.OnDecision = ev.record
	e := echo.New()
	e.Use(corsaecho5.Must(cfg))
	e.GET("/api/items", func(c *echo.Context) error { return c.NoContent(http.StatusOK) })
	for _, req := range hookRequests() {
		e.ServeHTTP(httptest.NewRecorder(), req)
	}
	checkEvents(t, ev.got)
}
