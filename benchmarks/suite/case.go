package suite

import (
	"fmt"
	"github.com/corsa-go/corsa/conformance/scenario"
	"reflect"
	"testing"
)

// Kind is the role an implementation plays in the comparison.
type Kind uint8

const (
	// Bare is the framework with no CORS middleware at all.
	Bare Kind = iota
	// Corsa is corsa's adapter for the framework.
	Corsa
	// Builtin is the framework's usual CORS middleware: gin-contrib/cors,
	// echo's middleware.CORSWithConfig, fiber's middleware/cors, go-chi/cors.
	Builtin
	// RSCors is rs/cors, installed the way it usually is on the framework.
	RSCors
	// Floor is a hand-written middleware for the suite's policy alone that
	// writes corsa's headers into one per-response array and checks only
	// the Origin: the least a CORS middleware can cost under SPEC.md §3b
	// (see floorWrite).
	Floor
)

// Impl is one implementation of the policy on one framework.
type Impl struct {
	// Name is the benchmark name element, such as "corsa" or "rs-cors".
	Name string
	// Kind is the implementation's role.
	Kind Kind
	// build prepares a target serving the scenario's request.
	build func(scenario.Scenario) (target, error)
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
}

// Frameworks returns every framework, in table order.
func Frameworks() []Framework {
	return []Framework{netHTTP(), chiRouter(), ginEngine(), echoServer(), echo5Server(), fiberApp(), fiber3App()}
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

// Bench is the benchmark body: it builds the server once, then serves the
// scenario's request b.N times, reporting allocations.
func (c Case) Bench(b *testing.B) {
	t, err := c.Impl.build(c.Scenario)
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
	t, err := c.Impl.build(c.Scenario)
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
