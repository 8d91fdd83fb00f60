package adapter_test

import (
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
