package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/corsa-go/corsa"
)

const (
	probePage = "https://app.example"
	evilPage  = "https://evil.example"
)

// corsaServer serves a handler that exposes one header of two, behind
// corsa, on 127.0.0.1.
func corsaServer(t *testing.T, c corsa.Config) string {
	t.Helper()
	p, err := corsa.New(c)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(p.Handler(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("X-Total-Count", "3")
		w.Header().Set("X-Other", "1")
		io.WriteString(w, "ok")
	})))
	t.Cleanup(srv.Close)
	return srv.URL + "/items"
}

// probeCase runs corsa probe with args before the URL and checks its
// exit status and that its output holds every line of want.
func probeCase(t *testing.T, url string, status int, want []string, args ...string) {
	t.Helper()
	got, out, errOut := runCLI(t, "", append(append([]string{"probe"}, args...), url)...)
	if got != status {
		t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", got, status, out, errOut)
	}
	lines := strings.Split(out, "\n")
	for _, w := range want {
		w = strings.ReplaceAll(w, "URL", url)
		found := false
		for _, l := range lines {
			found = found || l == w
		}
		if !found {
			t.Errorf("no line %q in the report:\n%s", w, out)
		}
	}
}

// corsa's answers, as SPEC.md fixes them, judged as a browser judges them.
func TestProbeJudgesARunningCorsaServer(t *testing.T) {
	url := corsaServer(t, corsa.Config{
		Origins: []string{probePage}, Credentials: true, Methods: []string{"PUT"},
		RequestHeaders: []string{"X-Request-Id"}, ExposedHeaders: []string{"X-Total-Count"},
	})
	plain := corsaServer(t, corsa.Config{Origins: []string{probePage}, ExposedHeaders: []string{"X-Total-Count"}})
	for _, tt := range []struct {
		name   string
		url    string
		args   []string
		status int
		want   []string
	}{
		{"an allowed PUT is preflighted, then read", url,
			[]string{"-origin", probePage, "-method", "PUT", "-headers", "X-Request-Id"}, 0,
			[]string{
				"preflight: OPTIONS URL",
				"  > Origin: " + probePage,
				"  > Access-Control-Request-Method: PUT",
				"  > Access-Control-Request-Headers: x-request-id",
				"  < 204 No Content",
				"  < Access-Control-Allow-Origin: " + probePage,
				"  < Access-Control-Allow-Methods: PUT",
				"  < Access-Control-Allow-Headers: X-Request-Id",
				"request: PUT URL",
				"  < 200 OK",
				"browser: the script can read the response",
			}},
		{"a credentialed GET reads the exposed header", url,
			[]string{"-origin", probePage, "-credentials", "-read", "X-Total-Count"}, 0,
			[]string{
				"request: GET URL",
				"  < Access-Control-Allow-Credentials: true",
				"browser: the script can read the response",
				"  reads X-Total-Count: yes",
			}},
		{"a credentialed GET fails without Allow-Credentials", plain,
			[]string{"-origin", probePage, "-credentials"}, 1,
			[]string{
				"browser: blocked: Access to fetch at 'URL' from origin '" + probePage + "' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'.",
				"fix: the server must send Access-Control-Allow-Credentials: true for credentialed requests (corsa: credentials: true)",
			}},
		{"a header the response does not expose reads null", url,
			[]string{"-origin", probePage, "-read", "X-Total-Count,X-Other"}, 1,
			[]string{
				"browser: the script can read the response",
				"  reads X-Total-Count: yes",
				"  reads X-Other: null: the response must list it in Access-Control-Expose-Headers (and have it)",
			}},
		// SPEC.md §2: a refused preflight has no Access-Control-Allow-*.
		{"a header the policy does not allow stops at the preflight", url,
			[]string{"-origin", probePage, "-method", "PUT", "-headers", "X-Request-Id,X-Unlisted"}, 1,
			[]string{
				"  > Access-Control-Request-Headers: x-request-id,x-unlisted",
				"browser: blocked: Access to fetch at 'URL' from origin '" + probePage + "' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
				"the browser stops here: the request itself is never sent",
				"fix: the server must allow the page's origin " + probePage + ", the method PUT, the headers x-request-id, x-unlisted: it refused the preflight without saying which",
			}},
		{"another origin reads nothing", url,
			[]string{"-origin", evilPage}, 1,
			[]string{
				"browser: blocked: Access to fetch at 'URL' from origin '" + evilPage + "' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource. If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.",
				"fix: the server must grant the page's origin: Access-Control-Allow-Origin: " + evilPage,
			}},
	} {
		t.Run(tt.name, func(t *testing.T) { probeCase(t, tt.url, tt.status, tt.want, tt.args...) })
	}
}

