// Command corsa checks CORS policy files, explains what a policy does with
// a page's request, and probes what a running server answers.
//
// Usage:
//
//	corsa check policy.json...
//	corsa explain -policy policy.json -origin ORIGIN [-url URL] [-method M] [-headers H1,H2] [-credentials] [-read H1,H2]
//	corsa explain -policy policy.json < raw-http-request
//	corsa probe -origin ORIGIN [-method M] [-headers H1,H2] [-credentials] [-read H1,H2] URL
//
// check validates each policy file and prints every problem and warning
// at once, each with its line and column, and for a key from another CORS
// library or a misspelt one, the field to write instead.
//
// explain plays the fetch() a page at -origin makes under the policy: the
// preflight when one is needed, the request, the policy's answer to each
// and the rule behind it, then what the browser does with the answers, in
// Chromium's console words when it blocks, and what to change in the
// policy. -headers names request headers the page sets ("Name" for a value
// that is not CORS-safelisted, or "Name: value"), -credentials is
// credentials: "include", and -read names the response headers the script
// reads. Without -origin it reads one raw HTTP request from standard input
// and explains the fetch() that sent it.
//
// probe asks a running server, whatever its CORS library: it sends the
// preflight and the request a page at -origin would send to URL, follows
// redirects as browsers do, reads the answers as a browser parses them,
// and prints the verdict, the reason and what the server must send
// instead.
//
// Exit status: check exits 0 when every file is valid (warnings allowed)
// and 1 when one is invalid or unreadable; explain and probe exit 0 when
// the page's fetch() succeeds and can read every -read header, and 1 when
// it fails, even where the policy allowed the origin. explain exits 2
// when the policy file or the raw request is invalid, probe when the
// server cannot be reached; every command exits 2 on a usage error.
//
// The policy file format is corsa.Config as JSON; see the README.
package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
)

func main() {
	// corsa.New logs each warning through slog.Default; check prints them
	// itself, on stdout, so the log records would only repeat them.
	slog.SetDefault(slog.New(slog.DiscardHandler))
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage:
  corsa check policy.json...
  corsa explain -policy policy.json -origin ORIGIN [-url URL] [-method M] [-headers H1,H2] [-credentials] [-read H1,H2]
  corsa explain -policy policy.json < raw-http-request
  corsa probe -origin ORIGIN [-method M] [-headers H1,H2] [-credentials] [-read H1,H2] URL

exit status:
  check          0 every file valid (warnings allowed), 1 a file invalid or unreadable
  explain, probe 0 the page's fetch() succeeds and reads every -read header, 1 it fails;
                 2 the policy file or the raw request is invalid (explain),
                   the server cannot be reached (probe)
  all            2 usage error
`

// run is main without the process: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "check":
		return check(args[1:], stdout, stderr)
	case "explain":
		return explain(args[1:], stdin, stdout, stderr)
	case "probe":
		return probe(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "corsa: unknown command %q\n%s", args[0], usage)
	return 2
}

// list splits a comma-separated flag value, dropping empty elements.
func list(s string) []string {
	var out []string
	for _, e := range strings.Split(s, ",") {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}

// noteFileOrigin explains the refusal people meet when they open their
// page from disk: the browser sends "null" as its origin, never file://.
func noteFileOrigin(origin string, stdout io.Writer) {
	if strings.HasPrefix(strings.ToLower(origin), "file:") {
		fmt.Fprintln(stdout, `note: browsers send "Origin: null" from file: pages, never a file: URL; serve the page over http://localhost instead, or see dangerouslyAllowNullOrigin`)
	}
}
