package corsa_test

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// allocScenario is a request and the exact number of allocations serving
// it costs: 1 when the response gets any header (the one backing array
// for every value written, SPEC.md §3b), 0 when it gets none.
type allocScenario struct {
	scenario
	allocs int
}

// allocSet is a Source and the scenarios served through it.
type allocSet struct {
	name      string
	src       corsa.Source
	scenarios []allocScenario
}

// allocRequest builds a request to api.example.test, so that its Host is
// that; header holds name, value pairs.
func allocRequest(method, target string, header ...string) *http.Request {
	r := httptest.NewRequest(method, "http://api.example.test"+target, nil)
	for i := 0; i < len(header); i += 2 {
		r.Header.Add(header[i], header[i+1])
	}
	return r
}

// allocSets are the benchmark scenarios on the benchmark policy, the paths
// SPEC revision 2 added (the constant answers of an any-origin policy, a
// Private Network Access preflight to a policy without it), the
// cross-origin writes of revision 3, and the other two Sources.
func allocSets(t *testing.T) []allocSet {
	every := func(scs []scenario, allocs int) []allocScenario {
		var out []allocScenario
		for _, sc := range scs {
			out = append(out, allocScenario{sc, allocs})
		}
		return out
	}
	bench := every(append(scenarios(), scenario{"private-network-off preflight", allocRequest("OPTIONS", "/resource",
		"Origin", "https://example.com", "Access-Control-Request-Method", "PUT",
		"Access-Control-Request-Private-Network", "true"), 204}), 1)
	m, err := corsa.NewMiddleware(benchConfig)
	if err != nil {
		t.Fatal(err)
	}
	pp, err := corsa.NewPaths(map[string]corsa.Config{"/api": benchConfig})
	if err != nil {
		t.Fatal(err)
	}
	return []allocSet{
		{"the benchmark policy", mustPolicy(t, benchConfig), bench},
		{"a Middleware serving it", m, bench},
		{"an any-origin policy", mustPolicy(t, corsa.Config{Origins: []string{"*"}, ExposedHeaders: []string{"X-Total-Count"}}),
			every([]scenario{
				{"any-origin no-origin", allocRequest("GET", "/"), 200},
				{"any-origin null", allocRequest("GET", "/", "Origin", "null"), 200},
				{"any-origin repeated-origin", allocRequest("GET", "/", "Origin", "https://a.example", "Origin", "https://b.example"), 200},
				{"any-origin preflight from null", allocRequest("OPTIONS", "/", "Origin", "null", "Access-Control-Request-Method", "GET"), 204},
			}, 1)},
		{"a policy protecting cross-origin writes", mustPolicy(t, corsa.Config{Origins: []string{"https://example.com"}, CrossOriginProtection: true}),
			every([]scenario{
				{"cross-site write refused", allocRequest("POST", "/", "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"), 403},
				{"cross-site write from a trusted origin", allocRequest("POST", "/", "Origin", "https://example.com", "Sec-Fetch-Site", "cross-site"), 200},
				{"write from another host without Fetch Metadata refused", allocRequest("PUT", "/", "Origin", "https://evil.example"), 403},
				{"same-origin write without Fetch Metadata", allocRequest("DELETE", "/", "Origin", "http://api.example.test"), 200},
				{"cross-site write without Origin refused", allocRequest("POST", "/", "Sec-Fetch-Site", "same-site"), 403},
			}, 1)},
		{"a Paths", pp, []allocScenario{
			{scenario{"covered actual", allocRequest("GET", "/api/items", "Origin", "https://example.com"), 200}, 1},
			{scenario{"covered preflight", allocRequest("OPTIONS", "/api", "Origin", "https://example.com", "Access-Control-Request-Method", "PUT"), 204}, 1},
			{scenario{"uncovered path", allocRequest("GET", "/static/app.js", "Origin", "https://example.com"), 200}, 0},
			{scenario{"path no router reads alike", allocRequest("GET", "/api/../api/items", "Origin", "https://example.com"), 200}, 0},
		}},
	}
}

