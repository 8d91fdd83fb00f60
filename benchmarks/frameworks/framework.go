package frameworks

import (
	"errors"
	"fmt"
	"slices"

	"github.com/rs/cors"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
)

// Kind is a role a CORS middleware plays on a framework.
type Kind uint8

const (
	// Bare is the framework with no CORS middleware at all.
	Bare Kind = iota
	// Corsa is corsa's adapter for the framework (net/http: the Source's
	// own Handler).
	Corsa
	// Builtin is the framework's usual CORS middleware: go-chi/cors,
	// gin-contrib/cors, echo's middleware.CORSWithConfig, fiber's
	// middleware/cors.
	Builtin
	// RSCors is rs/cors, installed the way it usually is on the framework.
	RSCors
	// Floor is a hand-written middleware for the benchmark policy alone
	// (scenario.Policy) that writes corsa's headers at the least cost SPEC.md
	// §3b allows; see floor.go.
	Floor
)

// CORS is the CORS middleware a Stack installs; the zero CORS is none.
type CORS struct {
	Kind Kind
	// Source is what corsa serves, for Kind Corsa; when nil, corsa serves
	// Policy.
	Source corsa.Source
	// Policy is the policy served: by corsa without a Source, and by a
	// Builtin or RSCors middleware mapped onto the library's options (see
	// doc.go), where a policy the library has no setting for is a
	// *CannotExpress error. The floor serves scenario.Policy only.
	Policy corsa.Config
	// Readme, for Builtin and RSCors, configures the library as its own
	// README shows for allowing Policy.Origins, for a policy of origins
	// and nothing else: what a newcomer to the library writes first,
	// rather than a mapping that spells out the library's defaults.
	Readme bool
	// Front, for Corsa on a framework built on net/http, puts corsa in
	// front of the whole app, the Source's Handler around the framework's
	// router, instead of installing the adapter with the framework's Use.
	// What the router answers without running its middleware (gin's
	// trailing-slash redirects) then carries CORS too, and so do routes
	// registered before Use.
	// See Framework.Front.
	Front bool
}

// Stack is what Framework.Build builds: an app with the framework's own
// calls, its global middleware installed in order (recovery, then CORS),
// then its routes.
type Stack struct {
	CORS   CORS
	Routes Routes
	// Recover installs the framework's panic recovery outside the CORS
	// middleware, as users install it (net/http and chi:
	// conformance.Recover; fasthttp, which has none, an equivalent). It
	// prints nothing.
	Recover bool
	// Outer, when set, wraps the whole app, outside the framework (for
	// fiber, around the handler of fiber's own fasthttp server): it sees
	// every request as it arrives and every response as it is sent.
	Outer Wrap
}

// Framework is one web framework, set up every way this module serves it.
type Framework struct {
	// Name is the benchmarks' name: BenchmarkGin has Name "Gin".
	Name string
	// Key is corsa-serve's -framework value: "gin".
	Key string
	// Label is the name readers know it by: "gin", "echo v5", "net/http".
	Label string
	// Builtin is the benchmarks' name of the framework's usual CORS
	// middleware ("gin-contrib-cors"); "" where it has none.
	Builtin string
	// Front reports that corsa is best served in front of the framework
	// (CORS.Front), the form recommended for it: gin, whose router
	// answers its redirects without running the middleware that Use
	// installs, which routes registered before Use skip too. corsa-serve
	// and the browser tests serve it so; the benchmarks measure the
	// adapter, installed with Use.
	Front bool

	setup interface {
		build(Stack) (*App, error)
		has(Kind) bool
	}
}

// All returns every framework, in table order. rs/cors is set up on the
// frameworks built on net/http only: on fasthttp and fiber it would run
// through a net/http adaptor that converts every request and response,
// which is not how their users add CORS.
func All() []Framework {
	return []Framework{
		{Name: "NetHTTP", Key: "nethttp", Label: "net/http", setup: netHTTPSetups},
		{Name: "Chi", Key: "chi", Label: "chi", Builtin: "go-chi-cors", setup: chiSetups},
		{Name: "Gin", Key: "gin", Label: "gin", Builtin: "gin-contrib-cors", Front: true, setup: ginSetups},
		{Name: "Echo", Key: "echo", Label: "echo", Builtin: "echo-cors", setup: echoSetups},
		{Name: "Echo5", Key: "echo5", Label: "echo v5", Builtin: "echo-cors", setup: echo5Setups},
		{Name: "FastHTTP", Key: "fasthttp", Label: "fasthttp", setup: fastHTTPSetups},
		{Name: "Fiber", Key: "fiber", Label: "fiber", Builtin: "fiber-cors", setup: fiberSetups},
		{Name: "Fiber3", Key: "fiber3", Label: "fiber v3", Builtin: "fiber-cors", setup: fiber3Setups},
	}
}

