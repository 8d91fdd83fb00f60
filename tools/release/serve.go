package main

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"sort"
	"strings"
	"time"
)

// oneLiner returns the code in the README's "one line" table row for a
// framework: the README is what users copy, so the check builds it.
func oneLiner(readme, framework string) (string, error) {
	var found []string
	for _, line := range strings.Split(readme, "\n") {
		// The row's first code span is the one-liner; words after it
		// (another form, and why) are for the reader.
		if rest, ok := strings.CutPrefix(line, "| "+framework+" | `"); ok {
			if code, _, ok := strings.Cut(rest, "`"); ok && strings.HasSuffix(strings.TrimSpace(rest), "|") {
				found = append(found, code)
			}
		}
	}
	if len(found) != 1 {
		return "", fmt.Errorf("README.md: want one \"| %s | `...` |\" row in the one-line table, found %d", framework, len(found))
	}
	return found[0], nil
}

// exchanges are the two requests every framework's server must answer the
// same way; the expected headers are SPEC.md's for the README's policy,
// Origins https://app.example and nothing else set.
var exchanges = []struct {
	name, method string
	header       map[string]string
	status       int
	want         string
}{
	{
		name:   "an allowed preflight",
		method: http.MethodOptions,
		header: map[string]string{"Origin": "https://app.example", "Access-Control-Request-Method": "POST"},
		status: http.StatusNoContent,
		want: "Access-Control-Allow-Origin: https://app.example\n" +
			"Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers\n",
	},
	{
		name:   "an allowed actual request",
		method: http.MethodGet,
		header: map[string]string{"Origin": "https://app.example"},
		status: http.StatusOK,
		want:   "Access-Control-Allow-Origin: https://app.example\nVary: Origin\n",
	},
}

// serveAndCheck runs a built server on a free loopback port and checks
// its answers to the exchanges.
func serveAndCheck(bin string) error {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	addr := l.Addr().String()
	l.Close()
	var logs bytes.Buffer
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "CORSA_CHECK_ADDR="+addr)
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	client := &http.Client{Transport: &http.Transport{}, Timeout: 10 * time.Second}
	for _, tc := range exchanges {
		req, err := http.NewRequest(tc.method, "http://"+addr+"/", nil)
		if err != nil {
			return err
		}
		for k, v := range tc.header {
			req.Header.Set(k, v)
		}
		// The first request waits for the server to listen.
		resp, err := client.Do(req)
		for deadline := time.Now().Add(30 * time.Second); err != nil && time.Now().Before(deadline); {
			time.Sleep(50 * time.Millisecond)
			resp, err = client.Do(req)
		}
		if err != nil {
			return fmt.Errorf("%s: %v; server output:\n%s", tc.name, err, logs.String())
		}
		resp.Body.Close()
		if got := corsHeaders(resp.Header); resp.StatusCode != tc.status || got != tc.want {
			return fmt.Errorf("%s: got status %d and headers\n%s\nwant status %d and headers\n%s", tc.name, resp.StatusCode, got, tc.status, tc.want)
		}
	}
	return nil
}

// corsHeaders renders the Access-Control-* and Vary headers, one line per
// name in sorted order, repeated lines joined with ", ".
func corsHeaders(h http.Header) string {
	var names []string
	for k := range h {
		if strings.HasPrefix(k, "Access-Control-") || k == "Vary" {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	var b strings.Builder
	for _, k := range names {
		fmt.Fprintf(&b, "%s: %s\n", k, strings.Join(h.Values(k), ", "))
	}
	return b.String()
}
