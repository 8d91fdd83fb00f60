package main

import (
	_ "embed"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	corsa "github.com/corsa-go/corsa/core"
)

//go:embed default-policy.json
var defaultPolicy []byte

// frameworks are the values -framework accepts.
var frameworks = []string{"nethttp", "chi", "gin", "echo", "fiber"}

type options struct {
	framework string
	addr      string
	bare      bool
	policy    corsa.Config
}

func parseOptions(args []string, output io.Writer) (options, error) {
	fs := flag.NewFlagSet("corsa-serve", flag.ContinueOnError)
	fs.SetOutput(output)
	var o options
	fs.StringVar(&o.framework, "framework", "nethttp", "framework to serve with: "+strings.Join(frameworks, ", "))
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	fs.BoolVar(&o.bare, "bare", false, "serve without any CORS middleware, as a load-test baseline")
	policyPath := fs.String("policy", "", "JSON policy file (default: the embedded policy described in the package documentation)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if !slices.Contains(frameworks, o.framework) {
		return o, fmt.Errorf("-framework %q: want one of %s", o.framework, strings.Join(frameworks, ", "))
	}
	var err error
	if *policyPath != "" {
		o.policy, err = corsa.LoadConfig(*policyPath)
	} else {
		o.policy, err = corsa.ParseConfig(defaultPolicy)
	}
	return o, err
}
