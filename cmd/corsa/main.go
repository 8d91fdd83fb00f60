// Command corsa checks CORS policy files and explains what a policy does
// with a request.
//
// Usage:
//
//	corsa check policy.json...
//	corsa explain -policy policy.json -origin https://app.example.com [-method PUT] [-headers content-type,x-id] [-private-network]
//	corsa explain -policy policy.json < request.txt
//
// check validates each policy file and prints every problem and warning,
// each JSON problem with its line and column, and for a key from another
// CORS library or a misspelt one, the field to write instead.
//
// explain prints the decision and the exact response headers. Given
// -origin, it plays what a browser does for fetch() with that method and
// those (non-safelisted) request headers: the preflight first when one is
// needed, then the actual request. Without -origin it reads one raw HTTP
// request from standard input and explains that request alone.
//
// Exit status: check exits 0 when every file is valid (warnings allowed)
// and 1 when any file is invalid or unreadable. explain exits 0 when the
// request is allowed (or is not a CORS request), 1 when it is refused, and,
// as grep does when it cannot search, 2 when the policy file or the raw
// request is invalid or unreadable. Both exit 2 on a usage error.
//
// The policy file format is corsa.Config as JSON; see the README.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"

	"github.com/corsa-go/corsa"
)

func main() {
	// corsa.New logs each warning through slog.Default; check prints them
	// itself, on stdout, so the log records would only repeat them.
	slog.SetDefault(slog.New(slog.DiscardHandler))
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage:
  corsa check policy.json...
  corsa explain -policy policy.json -origin ORIGIN [-method M] [-headers H1,H2] [-private-network]
  corsa explain -policy policy.json < raw-http-request

exit status:
  check    0 every file valid (warnings allowed), 1 a file invalid or unreadable
  explain  0 allowed (or not a CORS request), 1 refused,
           2 the policy file or the raw request is invalid or unreadable
  both     2 usage error
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
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "corsa: unknown command %q\n%s", args[0], usage)
	return 2
}

func check(files []string, stdout, stderr io.Writer) int {
	if len(files) == 0 {
		fmt.Fprint(stderr, "corsa check: no policy file given\n"+usage)
		return 2
	}
	status := 0
	for _, f := range files {
		var problems []error
		var warnings []string
		// Not LoadConfig: each line already names the file.
		data, err := os.ReadFile(f)
		var c corsa.Config
		if err == nil {
			c, err = corsa.ParseConfig(data)
		}
		if err != nil {
			problems = splitJoined(err)
		} else {
			p, err := corsa.New(c)
			problems = splitJoined(err)
			if p != nil {
				warnings = p.Warnings()
			}
		}
		for _, e := range problems {
			fmt.Fprintf(stdout, "%s: error: %v\n", f, e)
		}
		for _, w := range warnings {
			fmt.Fprintf(stdout, "%s: warning: %s\n", f, w)
		}
		if len(problems) > 0 {
			status = 1
			fmt.Fprintf(stdout, "%s: %s\n", f, count(len(problems), "problem"))
		} else if len(warnings) > 0 {
			fmt.Fprintf(stdout, "%s: ok (%s)\n", f, count(len(warnings), "warning"))
		} else {
			fmt.Fprintf(stdout, "%s: ok\n", f)
		}
	}
	return status
}

// count says "1 warning", "2 warnings".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// splitJoined undoes errors.Join, so that each problem gets its own line.
func splitJoined(err error) []error {
	if err == nil {
		return nil
	}
	var joined interface{ Unwrap() []error }
	if errors.As(err, &joined) {
		return joined.Unwrap()
	}
	return []error{err}
}

func explain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corsa explain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	policyFile := fs.String("policy", "", "policy `file` (JSON)")
	origin := fs.String("origin", "", "the page's `origin`; omit to read a raw HTTP request from stdin")
	method := fs.String("method", "GET", "the request `method` the page uses")
	headers := fs.String("headers", "", "comma-separated non-safelisted request header `names` the page sets")
	pna := fs.Bool("private-network", false, "the request targets a private network (Private Network Access)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *policyFile == "" {
		fmt.Fprint(stderr, "corsa explain: -policy is required\n")
		return 2
	}
	c, err := corsa.LoadConfig(*policyFile)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	p, err := corsa.New(c)
	if err != nil {
		fmt.Fprintf(stderr, "%s: invalid policy (run corsa check):\n%v\n", *policyFile, err)
		return 2
	}
	if *origin == "" {
		r, err := http.ReadRequest(bufio.NewReader(stdin))
		if err != nil {
			fmt.Fprintf(stderr, "corsa explain: reading a raw HTTP request from stdin: %v\n", err)
			return 2
		}
		var req corsa.Request
		req.ReadHTTP(r)
		fmt.Fprint(stdout, p.Explain(&req))
		noteFileOrigin(req.Origin, stdout)
		return refused(corsa.Decide(p, &req))
	}
	status := explainFetch(p, *origin, *method, *headers, *pna, stdout)
	noteFileOrigin(*origin, stdout)
	return status
}

// refused is explain's exit status for a decision: 1 when the request is
// refused, 0 when it is allowed or not a CORS request at all.
func refused(d corsa.Decision) int {
	if d.Reason() != corsa.Allowed {
		return 1
	}
	return 0
}

// noteFileOrigin explains the refusal people meet when they open their
// page from disk: the browser sends "null" as its origin, never file://.
func noteFileOrigin(origin string, stdout io.Writer) {
	if strings.HasPrefix(strings.ToLower(origin), "file:") {
		fmt.Fprintln(stdout, `note: browsers send "Origin: null" from file: pages, never a file: URL; serve the page over http://localhost instead, or see dangerouslyAllowNullOrigin`)
	}
}

// explainFetch plays a browser's fetch(): a preflight when the method is
// not safelisted or the page sets non-safelisted headers, then the actual
// request if the preflight passed.
func explainFetch(p *corsa.Policy, origin, method, headers string, pna bool, stdout io.Writer) int {
	if method == "" {
		method = "GET"
	}
	headers = strings.ToLower(strings.ReplaceAll(headers, " ", ""))
	if method != "GET" && method != "HEAD" && method != "POST" || headers != "" || pna {
		pre := corsa.Request{Method: "OPTIONS", Origin: origin, RequestMethod: method}
		if headers != "" {
			pre.RequestHeaders = []string{headers}
		}
		if pna {
			pre.PrivateNetwork = "true"
		}
		fmt.Fprint(stdout, p.Explain(&pre))
		if d := corsa.Decide(p, &pre); d.Reason() != corsa.Allowed {
			fmt.Fprintln(stdout, "the browser stops here: the actual request is never sent")
			return 1
		}
		fmt.Fprintln(stdout)
	}
	actual := corsa.Request{Method: method, Origin: origin}
	fmt.Fprint(stdout, p.Explain(&actual))
	return refused(corsa.Decide(p, &actual))
}
