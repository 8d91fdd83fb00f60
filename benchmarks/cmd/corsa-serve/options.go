package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/frameworks"
)

//go:embed default-policy.json
var defaultPolicy []byte

// frameworkKeys are the values -framework accepts.
var frameworkKeys = func() []string {
	var keys []string
	for _, fw := range frameworks.All() {
		keys = append(keys, fw.Key)
	}
	return keys
}()

type options struct {
	framework     string
	addr          string
	bare          bool
	policy        corsa.Config
	policyPath    string        // "" for the embedded policy
	watch         bool          // poll policyPath and serve its changes
	watchInterval time.Duration // between two polls
}

func parseOptions(args []string, output io.Writer) (options, error) {
	fs := flag.NewFlagSet("corsa-serve", flag.ContinueOnError)
	fs.SetOutput(output)
	var o options
	fs.StringVar(&o.framework, "framework", "nethttp", "framework to serve with: "+strings.Join(frameworkKeys, ", "))
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	fs.BoolVar(&o.bare, "bare", false, "serve without any CORS middleware, as a load-test baseline")
	fs.StringVar(&o.policyPath, "policy", "", "JSON policy file (default: the embedded policy described in the package documentation)")
	fs.BoolVar(&o.watch, "watch", false, "poll the -policy file and serve each valid change; an invalid file is logged and the previous policy stays")
	fs.DurationVar(&o.watchInterval, "watch-interval", 2*time.Second, "time between two polls of the -policy file with -watch")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	switch {
	case fs.NArg() > 0:
		return o, fmt.Errorf("unexpected arguments %q", fs.Args())
	case !slices.Contains(frameworkKeys, o.framework):
		return o, fmt.Errorf("-framework %q: want one of %s", o.framework, strings.Join(frameworkKeys, ", "))
	case o.watch && o.policyPath == "":
		return o, errors.New("-watch needs -policy: the embedded policy never changes")
	case o.watch && o.bare:
		return o, errors.New("-watch and -bare exclude each other: -bare serves no policy")
	case o.watchInterval <= 0:
		return o, fmt.Errorf("-watch-interval %v: want a positive duration", o.watchInterval)
	}
	var err error
	if o.policyPath != "" {
		o.policy, err = corsa.LoadConfig(o.policyPath)
	} else {
		o.policy, err = corsa.ParseConfig(defaultPolicy)
	}
	return o, err
}
