package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/internal/fetch"
)

// explain plays a page's fetch() under a policy file (corsa.Policy.Explain).
func explain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corsa explain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	policyFile := fs.String("policy", "", "policy `file` (JSON)")
	page := pageFlags(fs)
	u := fs.String("url", "", "the `URL` the page fetches (default: one on another site)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *policyFile == "" || fs.NArg() > 0 {
		fmt.Fprint(stderr, "corsa explain: -policy is required, and takes no arguments\n"+usage)
		return 2
	}
	c, err := corsa.LoadConfig(*policyFile)
	if err != nil {
		fmt.Fprintf(stderr, "%v\n(run corsa check %s)\n", err, *policyFile)
		return 2
	}
	p, err := corsa.New(c)
	if err != nil {
		fmt.Fprintf(stderr, "%s: invalid policy (run corsa check):\n%v\n", *policyFile, err)
		return 2
	}
	f := page.fetch()
	f.URL = *u
	if f.Origin == "" {
		r, err := http.ReadRequest(bufio.NewReader(stdin))
		if err != nil {
			fmt.Fprintf(stderr, "corsa explain: reading a raw HTTP request from stdin: %v\n", err)
			return 2
		}
		f = fetchOf(r)
		if f.Origin == "" {
			fmt.Fprintln(stdout, "not a CORS request (no Origin header): the handler runs; a page's fetch() within its own origin reads everything")
			return 0
		}
	}
	text, ok := p.Explain(f)
	fmt.Fprint(stdout, text)
	noteFileOrigin(f.Origin, stdout)
	if !ok {
		return 1
	}
	return 0
}

// page holds the flags that describe a page's fetch(), shared by explain
// and probe.
type page struct {
	origin, method, headers, read *string
	credentials                   *bool
}

func pageFlags(fs *flag.FlagSet) page {
	return page{
		origin:      fs.String("origin", "", "the page's `origin`, as the browser sends it"),
		method:      fs.String("method", "GET", "the `method` the page's fetch() uses"),
		headers:     fs.String("headers", "", "comma-separated request `headers` the page sets: Name for a value that is not CORS-safelisted, or Name: value"),
		credentials: fs.Bool("credentials", false, `the fetch() sends credentials (credentials: "include")`),
		read:        fs.String("read", "", "comma-separated response header `names` the script reads"),
	}
}

func (p page) fetch() corsa.Fetch {
	return corsa.Fetch{Origin: *p.origin, Method: *p.method, Headers: list(*p.headers), Credentials: *p.credentials, Read: list(*p.read)}
}

// fetchOf is the fetch() that sent r: for a preflight, the method and
// headers it asks for; for another request, its method and the request
// headers a script may have set.
func fetchOf(r *http.Request) corsa.Fetch {
	f := corsa.Fetch{Origin: r.Header.Get("Origin"), Method: r.Method}
	if r.Host != "" {
		f.URL = "http://" + r.Host + r.URL.RequestURI()
	}
	if acrm := r.Header.Get("Access-Control-Request-Method"); r.Method == http.MethodOptions && acrm != "" {
		f.Method = acrm
		for _, line := range r.Header.Values("Access-Control-Request-Headers") {
			f.Headers = append(f.Headers, list(line)...)
		}
		return f
	}
	for name, values := range r.Header {
		if name == "Origin" || browserAdded[name] || fetch.Forbidden(name, strings.Join(values, ",")) {
			continue
		}
		for _, v := range values {
			f.Headers = append(f.Headers, name+": "+v)
		}
	}
	return f
}

// browserAdded are headers a browser adds to a request itself, which a
// raw request carries without the script having set them.
var browserAdded = map[string]bool{
	"User-Agent": true, "Cache-Control": true, "Pragma": true, "Priority": true, "Upgrade-Insecure-Requests": true,
}
