package adaptertest

// The shared half of a parity test, for adapters whose framework parses
// HTTP itself (fasthttp, fiber): the same raw bytes go to corsa's net/http
// Handler and to the adapter, each on a real 127.0.0.1 listener, and the
// answers are compared. ParityCases are the requests on which any server
// must answer as net/http; the adapter adds the cases where its parser
// differs, each of which its doc.go lists.

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/corsa-go/corsa"
)

// ParityOrigin is the origin ParityPolicy allows.
const ParityOrigin = "https://app.example"

// ParityPolicy allows ParityOrigin with every optional header, Private
// Network Access included, so that every request value corsa reads
// changes the answer.
func ParityPolicy() corsa.Config {
	return corsa.Config{
		Origins:        []string{ParityOrigin},
		Credentials:    true,
		Methods:        []string{http.MethodPut, http.MethodDelete},
		RequestHeaders: []string{"Content-Type", "X-Request-Id"},
		ExposedHeaders: []string{"X-Total-Count"},
		MaxAge:         corsa.Seconds(600),
		PrivateNetwork: true,
	}
}

// Answer is what a parity test compares: the status, every
// Access-Control-* header (repeated lines joined by newlines) and the Vary
// lines. The zero Answer is a connection closed without a response.
type Answer struct {
	Status  int
	Headers map[string]string
	Vary    []string
}

// String is the answer in one line, headers sorted by name.
func (a Answer) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d", a.Status)
	for _, n := range slices.Sorted(maps.Keys(a.Headers)) {
		fmt.Fprintf(&b, "; %s: %s", n, a.Headers[n])
	}
	for _, v := range a.Vary {
		fmt.Fprintf(&b, "; Vary: %s", v)
	}
	return b.String()
}

// With is a copy of a with one more header.
func (a Answer) With(name, value string) Answer {
	h := maps.Clone(a.Headers)
	if h == nil {
		h = map[string]string{}
	}
	h[name] = value
	return Answer{a.Status, h, a.Vary}
}

// parityPreflightVary is the Vary of ParityPolicy's preflights, one line.
var parityPreflightVary = []string{"Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network"}

// The answers SPEC.md §2 and §3 prescribe for ParityPolicy.

// ParityAllowedPreflight is ParityPolicy's answer to a preflight from
// ParityOrigin for PUT that asks for no header.
func ParityAllowedPreflight() Answer {
	return Answer{http.StatusNoContent, map[string]string{
		"Access-Control-Allow-Origin":      ParityOrigin,
		"Access-Control-Allow-Credentials": "true",
		"Access-Control-Allow-Methods":     "PUT, DELETE",
		"Access-Control-Max-Age":           "600",
	}, parityPreflightVary}
}

// ParityRefusedPreflight is ParityPolicy's answer to a preflight it
// refuses.
func ParityRefusedPreflight() Answer {
	return Answer{http.StatusForbidden, map[string]string{}, parityPreflightVary}
}

// ParityAllowedActual is ParityPolicy's answer to a request from
// ParityOrigin.
func ParityAllowedActual() Answer {
	return Answer{http.StatusOK, map[string]string{
		"Access-Control-Allow-Origin":      ParityOrigin,
		"Access-Control-Allow-Credentials": "true",
		"Access-Control-Expose-Headers":    "X-Total-Count",
	}, []string{"Origin"}}
}

// ParityRefusedActual is ParityPolicy's answer to a request from an origin
// it does not list, or without Origin: only Vary.
func ParityRefusedActual() Answer {
	return Answer{http.StatusOK, map[string]string{}, []string{"Origin"}}
}

// ParityBadRequest is a server's 400, sent before any middleware runs.
func ParityBadRequest() Answer {
	return Answer{http.StatusBadRequest, map[string]string{}, nil}
}

// RawRequest is a request head for /items with the given method and header
// lines, which asks the server to close the connection after answering.
func RawRequest(method string, lines ...string) string {
	var b strings.Builder
	b.WriteString(method + " /items HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
	for _, l := range lines {
		b.WriteString(l + "\r\n")
	}
	b.WriteString("\r\n")
	return b.String()
}

// Ask sends raw on a fresh connection to addr and reads the answer; the
// zero Answer when the server closes the connection without one.
func Ask(t testing.TB, addr, raw string) Answer {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(10 * time.Second)); err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(conn, raw); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return Answer{}
	}
	resp.Body.Close()
	a := Answer{Status: resp.StatusCode, Headers: map[string]string{}, Vary: resp.Header.Values("Vary")}
	for name, values := range resp.Header {
		if strings.HasPrefix(name, "Access-Control-") {
			a.Headers[name] = strings.Join(values, "\n")
		}
	}
	return a
}

