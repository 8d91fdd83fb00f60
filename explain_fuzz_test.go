package corsa_test

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// manyExact pushes a policy past the size where exact origins move from a
// list to a map, so that both lookups are fuzzed.
var manyExact = []string{
	"https://e1.example", "https://e2.example", "https://e3.example", "https://e4.example",
	"https://e5.example", "https://e6.example", "https://e7.example", "https://e8.example",
}

var originLine = regexp.MustCompile(`(?m)^  origin[ :].*$`)
var entryIndex = regexp.MustCompile(`origins\[(\d+)\]`)

// FuzzExplain checks that Explain never disagrees with Decide: the verdict
// on its first line is Decide's, its origin line allows exactly when
// Decide's origin check passed, and the entry it names allows the origin
// on its own.
func FuzzExplain(f *testing.F) {
	f.Add("https://*.a.com", "https://*.a.com", "https://*.b.com", "https://x.b.com", "GET", "", false)
	f.Add("https://*.a.com", "https://app.a.com", "https://app.a.com", "https://app.a.com", "OPTIONS", "PUT", true)
	f.Add("https://e8.example", "http://localhost:*", "null", "https://e8.example", "GET", "", true)
	f.Add("*", "null", "https://a.com", "null", "OPTIONS", "DELETE", false)
	f.Add("https://a.com", "https://*.a.com:*", "http://[::1]:*", "https://x.a.com:8443", "OPTIONS", "put", false)
	f.Add("https://a.com", "https://b.com", "https://c.com", strings.Repeat("x", 300), "GET", "", false)
	f.Fuzz(func(t *testing.T, e1, e2, e3, origin, method, acrm string, many bool) {
		origins := []string{e1, e2, e3}
		if many {
			origins = append(origins, manyExact...)
		}
		cfg := corsa.Config{Origins: origins, Methods: []string{"PUT"}, RequestHeaders: []string{"X-Id"}, DangerouslyAllowNullOrigin: true}
		p, err := corsa.New(cfg)
		if err != nil || !validMethod(method) {
			return
		}
		req := corsa.Request{Method: method, Origin: origin, RequestMethod: acrm}
		d := corsa.Decide(p, &req)
		text := p.ExplainRequest(&req)
		first, _, _ := strings.Cut(text, "\n")
		if origin == "" {
			// Not a CORS request (SPEC.md §1): Decide refuses nothing.
			if !strings.HasPrefix(first, "not a CORS request") || d.Reason() != corsa.Allowed || d.Status() != 0 {
				t.Fatalf("Decide says %v, status %d for a request without Origin, Explain says %q", d.Reason(), d.Status(), first)
			}
			return
		}
		isPreflight := method == "OPTIONS" && acrm != ""
		if d.Preflight() != isPreflight || strings.HasPrefix(first, "preflight ") != isPreflight {
			t.Fatalf("a preflight = %v, Decide says %v, Explain says %q", isPreflight, d.Preflight(), first)
		}
		wantVerdict := ": allowed"
		if d.Reason() != corsa.Allowed {
			wantVerdict = ": refused: " + d.Reason().String()
		}
		if !strings.HasSuffix(first, wantVerdict) {
			t.Fatalf("Decide says %v, Explain's first line says %q", d.Reason(), first)
		}

		line := originLine.FindString(text)
		originOK := d.Reason() != corsa.OriginNotAllowed && d.Reason() != corsa.Malformed
		if strings.HasPrefix(line, "  origin: any:") {
			// "*" answers an actual request without reading Origin.
			if !originOK || !slices.Contains(origins, "*") || d.Preflight() {
				t.Fatalf("Explain says any origin, Decide says %v (preflight: %v) with origins %q", d.Reason(), d.Preflight(), origins)
			}
			return
		}
		if line == "" || strings.Contains(line, ": allowed") != originOK {
			t.Fatalf("Decide's origin check passed = %v, Explain's origin line is %q", originOK, line)
		}
		if !originOK {
			return
		}
		m := entryIndex.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("Explain allows the origin without naming an entry: %q", line)
		}
		i, _ := strconv.Atoi(m[1])
		if i >= len(origins) {
			t.Fatalf("Explain names origins[%d] of %d entries", i, len(origins))
		}
		alone := cfg
		alone.Origins = []string{origins[i]}
		single, err := corsa.New(alone)
		if err != nil {
			t.Fatalf("the named entry %q is refused on its own: %v", origins[i], err)
		}
		if dd := corsa.Decide(single, &corsa.Request{Method: "GET", Origin: origin}); !granted(dd, origin) {
			t.Fatalf("Explain says origins[%d] %q allowed %q, but that entry alone refuses it", i, origins[i], origin)
		}
	})
}
