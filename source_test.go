package corsa_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// recovered runs f and returns what it panicked with, as text, or "" if
// it returned.
func recovered(f func()) (msg string) {
	defer func() {
		if v := recover(); v != nil {
			msg = fmt.Sprint(v)
		}
	}()
	f()
	return ""
}

// nilSources are a nil Source and each holder as a nil pointer, what a
// constructor whose error was ignored leaves behind.
var nilSources = []struct {
	name string
	src  corsa.Source
}{
	{"a nil Source", nil},
	{"a nil *Policy", (*corsa.Policy)(nil)},
	{"a nil *Middleware", (*corsa.Middleware)(nil)},
	{"a nil *Paths", (*corsa.Paths)(nil)},
}

func TestDecideWithANilSourcePanics(t *testing.T) {
	for _, tt := range nilSources {
		t.Run("Decide with "+tt.name+" panics", func(t *testing.T) {
			msg := recovered(func() { corsa.Decide(tt.src, &corsa.Request{Method: "GET", Origin: appOrigin}) })
			if !strings.Contains(msg, "corsa") || !strings.Contains(msg, "nil") {
				t.Fatalf("panic %q, want one naming the nil holder (empty: Decide returned)", msg)
			}
		})
	}
}

// A Handler built on nothing must stop the program where the server is
// built, saying why, not fail every request.
func TestHandlerOfANilSourcePanicsWhenBuilt(t *testing.T) {
	var (
		nilPolicy     *corsa.Policy
		nilMiddleware *corsa.Middleware
		nilPaths      *corsa.Paths
	)
	for _, tt := range []struct {
		name  string
		build func() http.Handler
	}{
		{"a nil *Policy", func() http.Handler { return nilPolicy.Handler(okHandler) }},
		{"a nil *Middleware", func() http.Handler { return nilMiddleware.Handler(okHandler) }},
		{"a nil *Paths", func() http.Handler { return nilPaths.Handler(okHandler) }},
	} {
		t.Run("the Handler of "+tt.name+" panics naming the ignored constructor error", func(t *testing.T) {
			msg := recovered(func() { tt.build() })
			for _, want := range []string{"corsa", "nil", "error", "ignored"} {
				if !strings.Contains(msg, want) {
					t.Errorf("panic %q does not say %q", msg, want)
				}
			}
		})
	}
	valid := mustPolicy(t, corsa.Config{Origins: []string{appOrigin}})
	m, err := corsa.NewMiddleware(corsa.Config{Origins: []string{appOrigin}})
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range []corsa.Source{valid, m, mustPaths(t, map[string]corsa.Config{"/": {Origins: []string{appOrigin}}})} {
		t.Run(fmt.Sprintf("the Handler of a %T around a nil handler panics saying so", src), func(t *testing.T) {
			msg := recovered(func() { src.Handler(nil) })
			if !strings.Contains(msg, "corsa") || !strings.Contains(msg, "nil") {
				t.Errorf("panic %q, want one naming the nil handler", msg)
			}
		})
	}
}

// The zero Middleware and the zero Paths are ready to use: the one allows
// nothing, the other covers no path.
func TestZeroHoldersDecide(t *testing.T) {
	var m corsa.Middleware
	d := corsa.Decide(&m, &corsa.Request{Method: "OPTIONS", Path: "/", Origin: appOrigin, RequestMethod: "GET"})
	if d.Reason() != corsa.OriginNotAllowed || d.Status() != 403 {
		t.Errorf("zero Middleware: %v, status %d; want origin not allowed, 403", d.Reason(), d.Status())
	}
	var pp corsa.Paths
	d = corsa.Decide(&pp, &corsa.Request{Method: "OPTIONS", Path: "/", Origin: appOrigin, RequestMethod: "GET"})
	h := http.Header{}
	d.SetHeaders(h)
	if d.Status() != 0 || len(h) != 0 {
		t.Errorf("zero Paths: status %d, headers %q; want the zero Decision", d.Status(), h)
	}
}
