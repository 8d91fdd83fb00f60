package corsa_test

import (
	"net/http"
	"slices"
	"sync"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/internal/view"
)

// keeper is a pair of hooks that keep what they are handed, as a hook
// that logs asynchronously or counts per origin in a map does.
type keeper struct {
	mu     sync.Mutex
	asked  []string // every origin OriginFunc was asked about
	events []corsa.DecisionEvent
}

func (k *keeper) originFunc(o string) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.asked = append(k.asked, o)
	return o == tenantOrigin
}

func (k *keeper) onDecision(e corsa.DecisionEvent) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.events = append(k.events, e)
}

// keptValues are the request values a hook kept, and what the decision it
// kept writes.
type keptValues struct {
	asked   []string
	request corsa.Request
	refused string
	written http.Header
}

func (k *keeper) values() keptValues {
	k.mu.Lock()
	defer k.mu.Unlock()
	var v keptValues
	v.asked = slices.Clone(k.asked)
	if len(k.events) == 1 {
		e := k.events[0]
		v.request, v.refused = e.Request, e.RefusedHeader
		v.written = http.Header{}
		e.Decision.SetHeaders(v.written)
	}
	return v
}

// hookedPolicy allows tenantOrigin through OriginFunc, lists one request
// header, and has both hooks keep what they get.
func hookedPolicy(t *testing.T) (*corsa.Policy, *keeper) {
	k := new(keeper)
	return mustPolicy(t, corsa.Config{
		Origins: []string{appOrigin}, Credentials: true, Methods: []string{"PUT"}, RequestHeaders: []string{"X-Id"},
		OriginFunc: k.originFunc, OnDecision: k.onDecision,
	}), k
}

// The request values a hook keeps must be its own (DecisionEvent,
// Config.OriginFunc): adapters such as corsafasthttp fill a Request with
// views of memory the framework reuses for the next request.
func TestHooksKeepTheirOwnCopiesOfTheRequest(t *testing.T) {
	const path, host = "/orders/42", "api.example.test"
	// A preflight allowed through OriginFunc, and one refused for a
	// header, whose event names it.
	want := map[string]keptValues{
		"allowed": {
			asked:   []string{tenantOrigin},
			request: corsa.Request{Method: "OPTIONS", Host: host, Path: path, Origin: tenantOrigin, RequestMethod: "PUT", PrivateNetwork: "true"},
			written: http.Header{
				"Access-Control-Allow-Origin":      {tenantOrigin},
				"Access-Control-Allow-Credentials": {"true"},
				"Access-Control-Allow-Methods":     {"PUT"},
				"Access-Control-Allow-Headers":     {"X-Id"},
				"Vary":                             {"Origin, Access-Control-Request-Method, Access-Control-Request-Headers"},
			},
		},
		"refused": {
			asked:   []string{tenantOrigin},
			request: corsa.Request{Method: "OPTIONS", Host: host, Path: path, Origin: tenantOrigin, RequestMethod: "PUT", PrivateNetwork: "true"},
			refused: "x-other",
			written: http.Header{"Vary": {"Origin, Access-Control-Request-Method, Access-Control-Request-Headers"}},
		},
	}
	headers := map[string]string{"allowed": "x-id", "refused": "x-id,x-other"}
	article := map[string]string{"allowed": "an", "refused": "a"}

	for _, kind := range []string{"allowed", "refused"} {
		t.Run(article[kind]+" "+kind+" preflight read from a buffer that is then overwritten leaves the hooks their values", func(t *testing.T) {
			p, k := hookedPolicy(t)
			// One buffer, as a framework holds a request, and a Request of
			// views into it, as corsafasthttp reads one.
			var buf []byte
			field := func(s string) string {
				start := len(buf)
				buf = append(buf, s...)
				return view.String(buf[start:len(buf):len(buf)])
			}
			buf = make([]byte, 0, 256)
			req := corsa.Request{
				Method: field("OPTIONS"), Host: field(host), Path: field(path), Origin: field(tenantOrigin),
				RequestMethod: field("PUT"), RequestHeaders: []string{field(headers[kind])}, PrivateNetwork: field("true"),
			}
			corsa.Decide(p, &req)
			// The framework reuses its buffer for the next request.
			for i := range buf {
				buf[i] = 'X'
			}
			checkKept(t, k.values(), want[kind])
		})
		t.Run(article[kind]+" "+kind+" preflight read from a stack frame that is gone leaves the hooks their values", func(t *testing.T) {
			p, k := hookedPolicy(t)
			decideOnStack(p, headers[kind], 0)
			decideOnStack(nil, "", 'X') // the same frame again, overwritten
			checkKept(t, k.values(), want[kind])
		})
	}
	t.Run("the stack frame's request does not escape to the heap", func(t *testing.T) {
		// Else the test above would read a live heap copy and prove nothing.
		p := mustPolicy(t, corsa.Config{Origins: []string{tenantOrigin}, Credentials: true, Methods: []string{"PUT"}, RequestHeaders: []string{"X-Id"}})
		if allocs := testing.AllocsPerRun(100, func() { decideOnStack(p, "x-id", 0) }); allocs != 0 {
			t.Fatalf("decideOnStack allocates %v times: its buffer is not on the stack", allocs)
		}
	})
}

// decideOnStack decides on a preflight whose values are views of an array
// in its own frame; with a nil src it only fills that array with fill, so
// that a second call overwrites what the first one's views showed.
//
//go:noinline
func decideOnStack(src corsa.Source, acrh string, fill byte) {
	var buf [128]byte
	for i := range buf {
		buf[i] = fill
	}
	if src == nil {
		return
	}
	n := 0
	field := func(s string) string {
		start := n
		n += copy(buf[n:], s)
		return view.String(buf[start:n:n])
	}
	req := corsa.Request{
		Method: field("OPTIONS"), Host: field("api.example.test"), Path: field("/orders/42"), Origin: field(tenantOrigin),
		RequestMethod: field("PUT"), RequestHeaders: []string{field(acrh)}, PrivateNetwork: field("true"),
	}
	corsa.Decide(src, &req)
}

func checkKept(t *testing.T, got, want keptValues) {
	t.Helper()
	if !slices.Equal(got.asked, want.asked) {
		t.Errorf("OriginFunc kept %q, want %q", got.asked, want.asked)
	}
	if got.request.Method != want.request.Method || got.request.Host != want.request.Host || got.request.Path != want.request.Path ||
		got.request.Origin != want.request.Origin || got.request.RequestMethod != want.request.RequestMethod ||
		got.request.PrivateNetwork != want.request.PrivateNetwork || got.request.SecFetchSite != want.request.SecFetchSite ||
		got.request.RequestHeaders != nil || got.refused != want.refused {
		t.Errorf("OnDecision kept %+v, refused header %q; want %+v, %q", got.request, got.refused, want.request, want.refused)
	}
	if !sameHeaders(got.written, want.written) {
		t.Errorf("the kept decision writes %q, want %q", got.written, want.written)
	}
}
