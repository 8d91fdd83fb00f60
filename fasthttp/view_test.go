package corsafasthttp_test

// internal/view's unsafe conversions are the only unsafe in the
// repository, used here only. Each has a test below that fails without
// it: a test of the adapter's allocations on a value long enough that the
// conversion it replaces would allocate, with a control proving that it
// would. Go converts between strings and byte slices without allocating
// only when the result does not escape and fits in a 32-byte stack buffer,
// which the scenarios' short origin and values do; these do not.

import (
	"net/http"
	"strings"
	"testing"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafasthttp "github.com/corsa-go/corsa/fasthttp"
	"github.com/corsa-go/corsa/internal/view"
)

// longOrigin is an origin longer than Go's 32-byte conversion buffer.
const longOrigin = "https://a-rather-long-tenant-name.app.example.com"

// addedAllocs is how many allocations serving req costs with mw around a
// handler answering 200, over the handler alone; it fails t when the
// response lacks wantHeader, unless that is "".
func addedAllocs(t *testing.T, mw middleware, req conformance.Request, wantHeader string) float64 {
	t.Helper()
	var allocs [2]float64
	for i, h := range []fasthttp.RequestHandler{ok, mw(ok)} {
		ctx := requestCtx(req)
		allocs[i] = testing.AllocsPerRun(100, func() { serveCtx(h, ctx) })
		if i == 1 && wantHeader != "" && ctx.Response.Header.Peek(wantHeader) == nil {
			t.Fatalf("the response has no %s", wantHeader)
		}
	}
	return allocs[1] - allocs[0]
}

// view.String: the adapter reads request values as views of fasthttp's
// buffers. string(b) would copy them, allocating for every value longer
// than 32 bytes.
func TestRequestValuesAreReadWithoutACopy(t *testing.T) {
	if adaptertest.RaceEnabled {
		t.Skip("the race detector allocates")
	}
	p := corsa.Must(corsa.Config{Origins: []string{longOrigin, conformance.AppOrigin}})
	decideOn := func(origin []byte) float64 {
		return testing.AllocsPerRun(100, func() {
			r := corsa.Request{Method: http.MethodGet, Path: "/items", Origin: string(origin)}
			if corsa.Decide(p, &r).Reason() != corsa.Allowed {
				panic("the origin is refused")
			}
		})
	}
	t.Run("string(b) of the scenarios' short origin does not allocate, so the scenarios cannot show the view's worth", func(t *testing.T) {
		if n := decideOn([]byte(conformance.AppOrigin)); n != 0 {
			t.Errorf("%v allocations, want 0", n)
		}
	})
	t.Run("string(b) of a long origin allocates", func(t *testing.T) {
		if n := decideOn([]byte(longOrigin)); n < 1 {
			t.Errorf("%v allocations: the origin is too short to show anything", n)
		}
	})
	t.Run("the adapter reads a long origin and path without allocating", func(t *testing.T) {
		req := adaptertest.Actual(http.MethodGet, longOrigin, "/a/path/longer/than/thirty-two/bytes")
		if n := addedAllocs(t, corsafasthttp.From(p), req, "Access-Control-Allow-Origin"); n != 0 {
			t.Errorf("corsa adds %v allocations, want none", n)
		}
	})
	t.Run("the adapter reads a long origin in a preflight without allocating", func(t *testing.T) {
		req := adaptertest.Preflight(longOrigin, "/items", http.MethodGet, "content-type")
		if n := addedAllocs(t, corsafasthttp.From(p), req, "Access-Control-Allow-Origin"); n != 0 {
			t.Errorf("corsa adds %v allocations, want none", n)
		}
	})
}

// view.Bytes: the adapter hands the policy's rendered values to
// SetCanonical as views. []byte(s) would copy them, allocating for every
// value longer than 32 bytes, and for every value from fasthttp v1.69 on,
// whose SetCanonical keeps its value as escape analysis sees it.
func TestResponseValuesAreWrittenWithoutACopy(t *testing.T) {
	if adaptertest.RaceEnabled {
		t.Skip("the race detector allocates")
	}
	headers := []string{"Content-Type", "Authorization", "X-Request-Id", "X-Correlation-Id", "X-Tenant"}
	p := corsa.Must(corsa.Config{Origins: []string{conformance.AppOrigin}, Methods: []string{http.MethodPut}, RequestHeaders: headers})
	preflight := adaptertest.Preflight(conformance.AppOrigin, "/items", http.MethodPut, "authorization,content-type")
	ctx := requestCtx(preflight)
	corsafasthttp.From(p)(ok)(ctx)
	const name = "Access-Control-Allow-Headers"
	value := string(ctx.Response.Header.Peek(name))
	if len(value) <= 32 {
		t.Fatalf("%s: %q is too short to show anything", name, value)
	}
	var h fasthttp.ResponseHeader
	t.Run("SetCanonical with []byte(s) of a long value allocates", func(t *testing.T) {
		if n := testing.AllocsPerRun(100, func() { h.SetCanonical([]byte(name), []byte(value)) }); n < 1 {
			t.Errorf("%v allocations, want at least one", n)
		}
	})
	t.Run("SetCanonical with view.Bytes does not", func(t *testing.T) {
		if n := testing.AllocsPerRun(100, func() { h.SetCanonical(view.Bytes(name), view.Bytes(value)) }); n != 0 {
			t.Errorf("%v allocations, want none", n)
		}
	})
	t.Run("the adapter writes the long value without allocating", func(t *testing.T) {
		if n := addedAllocs(t, corsafasthttp.From(p), preflight, name); n != 0 {
			t.Errorf("corsa adds %v allocations, want none", n)
		}
	})
}

// A per-path policy is served only when the path as sent agrees with the
// decoded one; asking costs no allocation either.
func TestComparingThePathAsSentAddsNoAllocation(t *testing.T) {
	if adaptertest.RaceEnabled {
		t.Skip("the race detector allocates")
	}
	pp, err := corsa.NewPaths(map[string]corsa.Config{"/api": {Origins: []string{conformance.AppOrigin}}, "/": {Origins: []string{"*"}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ path, header string }{
		{"/api/%69tems", "Access-Control-Allow-Origin"},
		{"/api/" + strings.Repeat("%78", 20), "Access-Control-Allow-Origin"},
		{"/%61pi/items", ""}, // no CORS: "/" as sent, "/api" decoded
	} {
		if n := addedAllocs(t, corsafasthttp.From(pp), adaptertest.Actual(http.MethodGet, conformance.AppOrigin, tt.path), tt.header); n != 0 {
			t.Errorf("%s: corsa adds %v allocations, want none", tt.path, n)
		}
	}
}
