package adapter_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/internal/adapter"
)

func TestCheckSourceRefusesNilHolders(t *testing.T) {
	var nilPolicy *corsa.Policy
	var nilMiddleware *corsa.Middleware
	var nilPaths *corsa.Paths
	for _, tt := range []struct {
		name string
		src  corsa.Source
		want string
	}{
		{"a nil interface", nil, "x.From: nil corsa.Source"},
		{"a nil *Policy", nilPolicy, "x.From: nil *corsa.Policy: was the error of corsa.New"},
		{"a nil *Middleware", nilMiddleware, "x.From: nil *corsa.Middleware"},
		{"a nil *Paths", nilPaths, "x.From: nil *corsa.Paths"},
	} {
		t.Run("it panics on "+tt.name, func(t *testing.T) {
			defer func() {
				got, _ := recover().(string)
				if !strings.HasPrefix(got, tt.want) {
					t.Errorf("panic %q, want one starting %q", got, tt.want)
				}
			}()
			adapter.CheckSource("x.From", tt.src)
		})
	}
	t.Run("it accepts a policy", func(t *testing.T) {
		adapter.CheckSource("x.From", corsa.Must(corsa.Config{Origins: []string{"https://a.example"}}))
	})
}

func TestNewServesThePolicyWithFrom(t *testing.T) {
	from := func(src corsa.Source) *corsa.Policy { return src.(*corsa.Policy) }
	t.Run("a valid config is served by From", func(t *testing.T) {
		p, err := adapter.New(corsa.Config{Origins: []string{"https://a.example"}}, from)
		if err != nil || p == nil || !p.AllowsOrigin("https://a.example") {
			t.Errorf("New = %v, %v; want From's policy allowing https://a.example", p, err)
		}
	})
	t.Run("an invalid config gives New's error and no middleware", func(t *testing.T) {
		p, err := adapter.New(corsa.Config{Origins: []string{"*"}, Credentials: true}, from)
		var ce *corsa.ConfigError
		if p != nil || !errors.As(err, &ce) || ce.Field != "origins[0]" {
			t.Errorf("New = %v, %v; want no middleware and the error about origins[0]", p, err)
		}
	})
}
