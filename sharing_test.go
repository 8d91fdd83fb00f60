package corsa_test

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/corsa-go/corsa"
)

// A handler that edits header values in place must not reach any other
// response (SPEC.md §3b): every value slice is the response's own. Run
// with -race: a shared slice shows up as a data race as well as a wrong
// value.
func TestHandlerEditingHeaderValuesInPlaceCannotCorruptOtherResponses(t *testing.T) {
	p, err := corsa.New(benchConfig)
	if err != nil {
		t.Fatal(err)
	}
	vandal := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, vals := range w.Header() {
			for i := range vals {
				vals[i] = "vandalized"
			}
			_ = append(vals, "appended") // must not write into a neighbour
		}
	})
	h := p.Handler(vandal)
	want := map[string]string{
		"Access-Control-Allow-Origin":      "https://example.com",
		"Access-Control-Allow-Credentials": "true",
		"Access-Control-Expose-Headers":    "X-Total-Count",
		"Vary":                             "Origin",
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				r := httptest.NewRequest("GET", "/", nil)
				r.Header.Set("Origin", "https://example.com")
				// Record what the middleware wrote before the vandal ran.
				var got http.Header
				spy := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					got = w.Header().Clone()
					vandal(w, r)
				})
				p.Handler(spy).ServeHTTP(httptest.NewRecorder(), r)
				for name, v := range want {
					if g := got.Values(name); len(g) != 1 || g[0] != v {
						t.Errorf("%s = %q, want [%q]", name, g, v)
						return
					}
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				r := httptest.NewRequest("GET", "/", nil)
				r.Header.Set("Origin", "https://example.com")
				h.ServeHTTP(httptest.NewRecorder(), r)
			}
		}()
	}
	wg.Wait()
}

// Within one response the values share a backing array; each slice is
// capped so that appending to one header cannot overwrite the next.
func TestAppendingToOneHeaderLeavesTheOthersIntact(t *testing.T) {
	p, err := corsa.New(benchConfig)
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h := p.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Access-Control-Allow-Origin", "https://other.example")
		w.Header().Add("Vary", "Accept-Encoding")
	}))
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Origin", "https://example.com")
	h.ServeHTTP(rec, r)
	if got := rec.Header().Values("Access-Control-Allow-Credentials"); len(got) != 1 || got[0] != "true" {
		t.Errorf("Access-Control-Allow-Credentials = %q, want [true]", got)
	}
	if got := rec.Header().Values("Access-Control-Expose-Headers"); len(got) != 1 || got[0] != "X-Total-Count" {
		t.Errorf("Access-Control-Expose-Headers = %q, want [X-Total-Count]", got)
	}
	if got := rec.Header().Values("Vary"); len(got) != 2 || got[0] != "Origin" || got[1] != "Accept-Encoding" {
		t.Errorf("Vary = %q, want [Origin Accept-Encoding]", got)
	}
}
