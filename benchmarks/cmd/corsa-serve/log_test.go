package main

import (
	"strings"
	"testing"

	"github.com/corsa-go/corsa/conformance/adaptertest"
)

// The log names the decision each adapter made, on what the adapter read:
// the tabs around values, which net/http strips and fasthttp (under fiber
// or not) does not, are trimmed by every adapter. The requests are sent
// raw, since Go's client trims the tabs around header values.
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
			"", refusedLine("actual", "https://evil.example", "GET") + "\n"},
	}
	for _, fw := range frameworkKeys {
		for _, tc := range tests {
			t.Run(fw+": "+tc.name, func(t *testing.T) {
				base, logs := start(t, "-framework", fw)
				method := "GET"
				if strings.Contains(tc.request, "Access-Control-Request-Method") {
					method = "OPTIONS"
				}
				res := adaptertest.Ask(t, strings.TrimPrefix(base, "http://"), method+" /resource HTTP/1.1\r\nHost: example.org\r\n"+
					"Connection: close\r\n"+tc.request+"\r\n")
				if got := res.Headers["Access-Control-Allow-Origin"]; got != tc.wantOrigin {
					t.Errorf("Access-Control-Allow-Origin %q, want %q", got, tc.wantOrigin)
				}
				got := logs.String()
				if tc.wantLog == "" && got != "" || !strings.HasSuffix(got, tc.wantLog) || strings.Count(got, "\n") > 1 {
					t.Errorf("log\n got %q\nwant one line ending %q", got, tc.wantLog)
				}
			})
		}
	}
}

// A hostile client's megabytes do not reach the log: each value is cut.
func TestRefusalLogCutsEveryValue(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		want   string // a fragment of the line
	}{
		{"a 1 MB origin is cut", []string{"Origin", "https://" + strings.Repeat("a", 1<<20)}, `origin=https://aaaa`},
		{"a long requested method is cut", []string{"Origin", "https://evil.example", "Access-Control-Request-Method", strings.Repeat("M", 1<<20)},
			`request_method=MMMM`},
	}
	base, logs := start(t, "-framework", "nethttp")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := len(logs.String())
			method := "GET"
			if len(tc.header) > 2 {
				method = "OPTIONS"
			}
			do(t, method, base+"/resource", tc.header...)
			got := logs.String()[before:]
			if strings.Count(got, "\n") != 1 || !strings.Contains(got, tc.want) {
				t.Errorf("log %.300q..., want one line holding %q", got, tc.want)
			}
			if len(got) > 4<<10 {
				t.Errorf("the log line is %d bytes, want at most 4 KiB", len(got))
			}
		})
	}
}
