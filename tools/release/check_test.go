package main

import (
	"strings"
	"testing"
)

func TestOneLiner(t *testing.T) {
	readme := "| framework | one line |\n|---|---|\n| gin | `r.Use(corsagin.Must(corsagin.Config{}))` |\n| echo | `e.Use(x)` |\n| echo | `e.Use(y)` |\n"
	t.Run("the gin row's code is returned without its backquotes", func(t *testing.T) {
		got, err := oneLiner(readme, "gin")
		if err != nil || got != "r.Use(corsagin.Must(corsagin.Config{}))" {
			t.Errorf("got %q, %v", got, err)
		}
	})
	t.Run("a framework with no row is an error", func(t *testing.T) {
		if _, err := oneLiner(readme, "fiber"); err == nil {
			t.Error("got no error")
		}
	})
	t.Run("a framework with two rows is an error", func(t *testing.T) {
		if _, err := oneLiner(readme, "echo"); err == nil {
			t.Error("got no error")
		}
	})
}

func TestNotNeeded(t *testing.T) {
	// go mod why -m -vendor's output for a gin user, asked about two
	// modules go get downloaded and one it should not have.
	why := `# github.com/bytedance/gopkg
example.com/user
github.com/gin-gonic/gin
github.com/bytedance/sonic
github.com/bytedance/gopkg/lang/dirtmake

# github.com/corsa-go/corsa/conformance
(main module does not need to vendor module github.com/corsa-go/corsa/conformance)

# github.com/corsa-go/corsa
example.com/user
github.com/corsa-go/corsa/gin
github.com/corsa-go/corsa
`
	t.Run("a module with an import chain is needed, one without is named with go's reason", func(t *testing.T) {
		p, reason := notNeeded(why)
		if p != "github.com/corsa-go/corsa/conformance" || reason != "(main module does not need to vendor module github.com/corsa-go/corsa/conformance)" {
			t.Errorf("got %q, %q", p, reason)
		}
	})
	t.Run("when every module has an import chain, none is named", func(t *testing.T) {
		if p, reason := notNeeded(strings.Replace(why, "(main module does not need to vendor module github.com/corsa-go/corsa/conformance)", "example.com/user\ngithub.com/corsa-go/corsa/conformance", 1)); p != "" {
			t.Errorf("got %q, %q", p, reason)
		}
	})
}
