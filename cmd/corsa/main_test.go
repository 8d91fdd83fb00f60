package main

import (
	"bytes"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, stdin string, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status = run(args, strings.NewReader(stdin), &out, &errOut)
	return status, out.String(), errOut.String()
}

func writePolicy(t *testing.T, json string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "policy.json")
	if err := os.WriteFile(path, []byte(json), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// Every configuration SPEC.md §5 refuses makes `corsa check` fail with a
// message that names the value and the rule.
func TestCheckRejectsEverySection5Case(t *testing.T) {
	tests := []struct {
		name, policy string
		want         []string // substrings of the output, in any order
	}{
		{"a wildcard origin with credentials", `{"origins":["*"],"credentials":true}`,
			[]string{`origins[0] "*"`, `"*" cannot be combined with credentials`}},
		{"wildcard methods with credentials", `{"origins":["https://a.example"],"credentials":true,"methods":["*"]}`,
			[]string{`methods[0] "*"`, "cannot be combined with credentials"}},
		{"wildcard request headers with credentials", `{"origins":["https://a.example"],"credentials":true,"requestHeaders":["*"]}`,
			[]string{`requestHeaders[0] "*"`, "cannot be combined with credentials"}},
		{"wildcard exposed headers with credentials", `{"origins":["https://a.example"],"credentials":true,"exposedHeaders":["*"]}`,
			[]string{`exposedHeaders[0] "*"`, "cannot be combined with credentials"}},
		{"an origin with a path", `{"origins":["https://a.example/app"]}`,
			[]string{`origins[0] "https://a.example/app"`, "invalid origin", "no path"}},
		{"an origin with a trailing slash", `{"origins":["https://a.example/"]}`,
			[]string{"invalid origin", "trailing slash"}},
		{"an origin with user info", `{"origins":["https://user@a.example"]}`,
			[]string{"invalid origin", "user info"}},
		{"an upper-case host", `{"origins":["https://A.example"]}`,
			[]string{"invalid origin", "lower case"}},
		{"an upper-case scheme", `{"origins":["HTTPS://a.example"]}`,
			[]string{"invalid origin", "lower case"}},
		{"an empty host", `{"origins":["https://"]}`,
			[]string{"invalid origin", "empty host"}},
		{"the null origin without opt-in", `{"origins":["null"]}`,
			[]string{`origins[0] "null"`, `"null" origin not allowed`, "dangerouslyAllowNullOrigin"}},
		{"a plain-http origin with credentials", `{"origins":["http://a.example"],"credentials":true}`,
			[]string{"insecure origin with credentials", "dangerouslyAllowInsecureOrigins"}},
		{"a pattern for every host", `{"origins":["https://*"]}`,
			[]string{"origin pattern too broad"}},
		{"a pattern for a top-level domain", `{"origins":["https://*.com"]}`,
			[]string{"origin pattern too broad", "top-level domain"}},
		{"a pattern without a scheme", `{"origins":["*.example.com"]}`,
			[]string{"origin pattern too broad", "needs a scheme"}},
		{"a wildcard inside a label", `{"origins":["https://a*.example.com"]}`,
			[]string{"origin pattern too broad", "whole leading label"}},
		{"an invalid method token", `{"origins":["https://a.example"],"methods":["PU T"]}`,
			[]string{`methods[0] "PU T"`, "invalid method"}},
		{"a forbidden method", `{"origins":["https://a.example"],"methods":["TRACE"]}`,
			[]string{"forbidden method"}},
		{"an invalid header token", `{"origins":["https://a.example"],"requestHeaders":["X Id"]}`,
			[]string{"invalid header name"}},
		{"a forbidden request header", `{"origins":["https://a.example"],"requestHeaders":["Cookie"]}`,
			[]string{`requestHeaders[0] "Cookie"`, "forbidden header name"}},
		{"a negative max-age", `{"origins":["https://a.example"],"maxAge":-1}`,
			[]string{`maxAge "-1"`, "invalid max-age"}},
		{"a max-age above a day", `{"origins":["https://a.example"],"maxAge":86401}`,
			[]string{`maxAge "86401"`, "invalid max-age"}},
		{"a preflight status outside 2xx", `{"origins":["https://a.example"],"preflightStatus":302}`,
			[]string{`preflightStatus "302"`, "invalid preflight status"}},
		{"an unknown field", `{"origin":["https://a.example"]}`,
			[]string{`unknown field "origin"`}},
		{"a duplicate key", `{"origins":["https://app.example.com"],"origins":["*"]}`,
			[]string{`key "origins" given twice, at line 1, column 2 and at line 1, column 40`}},
		{"an IPv4 address with a leading zero", `{"origins":["http://127.0.0.01"],"credentials":true}`,
			[]string{`origins[0] "http://127.0.0.01"`, "invalid origin", "browsers send this IPv4 address as 127.0.0.1"}},
		{"an IPv4 address in hex", `{"origins":["https://0x7f.0.0.1"]}`,
			[]string{"invalid origin", "as 127.0.0.1"}},
		{"a domain ending in a number", `{"origins":["https://example.123"]}`,
			[]string{"invalid origin", "last label is a number", "no browser can send it"}},
		{"five IPv4 parts", `{"origins":["https://1.2.3.4.5"]}`,
			[]string{"invalid origin", "no browser can send it"}},
		{"an uncompressed IPv6 address", `{"origins":["https://[0:0:0:0:0:0:0:1]"]}`,
			[]string{"invalid origin", "browsers send this IPv6 address as [::1]"}},
		{"an IPv6 address with a dotted tail", `{"origins":["https://[::ffff:127.0.0.1]"]}`,
			[]string{"invalid origin", "as [::ffff:7f00:1]"}},
		{"an IPv4 address in brackets", `{"origins":["https://[1.2.3.4]"]}`,
			[]string{"invalid origin", "invalid IPv6 literal"}},
		{"an invalid punycode label", `{"origins":["https://xn--.com"]}`,
			[]string{"invalid origin", `label "xn--" is not valid punycode`}},
		{"a file origin", `{"origins":["file://localhost"]}`,
			[]string{"invalid origin", `browsers send "null"`}},
		{"a method longer than a preflight may ask for", `{"origins":["https://a.example"],"methods":["` + strings.Repeat("M", 65) + `"]}`,
			[]string{"invalid method", "longer than 64 bytes"}},
	}
	for _, tt := range tests {
		t.Run("check rejects "+tt.name, func(t *testing.T) {
			status, out, _ := runCLI(t, "", "check", writePolicy(t, tt.policy))
			if status != 1 {
				t.Errorf("exit status = %d, want 1\n%s", status, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestCheckReportsEveryProblemAndWarning(t *testing.T) {
	status, out, _ := runCLI(t, "", "check", writePolicy(t,
		`{"origins":["*","null"],"credentials":true,"maxAge":-5}`))
	if status != 1 {
		t.Errorf("exit status = %d, want 1", status)
	}
	if got := strings.Count(out, ": error: "); got != 3 {
		t.Errorf("%d errors reported, want 3:\n%s", got, out)
	}
	if !strings.Contains(out, "3 problems") {
		t.Errorf("output lacks the count:\n%s", out)
	}

	status, out, _ = runCLI(t, "", "check", writePolicy(t, `{"origins":["https://a.example"],"maxAge":86400}`))
	if status != 0 {
		t.Errorf("exit status = %d, want 0 for warnings only", status)
	}
	if !strings.Contains(out, "warning: maxAge 86400 exceeds Chromium's cap of 7200") {
		t.Errorf("output lacks the max-age warning:\n%s", out)
	}
}

func TestCheckAcceptsTheDesignExample(t *testing.T) {
	status, out, _ := runCLI(t, "", "check", "testdata/good.json")
	if status != 0 || !strings.Contains(out, "testdata/good.json: ok\n") {
		t.Errorf("exit status %d, output:\n%s", status, out)
	}
}

func TestExplainPlaysThePreflightThenTheActualRequest(t *testing.T) {
	status, out, _ := runCLI(t, "", "explain", "-policy", "testdata/good.json",
		"-origin", "https://shop.example.org", "-method", "PUT", "-headers", "X-Request-Id")
	if status != 0 {
		t.Fatalf("exit status = %d", status)
	}
	for _, want := range []string{
		`preflight from "https://shop.example.org" for PUT: allowed`,
		"status 204 No Content",
		"Access-Control-Allow-Origin: https://shop.example.org",
		"Access-Control-Allow-Methods: GET, POST, PUT, DELETE, PATCH",
		"Access-Control-Allow-Headers: Content-Type, Authorization, X-Request-Id",
		"Access-Control-Max-Age: 600",
		`actual PUT request from "https://shop.example.org": allowed`,
		"Access-Control-Expose-Headers: X-Total-Count",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestExplainStopsAfterARefusedPreflight(t *testing.T) {
	_, out, _ := runCLI(t, "", "explain", "-policy", "testdata/good.json",
		"-origin", "https://shop.example.org", "-method", "PUT", "-headers", "X-Secret")
	for _, want := range []string{
		"refused: request header not allowed",
		`request header "x-secret": not allowed: not in requestHeaders`,
		"status 403 Forbidden",
		"the browser stops here: the request itself is never sent",
		"fix: add x-secret to requestHeaders",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "  Access-Control-Allow-Origin: ") {
		t.Errorf("a refused preflight grants an origin:\n%s", out)
	}
	if strings.Contains(out, "request: PUT") {
		t.Errorf("the request is explained after a refused preflight:\n%s", out)
	}
}

func TestExplainReadsARawRequestFromStdin(t *testing.T) {
	raw := "GET /items HTTP/1.1\r\nHost: api.example.com\r\nOrigin: https://app.example.com\r\n\r\n"
	status, out, _ := runCLI(t, raw, "explain", "-policy", "testdata/good.json")
	if status != 0 {
		t.Fatalf("exit status = %d", status)
	}
	for _, want := range []string{
		`actual GET request from "https://app.example.com": allowed`,
		"Access-Control-Allow-Credentials: true",
		"Vary: Origin (added)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	status, _, errOut := runCLI(t, "not http", "explain", "-policy", "testdata/good.json")
	if status != 2 || !strings.Contains(errOut, "reading a raw HTTP request") {
		t.Errorf("garbage on stdin: status %d, stderr %q", status, errOut)
	}
}

func TestUsageErrorsExitWithStatus2(t *testing.T) {
	for _, args := range [][]string{nil, {"frobnicate"}, {"check"}, {"explain"}} {
		if status, _, _ := runCLI(t, "", args...); status != 2 {
			t.Errorf("corsa %q: exit status %d, want 2", args, status)
		}
	}
}

// TestMain lets a test run the command itself, as a process: the test
// binary is corsa when CORSA_TEST_RUN_MAIN is set.
func TestMain(m *testing.M) {
	if os.Getenv("CORSA_TEST_RUN_MAIN") == "1" {
		main()
	}
	// In process, run is called without main: drop New's warning records
	// as main does.
	slog.SetDefault(slog.New(slog.DiscardHandler))
	os.Exit(m.Run())
}

// The library logs New's warnings through slog; the command prints them
// itself, so a warning shows once, on stdout, and stderr stays empty.
func TestTheCommandPrintsEachWarningOnceAndNothingOnStderr(t *testing.T) {
	path := writePolicy(t, `{"origins":["https://a.example"],"maxAge":9000}`)
	const warning = "maxAge 9000 exceeds Chromium's cap of 7200 seconds"
	for _, tt := range []struct {
		name     string
		args     []string
		warnings int
	}{
		{"check prints the warning once", []string{"check", path}, 1},
		{"explain prints no warning", []string{"explain", "-policy", path, "-origin", "https://a.example"}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], tt.args...)
			cmd.Env = append(os.Environ(), "CORSA_TEST_RUN_MAIN=1")
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("corsa %q: %v\nstderr:\n%s", tt.args, err, stderr.String())
			}
			if n := strings.Count(stdout.String(), warning); n != tt.warnings {
				t.Errorf("stdout has the warning %d times, want %d:\n%s", n, tt.warnings, stdout.String())
			}
			if stderr.Len() != 0 {
				t.Errorf("stderr = %q, want nothing", stderr.String())
			}
		})
	}
}
