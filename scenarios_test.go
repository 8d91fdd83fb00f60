package corsa_test

import (
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/corsa-go/corsa"
)

// benchConfig is the policy the benchmarks and allocation tests share: the
// one the benchmarks module uses for every framework.
var benchConfig = corsa.Config{
	Origins:        []string{"https://example.com"},
	Credentials:    true,
	Methods:        []string{"GET", "POST", "PUT", "DELETE"},
	RequestHeaders: []string{"Content-Type", "Authorization", "X-Request-Id"},
	ExposedHeaders: []string{"X-Total-Count"},
	MaxAge:         corsa.Seconds(600),
}

// scenario is one kind of request the engine must serve cheaply.
type scenario struct {
	name string
	req  *http.Request
	// wantStatus is what the middleware answers; 200 when the handler does.
	wantStatus int
}

// scenarios returns the five request shapes of the allocation contract.
func scenarios() []scenario {
	req := func(method string, header ...string) *http.Request {
		r := httptest.NewRequest(method, "/resource", nil)
		for i := 0; i < len(header); i += 2 {
			r.Header.Add(header[i], header[i+1])
		}
		return r
	}
	return []scenario{
		{"preflight", req("OPTIONS", "Origin", "https://example.com",
			"Access-Control-Request-Method", "PUT",
			"Access-Control-Request-Headers", "authorization,content-type"), 204},
		{"actual", req("GET", "Origin", "https://example.com"), 200},
		{"disallowed", req("GET", "Origin", "https://evil.example"), 200},
		{"no-origin", req("GET"), 200},
		{"hostile-acrh", req("OPTIONS", "Origin", "https://example.com",
			"Access-Control-Request-Method", "PUT",
			"Access-Control-Request-Headers", strings.Repeat(",", 1<<20)), 403},
	}
}

// discardWriter is the smallest ResponseWriter: it keeps the header map
// and the status, so a loop can clear and reuse them and count only what
// the middleware allocates.
type discardWriter struct {
	header http.Header
	status int
}

func newDiscardWriter() *discardWriter { return &discardWriter{header: http.Header{}, status: 200} }

func (w *discardWriter) Header() http.Header { return w.header }

func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }

func (w *discardWriter) WriteHeader(status int) { w.status = status }

func (w *discardWriter) reset() {
	clear(w.header)
	w.status = 200
}

var okHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})
