package corsafiber3_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	corsa "github.com/corsa-go/corsa/core"
	corsafiber3 "github.com/corsa-go/corsa/fiber3"
	"github.com/gofiber/fiber/v3"
)

// The parity test sends the same bytes to core's net/http Handler and to
// this adapter, each on a real 127.0.0.1 listener with its framework's
// default settings, and compares what comes back. Browsers never send
// these requests; the package documentation lists every way fiber's
// answers differ, and each difference is a case here.

const parityOrigin = "https://app.example"

// parityPolicy allows one origin with every optional header, Private
// Network Access included, so that every request value corsa reads
// changes the answer.
func parityPolicy() corsa.Config {
	return corsa.Config{
		Origins:        []string{parityOrigin},
		Credentials:    true,
		Methods:        []string{http.MethodPut, http.MethodDelete},
		RequestHeaders: []string{"Content-Type", "X-Request-Id"},
		ExposedHeaders: []string{"X-Total-Count"},
		MaxAge:         corsa.Seconds(600),
		PrivateNetwork: true,
	}
}

// answer is what the parity test compares: the status, every
// Access-Control-* header and the Vary lines.
type answer struct {
	status  int
	headers map[string]string
	vary    []string
}

func (a answer) String() string {
	names := make([]string, 0, len(a.headers))
	for n := range a.headers {
		names = append(names, n)
	}
	slices.Sort(names)
	var b strings.Builder
	fmt.Fprintf(&b, "%d", a.status)
	for _, n := range names {
		fmt.Fprintf(&b, "; %s: %s", n, a.headers[n])
	}
	for _, v := range a.vary {
		fmt.Fprintf(&b, "; Vary: %s", v)
	}
	return b.String()
}

// The answers core/doc.go prescribes for parityPolicy.
var (
	preflightVary = []string{"Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network"}

	allowedPreflight = answer{http.StatusNoContent, map[string]string{
		"Access-Control-Allow-Origin":      parityOrigin,
		"Access-Control-Allow-Credentials": "true",
		"Access-Control-Allow-Methods":     "PUT, DELETE",
		"Access-Control-Max-Age":           "600",
	}, preflightVary}
	allowedPreflightWithHeaders = withHeader(allowedPreflight, "Access-Control-Allow-Headers", "Content-Type, X-Request-Id")
	allowedPreflightWithPNA     = withHeader(allowedPreflight, "Access-Control-Allow-Private-Network", "true")
	refusedPreflight            = answer{http.StatusForbidden, map[string]string{}, preflightVary}

	allowedActual = answer{http.StatusOK, map[string]string{
		"Access-Control-Allow-Origin":      parityOrigin,
		"Access-Control-Allow-Credentials": "true",
		"Access-Control-Expose-Headers":    "X-Total-Count",
	}, []string{"Origin"}}
	// refusedActual is also the answer to a request without Origin.
	refusedActual = answer{http.StatusOK, map[string]string{}, []string{"Origin"}}

	// Answers of the servers themselves, before any middleware runs.
	badRequest = answer{http.StatusBadRequest, map[string]string{}, nil}
	// fiber v3 answers fasthttp's parse errors through its error handler
	// after running the app.Use middleware on what was parsed, so corsa
	// adds its Vary to these refusals and no Access-Control-Allow-Origin.
	headerTooLargeVary = answer{http.StatusRequestHeaderFieldsTooLarge, map[string]string{}, []string{"Origin"}}
	badRequestVary     = answer{http.StatusBadRequest, map[string]string{}, []string{"Origin"}}
	notImplemented     = answer{http.StatusNotImplemented, map[string]string{}, nil}
	noResponseAtAll    = answer{}
)

func withHeader(a answer, name, value string) answer {
	h := make(map[string]string, len(a.headers)+1)
	for k, v := range a.headers {
		h[k] = v
	}
	h[name] = value
	return answer{a.status, h, a.vary}
}

// rawRequest is a request head with the given method and header lines,
// which asks the server to close the connection after answering.
func rawRequest(method string, lines ...string) string {
	var b strings.Builder
	b.WriteString(method + " /items HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
	for _, l := range lines {
		b.WriteString(l + "\r\n")
	}
	b.WriteString("\r\n")
	return b.String()
}

// ask sends raw on a fresh connection to addr and reads the answer; the
// zero answer when the server closes the connection without one.
func ask(t *testing.T, addr, raw string) answer {
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
		return noResponseAtAll
	}
	resp.Body.Close()
	a := answer{status: resp.StatusCode, headers: map[string]string{}, vary: resp.Header.Values("Vary")}
	for name, values := range resp.Header {
		if strings.HasPrefix(name, "Access-Control-") {
			a.headers[name] = strings.Join(values, "\n")
		}
	}
	return a
}