// ParityCase is raw bytes and net/http's answer to them, from SPEC.md and
// net/http's parsing rules; Other is the adapter's answer where it
// differs, as its doc.go says, nil where it is Want.
type ParityCase struct {
	Name  string
	Raw   string
	Want  Answer
	Other *Answer
}

// Header lines of the parity cases.
const (
	parityOriginLine = "Origin: " + ParityOrigin
	parityACRM       = "Access-Control-Request-Method: PUT"
	parityACRH       = "Access-Control-Request-Headers: content-type,x-request-id"
)

// ParityCases are the requests any server must answer as net/http does
// under ParityPolicy: what browsers send, and the ways of spelling,
// repeating, folding and padding header lines that both parsers read
// alike.
func ParityCases() []ParityCase {
	const origin, acrm, acrh = parityOriginLine, parityACRM, parityACRH
	allowedPreflight, refusedPreflight := ParityAllowedPreflight(), ParityRefusedPreflight()
	allowedActual, refusedActual := ParityAllowedActual(), ParityRefusedActual()
	withHeaders := allowedPreflight.With("Access-Control-Allow-Headers", "Content-Type, X-Request-Id")
	withPNA := allowedPreflight.With("Access-Control-Allow-Private-Network", "true")
	return []ParityCase{
		{"a browser's preflight is allowed", RawRequest("OPTIONS", origin, acrm, acrh), withHeaders, nil},
		{"a browser's GET is allowed", RawRequest("GET", origin), allowedActual, nil},
		{"a GET without Origin gets only Vary", RawRequest("GET"), refusedActual, nil},
		{"an empty Origin is no Origin", RawRequest("OPTIONS", "Origin:", acrm), refusedActual, nil},
		{"an empty Origin line before a real one is a repeated Origin, refused",
			RawRequest("OPTIONS", "Origin:", origin, acrm), refusedPreflight, nil},
		{"an empty Origin line after a real one is a repeated Origin, refused",
			RawRequest("OPTIONS", origin, "Origin:", acrm), refusedPreflight, nil},
		{"an empty Origin line before a real one on a GET gets only Vary",
			RawRequest("GET", "Origin:", origin), refusedActual, nil},
		{"two identical Origin lines are refused", RawRequest("OPTIONS", origin, origin, acrm), refusedPreflight, nil},
		{"tabs around Origin are trimmed", RawRequest("OPTIONS", "Origin:\t"+ParityOrigin+"\t", acrm), allowedPreflight, nil},
		{"spaces around Origin are trimmed", RawRequest("OPTIONS", "Origin:   "+ParityOrigin+"  ", acrm), allowedPreflight, nil},
		{"an Origin without a space after the colon is read", RawRequest("GET", "Origin:"+ParityOrigin), allowedActual, nil},
		{"a lower-case Origin name is the same header", RawRequest("GET", "origin: "+ParityOrigin), allowedActual, nil},
		{"an upper-case Origin name is the same header", RawRequest("GET", "ORIGIN: "+ParityOrigin), allowedActual, nil},
		{"tabs around the requested method are trimmed",
			RawRequest("OPTIONS", origin, "Access-Control-Request-Method:\tPUT\t"), allowedPreflight, nil},
		{"an empty requested method makes an OPTIONS request an actual one",
			RawRequest("OPTIONS", origin, "Access-Control-Request-Method:"), allowedActual, nil},
		{"the first of two requested methods counts",
			RawRequest("OPTIONS", origin, acrm, "Access-Control-Request-Method: PATCH"), allowedPreflight, nil},
		{"an empty first requested method makes an OPTIONS request an actual one",
			RawRequest("OPTIONS", origin, "Access-Control-Request-Method:", acrm), allowedActual, nil},
		{"an odd-case requested method name is the same header",
			RawRequest("OPTIONS", origin, "access-control-REQUEST-method: PUT"), allowedPreflight, nil},
		{"a requested method in lower case is refused (methods are case-sensitive)",
			RawRequest("OPTIONS", origin, "Access-Control-Request-Method: put"), refusedPreflight, nil},
		{"requested headers split over two lines are all checked",
			RawRequest("OPTIONS", origin, acrm, "Access-Control-Request-Headers: content-type", "Access-Control-Request-Headers: x-request-id"),
			withHeaders, nil},
		{"a refused header on the second line refuses the preflight",
			RawRequest("OPTIONS", origin, acrm, "Access-Control-Request-Headers: content-type", "Access-Control-Request-Headers: x-secret"),
			refusedPreflight, nil},
		{"tabs around requested headers are trimmed",
			RawRequest("OPTIONS", origin, acrm, "Access-Control-Request-Headers:\tcontent-type ,\tx-request-id\t"),
			withHeaders, nil},
		{"an empty line of requested headers asks for none",
			RawRequest("OPTIONS", origin, acrm, "Access-Control-Request-Headers:"), allowedPreflight, nil},
		{"twenty lines of requested headers are refused",
			RawRequest("OPTIONS", slices.Concat([]string{origin, acrm}, slices.Repeat([]string{"Access-Control-Request-Headers: content-type"}, 20))...),
			refusedPreflight, nil},
		{"a refused header on the tenth line refuses the preflight",
			RawRequest("OPTIONS", slices.Concat([]string{origin, acrm}, slices.Repeat([]string{"Access-Control-Request-Headers: content-type"}, 9),
				[]string{"Access-Control-Request-Headers: x-secret"})...),
			refusedPreflight, nil},
		{"tabs around the private network request are trimmed",
			RawRequest("OPTIONS", origin, acrm, "Access-Control-Request-Private-Network:\ttrue\t"), withPNA, nil},
		{"a list of two origins is one origin nobody allowed",
			RawRequest("GET", "Origin: "+ParityOrigin+", https://other.example"), refusedActual, nil},
		{"requested headers folded onto a second line are all checked",
			RawRequest("OPTIONS", origin, acrm, "Access-Control-Request-Headers: content-type,", " x-request-id"),
			withHeaders, nil},
		{"a UTF-8 host in Origin is an origin nobody allowed", RawRequest("GET", "Origin: https://äpp.example"), refusedActual, nil},
		{"a folded Origin line is not the origin it started with",
			RawRequest("GET", origin, " .evil.test"), refusedActual, nil},
		{"a GET with tabs around Origin is allowed", RawRequest("GET", "Origin: \t"+ParityOrigin+"\t"), allowedActual, nil},
		{"a preflight with tabs around every value is allowed",
			RawRequest("OPTIONS", "Origin:\t"+ParityOrigin+"\t", "Access-Control-Request-Method:\tPUT\t",
				"Access-Control-Request-Headers:\tcontent-type\t", "Access-Control-Request-Private-Network:\ttrue\t"),
			withHeaders.With("Access-Control-Allow-Private-Network", "true"), nil},
		{"an Origin of only tabs is no Origin", RawRequest("GET", "Origin:\t\t"), refusedActual, nil},
	}
}

