package browser

import (
	"context"
	"errors"
	"fmt"
	"net"
	"slices"
	"strings"
	"time"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/frameworks"
)

// shutdownTimeout bounds how long a server may take to stop.
const shutdownTimeout = 5 * time.Second

// adapter is one way of serving a policy: a CORS middleware installed
// globally on its framework, as its documentation says users install it
// (package frameworks of the benchmarks module sets each up), on an app
// with the routes of routes.go, and a recorder in front of everything.
type adapter struct {
	name string
	// peer marks another library than corsa: where it does not do what
	// corsa's scenarios expect, that is a difference to report, not a
	// failure.
	peer bool
	// module is the Go module of a peer, for its version.
	module string
	// framework is the framework's key in package frameworks, and kind
	// the middleware on it.
	framework string
	kind      frameworks.Kind
	// front serves corsa in front of the whole app, where that is the
	// form recommended (frameworks.CORS.Front): gin.
	front bool
}

// servers are the matrix's columns, in order: corsa's adapters, then the
// peers.
var servers = append(slices.Clone(adapters), peers...)

// adapters are corsa's own, one per framework, held to every expectation
// of the scenarios, each installed in the form recommended for its
// framework, as corsa-serve serves it: on gin, in front of the engine.
var adapters = func() []adapter {
	var as []adapter
	for _, fw := range frameworks.All() {
		as = append(as, adapter{name: fw.Label, framework: fw.Key, kind: frameworks.Corsa, front: fw.Front})
	}
	return as
}()

// serve serves policy on ln, recording with rec, until stop is called.
// For a policy the library has no setting for, it returns an error
// wrapping errCannotExpress, worded for RESULTS.md.
func (a adapter) serve(ln net.Listener, policy corsa.Config, rec *recorder) (stop func() error, err error) {
	fw, ok := frameworks.Named(a.framework)
	if !ok {
		return nil, fmt.Errorf("no framework %q", a.framework)
	}
	app, err := fw.Build(frameworks.Stack{
		// A peer serves the README's one-liner as its own README shows
		// (see peers.go).
		CORS:   frameworks.CORS{Kind: a.kind, Policy: policy, Readme: a.peer && originsOnly(policy), Front: a.front},
		Routes: frameworks.Handlers(routes, rec.endpoint(), rec.fastEndpoint),
		Outer:  frameworks.Wrap{HTTP: rec.record, Fast: rec.recordFast},
	})
	var ce *frameworks.CannotExpress
	if errors.As(err, &ce) {
		// What the library lacks, without the verb: "no method
		// wildcard", "cannot send Access-Control-Max-Age: 0".
		return nil, fmt.Errorf("%w: %s", errCannotExpress, strings.TrimPrefix(ce.Why, "has "))
	}
	if err != nil {
		return nil, err
	}
	stopApp := app.Start(ln)
	return func() error {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		return stopApp(ctx)
	}, nil
}
