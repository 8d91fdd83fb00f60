package suite

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/corsa-go/corsa/benchmarks/frameworks"
	"github.com/corsa-go/corsa/conformance/scenario"
)

// Impl is one implementation of the policy on one framework.
type Impl struct {
	// Name is the benchmark name element, such as "corsa" or "rs-cors".
	Name string
	// Kind is the implementation's role.
	Kind frameworks.Kind
}

// Framework is one web framework and the implementations run on it.
type Framework struct {
	// Name is the benchmark function's suffix: BenchmarkGin has Name "Gin".
	Name string
	// Key is the framework's lower-case name, as corsa-serve's -framework
	// flag spells it.
	Key string
	// Impls are the implementations, bare first and corsa second.
	Impls []Impl

	setup frameworks.Framework
}

// Frameworks returns every framework, in table order, each with every
// implementation package frameworks sets up on it.
func Frameworks() []Framework {
	var fws []Framework
	for _, setup := range frameworks.All() {
		fw := Framework{Name: setup.Name, Key: setup.Key, setup: setup}
		for _, kind := range setup.Kinds() {
			fw.Impls = append(fw.Impls, Impl{Name: setup.ImplName(kind), Kind: kind})
		}
		fws = append(fws, fw)
	}
	return fws
}

// Case is one benchmark: a framework serving a scenario with an
// implementation.
type Case struct {
	Framework Framework
	Scenario  scenario.Scenario
	Impl      Impl
}

// Cases returns every case: each framework's scenarios in table order, each
// with every implementation.
func Cases() []Case {
	var cs []Case
	for _, fw := range Frameworks() {
		for _, s := range scenario.All() {
			for _, im := range fw.Impls {
				cs = append(cs, Case{Framework: fw, Scenario: s, Impl: im})
			}
		}
	}
	return cs
}

// Name is the case's benchmark name below "Benchmark", as go test prints
// it: "Gin/preflight/corsa".
func (c Case) Name() string {
	return c.Framework.Name + "/" + c.Scenario.Name + "/" + c.Impl.Name
}

// build builds the case's app, serving the benchmark policy
// (scenario.Policy) on the benchmarks' route, and prepares its request.
func (c Case) build() (target, *frameworks.App, error) {
	ran := new(bool)
	app, err := c.Framework.setup.Build(frameworks.Stack{
		CORS:   frameworks.CORS{Kind: c.Impl.Kind, Policy: scenario.Policy()},
		Routes: frameworks.Bench(ran),
	})
	if err != nil {
		return nil, nil, err
	}
	if app.HTTP != nil {
		return newHTTPTarget(app.HTTP, c.Scenario, ran), app, nil
	}
	return newFastTarget(app.Fast, c.Scenario, ran), app, nil
}

// Bench is the benchmark body: it builds the server once, then serves the
// scenario's request b.N times, reporting allocations.
func (c Case) Bench(b *testing.B) {
	t, _, err := c.build()
	if err != nil {
		b.Fatalf("%s: %v", c.Name(), err)
	}
	b.ReportAllocs()
	for b.Loop() {
		t.serve()
	}
}

// Observe builds the case's server and serves its request twice, as a
// benchmark does, returning the response. It fails when the two responses
// differ: state left over from one iteration would make the benchmark
// measure something else than the scenario.
func (c Case) Observe() (Response, error) {
	t, _, err := c.build()
	if err != nil {
		return Response{}, err
	}
	t.serve()
	first := t.response()
	t.serve()
	second := t.response()
	if !reflect.DeepEqual(first, second) {
		return Response{}, fmt.Errorf("%s: serving the request again changed the response from %+v to %+v", c.Name(), first, second)
	}
	return second, nil
}

// FrameworkNamed returns the framework whose Name or Key is name.
func FrameworkNamed(name string) (Framework, bool) {
	for _, fw := range Frameworks() {
		if fw.Name == name || fw.Key == name {
			return fw, true
		}
	}
	return Framework{}, false
}