// NameKeepingCases are the bytes a server that keeps header names as
// sent, and looks them up byte for byte (fasthttp's
// DisableHeaderNamesNormalizing), answers otherwise than net/http: corsa
// sees only the canonical spellings, which browsers send.
func NameKeepingCases() []ParityCase {
	allowedActual, refusedActual := ParityAllowedActual(), ParityRefusedActual()
	return []ParityCase{
		{"the canonical Origin is read", RawRequest("GET", parityOriginLine), allowedActual, nil},
		{"a lower-case origin is not seen", RawRequest("GET", "origin: "+ParityOrigin), allowedActual, &refusedActual},
		{"a lower-case requested method is not seen, so the preflight is an actual request",
			RawRequest("OPTIONS", parityOriginLine, "access-control-request-method: PUT"), ParityAllowedPreflight(), &allowedActual},
	}
}

// Listen runs a server on a fresh 127.0.0.1 listener until t ends, then
// shuts it down and waits for it, and returns the listener's address:
// serve and shutdown are the server's own (fasthttp.Server's Serve and
// Shutdown, fiber.App's Listener and Shutdown).
func Listen(t testing.TB, serve func(net.Listener) error, shutdown func() error) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- serve(ln) }()
	t.Cleanup(func() {
		if err := shutdown(); err != nil {
			t.Error(err)
		}
		<-done
	})
	return ln.Addr().String()
}

// RunParity starts corsa's net/http Handler serving ParityPolicy on
// 127.0.0.1 and sends each case's bytes to it and to addr, where the
// adapter named name serves ParityPolicy in front of a handler that
// answers 200: net/http must answer Want, the adapter Other or, when Other
// is nil, Want.
func RunParity(t *testing.T, name, addr string, cases []ParityCase) {
	t.Helper()
	srv := httptest.NewServer(corsa.Must(ParityPolicy()).Handler(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, "ok")
	})))
	defer srv.Close()
	nethttp := srv.Listener.Addr().String()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := Ask(t, nethttp, tc.Raw); got.String() != tc.Want.String() {
				t.Errorf("net/http answered\n\t%s\nwant\n\t%s", got, tc.Want)
			}
			want := tc.Want
			if tc.Other != nil {
				want = *tc.Other
			}
			if got := Ask(t, addr, tc.Raw); got.String() != want.String() {
				t.Errorf("%s answered\n\t%s\nwant\n\t%s", name, got, want)
			}
		})
	}
}