func TestProbeExitsWith2WhenItCannotAsk(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String() + "/"
	ln.Close()
	for _, tt := range []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"a server that does not answer", []string{"-origin", probePage, closed}, "corsa probe: "},
		{"no -origin", []string{closed}, "want -origin and one URL"},
		{"two URLs", []string{"-origin", probePage, closed, closed}, "want -origin and one URL"},
		{"a URL that is not http", []string{"-origin", probePage, "ftp://127.0.0.1/"}, "is not an http or https URL"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			status, _, errOut := runCLI(t, "", append([]string{"probe"}, tt.args...)...)
			if status != 2 || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit status %d, stderr %q; want 2 and %q", status, errOut, tt.want)
			}
		})
	}
}

// rawServer answers every request for a path with exactly the bytes
// given for it, then closes the connection, on 127.0.0.1.
func rawServer(t *testing.T, answers map[string]string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				conn.SetDeadline(time.Now().Add(10 * time.Second))
				req, err := http.ReadRequest(bufio.NewReader(conn))
				if err != nil {
					return
				}
				raw, ok := answers[req.URL.Path]
				if !ok {
					raw = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
				}
				io.WriteString(conn, raw)
			}()
		}
	}()
	return "http://" + ln.Addr().String()
}

// Responses that net/http's client reads otherwise than a browser: probe
// reads them as Chromium does (fetch.ReadResponse).
func TestProbeReadsTheRawBytesAsABrowserDoes(t *testing.T) {
	answers := map[string]string{
		"/space-before-colon": "HTTP/1.1 200 OK\r\n" +
			"Access-Control-Allow-Origin : " + evilPage + "\r\n" +
			"Access-Control-Allow-Origin: " + probePage + "\r\n" +
			"Content-Length: 0\r\nConnection: close\r\n\r\n",
		"/odd-name": "HTTP/1.1 200 OK\r\n" +
			"X(A): 1\r\n" +
			"Access-Control-Allow-Origin: " + probePage + "\r\n" +
			"Access-Control-Expose-Headers: X-Read\r\n" +
			"X-Read: yes\r\n" +
			"Content-Length: 0\r\nConnection: close\r\n\r\n",
		"/chunked": "HTTP/1.1 200 OK\r\n" +
			"Access-Control-Allow-Origin: " + probePage + "\r\n" +
			"Access-Control-Expose-Headers: Transfer-Encoding\r\n" +
			"Transfer-Encoding: chunked\r\n" +
			"Connection: close\r\n\r\n" +
			"2\r\nok\r\n0\r\n\r\n",
	}
	// Each response is a case only because Go's client reads it otherwise.
	goReads := func(path string) (http.Header, error) {
		res, err := http.ReadResponse(bufio.NewReader(strings.NewReader(answers[path])), nil)
		if err != nil {
			return nil, err
		}
		return res.Header, nil
	}
	if h, err := goReads("/space-before-colon"); err != nil || len(h.Values("Access-Control-Allow-Origin")) != 1 {
		t.Fatalf("Go's client reads %v (%v): want one Access-Control-Allow-Origin, the other filed under another name", h, err)
	}
	if _, err := goReads("/odd-name"); err == nil {
		t.Fatal("Go's client reads X(A) without an error: the case proves nothing")
	}
	if h, err := goReads("/chunked"); err != nil || h.Get("Transfer-Encoding") != "" {
		t.Fatalf("Go's client keeps Transfer-Encoding among the header (%v, %v): the case proves nothing", h, err)
	}

	base := rawServer(t, answers)
	for _, tt := range []struct {
		name, path string
		args       []string
		status     int
		want       []string
	}{
		{"a space before the colon does not hide a second Allow-Origin", "/space-before-colon",
			[]string{"-origin", probePage}, 1,
			[]string{
				"  < Access-Control-Allow-Origin: " + evilPage,
				"  < Access-Control-Allow-Origin: " + probePage,
				"browser: blocked: Access to fetch at 'URL' from origin '" + probePage + "' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains multiple values '" + evilPage + ", " + probePage + "', but only one is allowed.",
				"fix: the server must send one Access-Control-Allow-Origin line, with one origin: two CORS middlewares are writing it",
			}},
		{"a header name that is not a token does not fail the response", "/odd-name",
			[]string{"-origin", probePage, "-read", "X-Read"}, 0,
			[]string{"browser: the script can read the response", "  reads X-Read: yes"}},
		{"Transfer-Encoding stays a header the script can read", "/chunked",
			[]string{"-origin", probePage, "-read", "Transfer-Encoding"}, 0,
			[]string{"browser: the script can read the response", "  reads Transfer-Encoding: yes"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			probeCase(t, fmt.Sprintf("%s%s", base, tt.path), tt.status, tt.want, tt.args...)
		})
	}
}
