package main

import (
	"strings"
	"testing"
)

var (
	testVersions = map[string]string{
		repoPath + "/core":        "v0.1.0",
		repoPath + "/conformance": "v0.1.0",
	}
	testDirs = map[string]string{
		repoPath + "/core":        "core",
		repoPath + "/conformance": "conformance",
		repoPath + "/gin":         "gin",
	}
)

const devGoMod = `module github.com/corsa-go/corsa/gin

go 1.25.0

require (
	github.com/corsa-go/corsa/conformance v0.0.0
	github.com/corsa-go/corsa/core v0.0.0
	github.com/gin-gonic/gin v1.12.0
)

require (
	golang.org/x/net v0.51.0 // indirect
)

replace (
	github.com/corsa-go/corsa/conformance => ../conformance
	github.com/corsa-go/corsa/core => ../core
)
`

func TestRewrite(t *testing.T) {
	t.Run("a release sets sibling requirements to the released versions and drops the replace block", func(t *testing.T) {
		got, err := rewrite(devGoMod, "gin", testVersions, testDirs, true)
		if err != nil {
			t.Fatal(err)
		}
		want := `module github.com/corsa-go/corsa/gin

go 1.25.0

require (
	github.com/corsa-go/corsa/conformance v0.1.0
	github.com/corsa-go/corsa/core v0.1.0
	github.com/gin-gonic/gin v1.12.0
)

require (
	golang.org/x/net v0.51.0 // indirect
)
`
		if got != want {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
	})
	t.Run("after a release the development go.mod keeps its replace lines with the new versions", func(t *testing.T) {
		got, err := rewrite(devGoMod, "gin", testVersions, testDirs, false)
		if err != nil {
			t.Fatal(err)
		}
		want := strings.ReplaceAll(devGoMod, "v0.0.0", "v0.1.0")
		if got != want {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
	})
	t.Run("single-line require and replace directives are rewritten too", func(t *testing.T) {
		in := "module github.com/corsa-go/corsa/conformance\n\ngo 1.25.0\n\nrequire github.com/corsa-go/corsa/core v0.0.0\n\nreplace github.com/corsa-go/corsa/core => ../core\n"
		got, err := rewrite(in, "conformance", testVersions, testDirs, true)
		if err != nil {
			t.Fatal(err)
		}
		want := "module github.com/corsa-go/corsa/conformance\n\ngo 1.25.0\n\nrequire github.com/corsa-go/corsa/core v0.1.0\n"
		if got != want {
			t.Errorf("got\n%q\nwant\n%q", got, want)
		}
	})

	refusals := []struct {
		name, gomod, want string
	}{
		{
			name:  "a replace of a third-party module is refused, since users would need it too",
			gomod: strings.Replace(devGoMod, "replace (\n", "replace (\n\tgithub.com/gin-gonic/gin => github.com/fork/gin v1.12.1\n", 1),
			want:  "would be needed by users",
		},
		{
			name:  "a sibling replaced by anything but its own directory is refused",
			gomod: strings.Replace(devGoMod, "=> ../core", "=> ../../elsewhere/core", 1),
			want:  "does not point at the sibling",
		},
		{
			name:  "a requirement on a module of the repository that is not published is refused",
			gomod: strings.Replace(devGoMod, "require (\n", "require (\n\tgithub.com/corsa-go/corsa/benchmarks v0.0.0\n", 1),
			want:  "not a published module",
		},
	}
	for _, tc := range refusals {
		t.Run(tc.name, func(t *testing.T) {
			_, err := rewrite(tc.gomod, "gin", testVersions, testDirs, true)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

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

func TestLookupRefusesModulesWithoutAnEntry(t *testing.T) {
	_, err := lookup(repoPath + "/fiber4")
	if err == nil || !strings.Contains(err.Error(), "has no entry") {
		t.Errorf("got %v, want an error saying the module has no entry", err)
	}
}
