package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/corsa-go/corsa/internal/fetch"
)

// probeTimeout bounds each connection of a probe.
const probeTimeout = 10 * time.Second

// probe plays a page's fetch() against a running server and judges its
// answers as a browser does.
func probe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corsa probe", flag.ContinueOnError)
	fs.SetOutput(stderr)
	page := pageFlags(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 || *page.origin == "" {
		fmt.Fprint(stderr, "corsa probe: want -origin and one URL\n"+usage)
		return 2
	}
	u, err := url.Parse(fs.Arg(0))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		fmt.Fprintf(stderr, "corsa probe: %q is not an http or https URL\n", fs.Arg(0))
		return 2
	}
	f := page.fetch()
	req := fetch.Request{Method: f.Method, URL: u.String(), Origin: f.Origin, Credentials: f.Credentials, Header: http.Header{}, Read: f.Read}
	for _, h := range f.Headers {
		name, value, found := strings.Cut(h, ":")
		if !found {
			value = "{not safelisted}"
		}
		req.Header.Add(strings.TrimSpace(name), strings.TrimSpace(value))
	}
	report, ok, err := fetch.Probe(req, fetch.Wire(probeTimeout, nil))
	fmt.Fprint(stdout, report)
	noteFileOrigin(f.Origin, stdout)
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "corsa probe: %v\n", err)
		return 2
	case !ok:
		return 1
	}
	return 0
}
