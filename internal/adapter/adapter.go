// Package adapter holds what corsa's framework adapters share beyond the
// engine's own API: their New, the check of a source when they are built,
// and the request path of those built on net/http.
package adapter

import (
	"fmt"
	"net/http"
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

// ServeHTTP is the request path of an adapter for a framework built on
// net/http whose middleware is not an http.Handler (gin, echo): it reads
// r, decides with src and writes the decision's headers into h, then
// either answers at once with the decision's status (answer: a preflight,
// or a cross-origin write refused) or runs the rest of the chain (next),
// after which, while the response is unsent (unsent), it puts back a Vary
// that later code replaced. It returns answer's or next's error. The
// functions are only called, so the closures an adapter makes for them
// stay on its stack.
func ServeHTTP(src corsa.Source, h http.Header, r *http.Request, answer func(status int) error, next func() error, unsent func() bool) error {
	var req corsa.Request
	req.ReadHTTP(r)
	d := corsa.Decide(src, &req)
	d.SetHeaders(h)
	if s := d.Status(); s != 0 {
		return answer(s)
	}
	err := next()
	if unsent() {
		d.RestoreVary(h)
	}
	return err
}