// parityServers starts core's net/http Handler and the fiber adapter on
// 127.0.0.1, each serving cfg in front of a handler that answers 200, and
// returns their addresses.
func parityServers(t *testing.T, cfg corsa.Config) (nethttp, fiberAddr string) {
	t.Helper()
	srv := httptest.NewServer(corsa.Must(cfg).Handler(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, "ok")
	})))
	t.Cleanup(srv.Close)

	app := fiber.New()
	app.Use(corsafiber3.Must(cfg))
	app.Use(func(c fiber.Ctx) error { return c.SendString("ok") })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- app.Listener(ln, fiber.ListenConfig{DisableStartupMessage: true}) }()
	t.Cleanup(func() {
		if err := app.Shutdown(); err != nil {
			t.Error(err)
		}
		<-done
	})
	return srv.Listener.Addr().String(), ln.Addr().String()
}

func TestFiberAnswersLikeNetHTTP(t *testing.T) {
	nethttpAddr, fiberAddr := parityServers(t, parityPolicy())
	const (
		origin = "Origin: " + parityOrigin
		acrm   = "Access-Control-Request-Method: PUT"
		acrh   = "Access-Control-Request-Headers: content-type,x-request-id"
	)
	longOrigin := "Origin: https://" + strings.Repeat("a", 5000) + ".example"
	tests := []struct {
		name string
		raw  string
		// want is net/http's answer, from core/doc.go and net/http's
		// parsing rules.
		want answer
		// fiber is fiber's answer where it differs, as the package
		// documentation says; nil when it is want.
		fiber *answer
	}{
		{"a browser's preflight is allowed", rawRequest("OPTIONS", origin, acrm, acrh), allowedPreflightWithHeaders, nil},
		{"a browser's GET is allowed", rawRequest("GET", origin), allowedActual, nil},
		{"a GET without Origin gets only Vary", rawRequest("GET"), refusedActual, nil},
		{"an empty Origin is no Origin", rawRequest("OPTIONS", "Origin:", acrm), refusedActual, nil},
		{"an empty Origin line before a real one is a repeated Origin, refused",
			rawRequest("OPTIONS", "Origin:", origin, acrm), refusedPreflight, nil},
		{"an empty Origin line after a real one is a repeated Origin, refused",
			rawRequest("OPTIONS", origin, "Origin:", acrm), refusedPreflight, nil},
		{"an empty Origin line before a real one on a GET gets only Vary",
			rawRequest("GET", "Origin:", origin), refusedActual, nil},
		{"two identical Origin lines are refused", rawRequest("OPTIONS", origin, origin, acrm), refusedPreflight, nil},
		{"tabs around Origin are trimmed", rawRequest("OPTIONS", "Origin:\t"+parityOrigin+"\t", acrm), allowedPreflight, nil},
		{"spaces around Origin are trimmed", rawRequest("OPTIONS", "Origin:   "+parityOrigin+"  ", acrm), allowedPreflight, nil},
		{"an Origin without a space after the colon is read", rawRequest("GET", "Origin:"+parityOrigin), allowedActual, nil},
		{"a lower-case Origin name is the same header", rawRequest("GET", "origin: "+parityOrigin), allowedActual, nil},
		{"an upper-case Origin name is the same header", rawRequest("GET", "ORIGIN: "+parityOrigin), allowedActual, nil},
		{"tabs around the requested method are trimmed",
			rawRequest("OPTIONS", origin, "Access-Control-Request-Method:\tPUT\t"), allowedPreflight, nil},
		{"an empty requested method makes an OPTIONS request an actual one",
			rawRequest("OPTIONS", origin, "Access-Control-Request-Method:"), allowedActual, nil},
		{"the first of two requested methods counts",
			rawRequest("OPTIONS", origin, acrm, "Access-Control-Request-Method: PATCH"), allowedPreflight, nil},
		{"an empty first requested method makes an OPTIONS request an actual one",
			rawRequest("OPTIONS", origin, "Access-Control-Request-Method:", acrm), allowedActual, nil},
		{"an odd-case requested method name is the same header",
			rawRequest("OPTIONS", origin, "access-control-REQUEST-method: PUT"), allowedPreflight, nil},
		{"a requested method in lower case is refused (methods are case-sensitive)",
			rawRequest("OPTIONS", origin, "Access-Control-Request-Method: put"), refusedPreflight, nil},
		{"requested headers split over two lines are all checked",
			rawRequest("OPTIONS", origin, acrm, "Access-Control-Request-Headers: content-type", "Access-Control-Request-Headers: x-request-id"),
			allowedPreflightWithHeaders, nil},
		{"a refused header on the second line refuses the preflight",
			rawRequest("OPTIONS", origin, acrm, "Access-Control-Request-Headers: content-type", "Access-Control-Request-Headers: x-secret"),
			refusedPreflight, nil},
		{"tabs around requested headers are trimmed",
			rawRequest("OPTIONS", origin, acrm, "Access-Control-Request-Headers:\tcontent-type ,\tx-request-id\t"),
			allowedPreflightWithHeaders, nil},
		{"an empty line of requested headers asks for none",
			rawRequest("OPTIONS", origin, acrm, "Access-Control-Request-Headers:"), allowedPreflight, nil},
		{"twenty lines of requested headers are refused",
			rawRequest("OPTIONS", slices.Concat([]string{origin, acrm}, slices.Repeat([]string{"Access-Control-Request-Headers: content-type"}, 20))...),
			refusedPreflight, nil},
		{"tabs around the private network request are trimmed",
			rawRequest("OPTIONS", origin, acrm, "Access-Control-Request-Private-Network:\ttrue\t"), allowedPreflightWithPNA, nil},
		{"a list of two origins is one origin nobody allowed",
			rawRequest("GET", "Origin: "+parityOrigin+", https://other.example"), refusedActual, nil},
		{"a space before the colon is malformed to net/http and another header's name to fiber",
			rawRequest("GET", "Origin : "+parityOrigin), badRequest, &refusedActual},
		{"requested headers folded onto a second line are all checked",
			rawRequest("OPTIONS", origin, acrm, "Access-Control-Request-Headers: content-type,", " x-request-id"),
			allowedPreflightWithHeaders, nil},
		{"a UTF-8 host in Origin is an origin nobody allowed", rawRequest("GET", "Origin: https://äpp.example"), refusedActual, nil},
		{"a folded Origin line is not the origin it started with",
			rawRequest("GET", origin, " .evil.test"), refusedActual, nil},

		// Differences: what the servers do before any middleware runs.
		{"an Origin longer than fasthttp's 4 KiB read buffer gets 431 from fiber",
			rawRequest("GET", longOrigin), refusedActual, &headerTooLargeVary},
		{"a lower-case method is an actual request to net/http and not implemented by fiber",
			rawRequest("options", origin, acrm), allowedActual, &notImplemented},
		{"a method fiber does not know is an actual request to net/http and not implemented by fiber",
			rawRequest("PURGE", origin), allowedActual, &notImplemented},
		{"a NUL byte in Origin is malformed to both",
			rawRequest("GET", "Origin: "+parityOrigin+"\x00"), badRequest, &badRequestVary},
		{"a line of blanks folded onto Origin leaves a space on net/http's value, none on fiber's",
			rawRequest("GET", origin, " \t"), refusedActual, &allowedActual},
		{"a control byte in Origin is malformed to both",
			rawRequest("GET", "Origin: "+parityOrigin+"\x01"), badRequest, &badRequestVary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ask(t, nethttpAddr, tt.raw); got.String() != tt.want.String() {
				t.Errorf("net/http answered\n\t%s\nwant\n\t%s", got, tt.want)
			}
			want := tt.want
			if tt.fiber != nil {
				want = *tt.fiber
			}
			if got := ask(t, fiberAddr, tt.raw); got.String() != want.String() {
				t.Errorf("fiber answered\n\t%s\nwant\n\t%s", got, want)
			}
		})
	}
}

