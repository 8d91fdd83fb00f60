// Package adapter holds the little that corsa's framework adapters share
// beyond the engine's own API: what they do when they are built.
package adapter

import (
	"fmt"
	"reflect"

	"github.com/corsa-go/corsa"
)

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
