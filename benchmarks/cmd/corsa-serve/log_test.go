package main

import (
	"bytes"
	"log"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

func TestRefusalLogQuotesAndCutsEveryValue(t *testing.T) {
	p := corsa.Must(corsa.Config{Origins: []string{"https://example.com"}, Methods: []string{"PUT"}})
	tests := []struct {
		name    string
		req     corsa.Request
		path    string
		want    []string // fragments the line must hold
		maxLine int
	}{
		{"a 1 MB origin is cut, with its length",
			corsa.Request{Method: "GET", Origin: "https://" + strings.Repeat("a", 1<<20)}, "/resource",
			[]string{`refused "GET" "/resource": "actual GET request from \"https://aaaa`, `... (1048584 bytes)`}, 6 << 10},
		{"a newline in the origin stays inside the quotes",
			corsa.Request{Method: "GET", Origin: "https://evil.example\nrefused GET /forged"}, "/resource",
			[]string{`from \"https://evil.example\\nrefused GET /forged\"`}, 1 << 10},
		{"a long path and a control byte in it are quoted and cut",
			corsa.Request{Method: "GET", Origin: "https://evil.example"}, "/\x1b[31m" + strings.Repeat("p", 10000),
			[]string{`refused "GET" "/\x1b[31mppp`, `... (10006 bytes)`}, 2 << 10},
		{"a long requested method is quoted and cut",
			corsa.Request{Method: "OPTIONS", Origin: "https://example.com", RequestMethod: strings.Repeat("M", 1<<20)}, "/",
			[]string{`refused "OPTIONS" "/": "preflight from \"https://example.com\" for \"MMM`, `... (1048576 bytes)`}, 6 << 10},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			logIfRefused(p, &tc.req, tc.path, log.New(&buf, "", 0))
			got := buf.String()
			if strings.Count(got, "\n") != 1 || !strings.HasSuffix(got, "\n") {
				t.Errorf("want exactly one log line, got %q", got)
			}
			if len(got) > tc.maxLine {
				t.Errorf("log line is %d bytes, want at most %d", len(got), tc.maxLine)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("log line %.300q... does not hold %q", got, w)
				}
			}
		})
	}
}