// With DisableHeaderNormalizing, fasthttp keeps header names as sent and
// looks them up byte for byte: corsa then sees only the canonical
// spellings, which browsers send.
func TestDisableHeaderNormalizingHidesOddCaseNames(t *testing.T) {
	app := fiber.New(fiber.Config{DisableHeaderNormalizing: true})
	app.Use(corsafiber3.Must(parityPolicy()))
	app.Use(func(c fiber.Ctx) error { return c.SendString("ok") })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- app.Listener(ln, fiber.ListenConfig{DisableStartupMessage: true}) }()
	defer func() {
		if err := app.Shutdown(); err != nil {
			t.Error(err)
		}
		<-done
	}()
	tests := []struct {
		name string
		raw  string
		want answer
	}{
		{"the canonical Origin is read", rawRequest("GET", "Origin: "+parityOrigin), allowedActual},
		{"a lower-case origin is not seen", rawRequest("GET", "origin: "+parityOrigin), refusedActual},
		{"a lower-case requested method is not seen, so the preflight is an actual request",
			rawRequest("OPTIONS", "Origin: "+parityOrigin, "access-control-request-method: PUT"), allowedActual},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ask(t, ln.Addr().String(), tt.raw); got.String() != tt.want.String() {
				t.Errorf("fiber answered\n\t%s\nwant\n\t%s", got, tt.want)
			}
		})
	}
}
