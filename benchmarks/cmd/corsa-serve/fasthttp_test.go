package main

import (
	"bufio"
	"net"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa"
)

// The header lines are added as given, not parsed: fasthttp v1.69's parser
// trims tabs around values, older ones (which fiber v2 alone selects) do
// not, and the adapters trim them whichever fasthttp they run on.
func TestFastRequestReadsWhatTheFiberAdaptersRead(t *testing.T) {
	tests := []struct {
		name   string
		method string
		header []string // name, value pairs, one header line each
		want   corsa.Request
	}{
		{"the tabs around an origin are trimmed",
			"GET", []string{"Origin", "\thttps://example.com\t"},
			corsa.Request{Method: "GET", Origin: "https://example.com"}},
		{"an empty Origin line before a real one is a repeated origin",
			"GET", []string{"Origin", "", "Origin", "https://example.com"},
			corsa.Request{Method: "GET", MultipleOrigins: true}},
		{"a GET's preflight headers are not read",
			"GET", []string{"Origin", "https://example.com", "Access-Control-Request-Method", "PUT",
				"Access-Control-Request-Headers", "x-a"},
			corsa.Request{Method: "GET", Origin: "https://example.com"}},
		{"an OPTIONS with an empty origin has its preflight headers unread",
			"OPTIONS", []string{"Origin", "", "Access-Control-Request-Method", "PUT"},
			corsa.Request{Method: "OPTIONS"}},
		{"a preflight's headers are trimmed, every request-headers line kept",
			"OPTIONS", []string{"Origin", " https://example.com", "Access-Control-Request-Method", "\tPUT\t",
				"Access-Control-Request-Headers", "content-type\t", "Access-Control-Request-Headers", "\tx-request-id",
				"Access-Control-Request-Private-Network", "\ttrue"},
			corsa.Request{Method: "OPTIONS", Origin: "https://example.com", RequestMethod: "PUT",
				RequestHeaders: []string{"content-type", "x-request-id"}, PrivateNetwork: "true"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var h fasthttp.RequestHeader
			for i := 0; i+1 < len(tc.header); i += 2 {
				h.Add(tc.header[i], tc.header[i+1])
			}
			if got := fastRequest(&h, tc.method); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("fastRequest\n got %#v\nwant %#v", got, tc.want)
			}
		})
	}
}

// The log must explain the decision each adapter made, on what the adapter
// read. The requests are sent raw, since Go's client trims the tabs around
// header values.
func TestEveryFrameworkLogsOnlyWhatItsAdapterRefused(t *testing.T) {
	tests := []struct {
		name       string
		request    string // after the request line and Host
		wantOrigin string // Access-Control-Allow-Origin
		wantLog    string // how the log starts; "" for nothing logged
	}{
		{"a tab-padded allowed origin is served and not logged",
			"Origin: \thttps://example.com\t\r\n",
			"https://example.com", ""},
		{"a preflight with tab-padded headers is served and not logged",
			"Origin: https://example.com\r\nAccess-Control-Request-Method: \tPUT\t\r\n" +
				"Access-Control-Request-Headers: content-type\t\r\nAccess-Control-Request-Headers: \tx-request-id\r\n",
			"https://example.com", ""},
		{"a tab-padded refused origin is logged without its tabs",
			"Origin: \thttps://evil.example\t\r\n",
			"", `refused "GET" "/resource": "actual GET request from \"https://evil.example\": refused: origin not allowed\n`},
	}
	for _, fw := range frameworks {
		for _, tc := range tests {
			t.Run(fw+": "+tc.name, func(t *testing.T) {
				base, logs := start(t, "-framework", fw)
				method := "GET"
				if strings.Contains(tc.request, "Access-Control-Request-Method") {
					method = "OPTIONS"
				}
				res := doRaw(t, strings.TrimPrefix(base, "http://"), method+" /resource HTTP/1.1\r\nHost: example.org\r\n"+
					"Connection: close\r\n"+tc.request+"\r\n")
				if got := res.Header.Values("Access-Control-Allow-Origin"); tc.wantOrigin == "" && len(got) > 0 ||
					tc.wantOrigin != "" && !reflect.DeepEqual(got, []string{tc.wantOrigin}) {
					t.Errorf("Access-Control-Allow-Origin %q, want %q", got, tc.wantOrigin)
				}
				got := logs.String()
				if tc.wantLog == "" && got != "" || !strings.HasPrefix(got, tc.wantLog) || strings.Count(got, "\n") > 1 {
					t.Errorf("log\n got %q\nwant one line starting %q", got, tc.wantLog)
				}
			})
		}
	}
}

// doRaw sends raw, a whole HTTP/1.1 request, to addr and returns the
// response, its body read and closed.
func doRaw(t *testing.T, addr, raw string) *http.Response {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(10 * time.Second)); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Write([]byte(raw)); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res
}
