// Package adapter holds what corsa's framework adapters share beyond the
// engine's own API: their New, and the check of a source when they are
// built. Their request paths are written out in each adapter, in the
// steps corsa.Decide documents: passed through closures, the framework's
// calls cost indirect calls and, on echo, method values, on every request.
package adapter

import (
	"fmt"
	"reflect"

	"github.com/corsa-go/corsa"
)

// New is every adapter's New: it compiles cfg (corsa.New) and serves the
// policy with the adapter's From, or returns corsa.New's error, which
// lists every problem in cfg, and no middleware.
func New[M any](cfg corsa.Config, from func(corsa.Source) M) (M, error) {
	p, err := corsa.New(cfg)
	if err != nil {
		var none M
		return none, err
	}
	return from(p), nil
}

// CheckSource panics, naming who (the adapter function) and the cause,
// when src is nil or a nil *Policy, *Middleware or *Paths: most often the
// result of a constructor whose error was ignored. Adapters call it when
// they are built, so that the mistake stops the program at start-up
// rather than failing every request.
func CheckSource(who string, src corsa.Source) {
	if src == nil {
		panic(who + ": nil corsa.Source")
	}
	if v := reflect.ValueOf(src); v.Kind() == reflect.Pointer && v.IsNil() {
		panic(fmt.Sprintf("%s: nil %T: was the error of corsa.New, NewMiddleware or NewPaths ignored?", who, src))
	}
}
