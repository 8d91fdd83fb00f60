package corsa_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// The allocation contract (SPEC.md §3b, DESIGN.md): deciding never
// allocates, and serving allocates exactly the one per-response backing
// array that holds the header values written.
func TestHandlerAllocatesAtMostOncePerRequest(t *testing.T) {
	for _, set := range allocScenarioSets() {
		p, err := corsa.New(set.cfg)
		if err != nil {
			t.Fatal(err)
		}
		h := p.Handler(okHandler)
		for _, sc := range set.scenarios {
			t.Run("serving the "+sc.name+" scenario allocates at most once", func(t *testing.T) {
				w := newDiscardWriter()
				h.ServeHTTP(w, sc.req) // warm the header map up to its size
				if w.status != sc.wantStatus {
					t.Fatalf("status = %d, want %d", w.status, sc.wantStatus)
				}
				allocs := testing.AllocsPerRun(100, func() {
					w.reset()
					h.ServeHTTP(w, sc.req)
				})
				if allocs > 1 {
					t.Errorf("%v allocations per request, want at most 1", allocs)
				}
			})
			t.Run("deciding the "+sc.name+" scenario allocates nothing", func(t *testing.T) {
				allocs := testing.AllocsPerRun(100, func() {
					req := corsa.RequestFromHTTP(sc.req)
					d := p.Decide(&req)
					_ = d.Headers()
				})
				if allocs != 0 {
					t.Errorf("%v allocations per decision, want 0", allocs)
				}
			})
		}
	}
}

// allocScenarioSets are the benchmark scenarios on the benchmark policy,
// plus the paths SPEC revision 2 added: the constant answers of an
// any-origin policy, and a Private Network Access preflight to a policy
// without it.
func allocScenarioSets() []struct {
	cfg       corsa.Config
	scenarios []scenario
} {
	req := func(method string, header ...string) *http.Request {
		r := httptest.NewRequest(method, "/resource", nil)
		for i := 0; i < len(header); i += 2 {
			r.Header.Add(header[i], header[i+1])
		}
		return r
	}
	anyOrigin := corsa.Config{Origins: []string{"*"}, ExposedHeaders: []string{"X-Total-Count"}}
	return []struct {
		cfg       corsa.Config
		scenarios []scenario
	}{
		{benchConfig, append(scenarios(),
			scenario{"private-network-off preflight", req("OPTIONS", "Origin", "https://example.com",
				"Access-Control-Request-Method", "PUT",
				"Access-Control-Request-Private-Network", "true"), 204})},
		{anyOrigin, []scenario{
			{"any-origin no-origin", req("GET"), 200},
			{"any-origin null", req("GET", "Origin", "null"), 200},
			{"any-origin repeated-origin", req("GET", "Origin", "https://a.example", "Origin", "https://b.example"), 200},
			{"any-origin preflight from null", req("OPTIONS", "Origin", "null", "Access-Control-Request-Method", "GET"), 204},
		}},
	}
}

func TestSetHeadersWritingNothingAllocatesNothing(t *testing.T) {
	var d corsa.Decision // a decision with no headers and no Vary
	w := newDiscardWriter()
	if allocs := testing.AllocsPerRun(100, func() { d.SetHeaders(w.header) }); allocs != 0 {
		t.Errorf("%v allocations, want 0", allocs)
	}
	if len(w.header) != 0 {
		t.Errorf("header = %v, want empty", w.header)
	}
}

func TestMiddlewareAllocatesAtMostOncePerRequest(t *testing.T) {
	m, err := corsa.NewMiddleware(benchConfig)
	if err != nil {
		t.Fatal(err)
	}
	h := m.Handler(okHandler)
	for _, sc := range scenarios() {
		t.Run("serving the "+sc.name+" scenario allocates at most once", func(t *testing.T) {
			w := newDiscardWriter()
			allocs := testing.AllocsPerRun(100, func() {
				w.reset()
				h.ServeHTTP(w, sc.req)
			})
			if allocs > 1 {
				t.Errorf("%v allocations per request, want at most 1", allocs)
			}
		})
	}
}

// Adapters such as corsafiber gather header lines into a stack array;
// Decide must not make that array escape to the heap.
func TestDecideKeepsTheCallersHeaderLinesOnTheStack(t *testing.T) {
	p, err := corsa.New(benchConfig)
	if err != nil {
		t.Fatal(err)
	}
	allocs := testing.AllocsPerRun(100, func() {
		var lines [4]string
		lines[0] = "authorization"
		lines[1] = "content-type"
		req := corsa.Request{
			Method: "OPTIONS", Origin: "https://example.com", RequestMethod: "PUT",
			RequestHeaders: lines[:2],
		}
		d := p.Decide(&req)
		if !d.Allowed() {
			t.Fatal("preflight refused")
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations, want 0", allocs)
	}
}

func TestMatchingAnyKindOfEntryAllocatesNothing(t *testing.T) {
	p := mustPolicy(t, corsa.Config{Origins: append([]string{"https://*.example.org", "http://localhost:*"}, manyExact...)})
	for _, origin := range []string{
		"https://e8.example", "https://a.b.example.org", "http://localhost:3000",
		"https://evil.example", "https://" + strings.Repeat("a", 1<<20),
	} {
		t.Run("deciding on "+origin[:min(len(origin), 40)]+" allocates nothing", func(t *testing.T) {
			req := corsa.Request{Method: "GET", Origin: origin}
			if allocs := testing.AllocsPerRun(100, func() { _ = p.Decide(&req) }); allocs != 0 {
				t.Errorf("%v allocations per decision, want 0", allocs)
			}
		})
	}
}