// times says how many times something allocates, for test names.
func times(n int) string {
	switch n {
	case 0:
		return "nothing"
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return strconv.Itoa(n) + " times"
}

// The allocation contract (SPEC.md §3b): with no hook set, deciding never
// allocates, and serving allocates exactly the one per-response backing
// array that holds the header values written, nothing when it writes none.
func TestServingAllocatesOnlyTheHeaderValuesItWrites(t *testing.T) {
	for _, set := range allocSets(t) {
		h := set.src.Handler(okHandler)
		for _, sc := range set.scenarios {
			t.Run(set.name+": serving the "+sc.name+" scenario allocates "+times(sc.allocs), func(t *testing.T) {
				w := newDiscardWriter()
				h.ServeHTTP(w, sc.req) // warm the header map up to its size
				if w.status != sc.wantStatus {
					t.Fatalf("status = %d, want %d", w.status, sc.wantStatus)
				}
				if wrote := len(w.header) > 0; wrote != (sc.allocs == 1) {
					t.Fatalf("test bug: the response got headers %v, but %d allocation(s) expected", w.header, sc.allocs)
				}
				allocs := testing.AllocsPerRun(100, func() {
					w.reset()
					h.ServeHTTP(w, sc.req)
				})
				if allocs != float64(sc.allocs) {
					t.Errorf("%v allocations per request, want exactly %d", allocs, sc.allocs)
				}
			})
			t.Run(set.name+": reading and deciding the "+sc.name+" scenario allocates nothing", func(t *testing.T) {
				allocs := testing.AllocsPerRun(100, func() {
					var req corsa.Request
					req.ReadHTTP(sc.req)
					d := corsa.Decide(set.src, &req)
					for range d.Headers(req.Origin) {
					}
				})
				if allocs != 0 {
					t.Errorf("%v allocations per decision, want 0", allocs)
				}
			})
		}
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

// Adapters such as corsafasthttp gather header lines into a stack array;
// Decide must not make that array escape to the heap.
func TestDecideKeepsTheCallersHeaderLinesOnTheStack(t *testing.T) {
	p := mustPolicy(t, benchConfig)
	allocs := testing.AllocsPerRun(100, func() {
		var lines [4]string
		lines[0] = "authorization"
		lines[1] = "content-type"
		req := corsa.Request{
			Method: "OPTIONS", Origin: "https://example.com", RequestMethod: "PUT",
			RequestHeaders: lines[:2],
		}
		if d := corsa.Decide(p, &req); d.Reason() != corsa.Allowed {
			t.Fatalf("preflight refused: %v", d.Reason())
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
			if allocs := testing.AllocsPerRun(100, func() { _ = corsa.Decide(p, &req) }); allocs != 0 {
				t.Errorf("%v allocations per decision, want 0", allocs)
			}
		})
	}
}

// Without Sec-Fetch-Site, a cross-origin write is told by Origin against
// Host. For an origin in the form browsers send, that comparison reads the
// host without url.Parse, which allocates: protecting writes costs
// nothing per request, refused or not.
func TestTellingCrossOriginWritesByOriginAllocatesNothing(t *testing.T) {
	p := mustPolicy(t, corsa.Config{Origins: []string{"https://app.example.com"}, CrossOriginProtection: true})
	for _, tc := range []struct{ origin, host string }{
		{"https://app.example.com", "api.example.com"},
		{"https://evil.example", "api.example.com"},
		{"http://localhost:8080", "localhost:8080"},
		{"http://127.0.0.1:8080", "localhost:8080"},
		{"chrome-extension://abcdefghijklmnop", "api.example.com"},
		{"tauri://localhost", "localhost"},
		{"web+a.z-9://zz.example", "api.example.com"},
	} {
		t.Run("a POST from "+tc.origin+" to "+tc.host+" is decided without allocating", func(t *testing.T) {
			req := corsa.Request{Method: "POST", Origin: tc.origin, Host: tc.host}
			if allocs := testing.AllocsPerRun(100, func() { _ = corsa.Decide(p, &req) }); allocs != 0 {
				t.Errorf("%v allocations per decision, want 0", allocs)
			}
		})
	}
}