// Named returns the framework whose Name or Key is name.
func Named(name string) (Framework, bool) {
	i := slices.IndexFunc(All(), func(fw Framework) bool { return fw.Name == name || fw.Key == name })
	if i < 0 {
		return Framework{}, false
	}
	return All()[i], true
}

// Kinds returns the kinds of CORS middleware set up on the framework, in
// table order: Bare, Corsa, then Builtin and RSCors where they apply, then
// Floor.
func (fw Framework) Kinds() []Kind {
	var kinds []Kind
	for _, k := range []Kind{Bare, Corsa, Builtin, RSCors, Floor} {
		if fw.setup.has(k) {
			kinds = append(kinds, k)
		}
	}
	return kinds
}

// String returns the benchmarks' name of the kind: "bare", "corsa",
// "builtin", "rs-cors", "floor".
func (k Kind) String() string {
	switch k {
	case Corsa:
		return "corsa"
	case Builtin:
		return "builtin"
	case RSCors:
		return "rs-cors"
	case Floor:
		return "floor"
	}
	return "bare"
}

// ImplName is the benchmarks' name of kind on the framework: the kind's,
// but for Builtin the middleware's own ("gin-contrib-cors").
func (fw Framework) ImplName(kind Kind) string {
	if kind == Builtin && fw.Builtin != "" {
		return fw.Builtin
	}
	return kind.String()
}

// Build builds s on the framework.
func (fw Framework) Build(s Stack) (*App, error) {
	if !fw.setup.has(s.CORS.Kind) {
		return nil, fmt.Errorf("frameworks: no %s middleware is set up on %s", s.CORS.Kind, fw.Label)
	}
	return fw.setup.build(s)
}

// setups are one framework's middlewares, of its type M.
type setups[M any] struct {
	recover func() M
	corsa   func(corsa.Source) M
	builtin func(CORS) (M, error) // nil where the framework has none
	rsCors  func(*cors.Cors) M    // nil where rs/cors is not set up
	floor   M
	// app builds the app with mws installed in order, then routes.
	app func(mws []M, routes Routes) *App
}

// has reports whether kind is set up.
func (su setups[M]) has(kind Kind) bool {
	switch kind {
	case Builtin:
		return su.builtin != nil
	case RSCors:
		return su.rsCors != nil
	}
	return true
}

// build builds s: the middleware chain, the app, then Outer around it.
func (su setups[M]) build(s Stack) (*App, error) {
	var mws []M
	if s.Recover {
		mws = append(mws, su.recover())
	}
	var front corsa.Source
	switch c := s.CORS; c.Kind {
	case Corsa:
		src := c.Source
		if src == nil {
			p, err := corsa.New(c.Policy)
			if err != nil {
				return nil, err
			}
			src = p
		}
		if c.Front {
			front = src
			break
		}
		mws = append(mws, su.corsa(src))
	case Builtin:
		m, err := su.builtin(c)
		if err != nil {
			return nil, err
		}
		mws = append(mws, m)
	case RSCors:
		opts, err := rsCorsOptions(c)
		if err != nil {
			return nil, err
		}
		mws = append(mws, su.rsCors(cors.New(opts)))
	case Floor:
		mws = append(mws, su.floor)
	}
	a := su.app(mws, s.Routes)
	if front != nil {
		if a.HTTP == nil {
			return nil, errors.New("frameworks: corsa in front of the app needs a framework built on net/http")
		}
		a.HTTP = front.Handler(a.HTTP)
	}
	a.wrap(s.Outer)
	return a, nil
}

// Harness is the conformance suite's harness for kind on the framework:
// for each case's policy, the standard routes with the framework's
// recovery outside the CORS middleware, served in memory.
func (fw Framework) Harness(kind Kind) conformance.Harness {
	return func(policy corsa.Config) (conformance.Server, error) {
		app, err := fw.Build(Stack{CORS: CORS{Kind: kind, Policy: policy}, Routes: Standard(), Recover: true})
		if err != nil {
			return conformance.Server{}, err
		}
		return conformance.Server{Do: app.Do, Quirks: app.Quirks}, nil
	}
}
