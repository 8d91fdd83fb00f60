package main

import (
	"strings"
	"testing"
)

// testPublished maps the published modules of the test go.mod files to
// their directories.
var testPublished = map[string]string{
	repoPath:                  ".",
	repoPath + "/conformance": "conformance",
	repoPath + "/fasthttp":    "fasthttp",
	repoPath + "/fiber":       "fiber",
}

const devGoMod = `module github.com/corsa-go/corsa/fiber

go 1.25.0

require (
	github.com/corsa-go/corsa v0.0.0
	github.com/corsa-go/corsa/conformance v0.0.0
	github.com/corsa-go/corsa/fasthttp v0.0.0
	github.com/gofiber/fiber/v2 v2.52.15
)

require (
	github.com/andybalholm/brotli v1.1.0 // indirect
	github.com/valyala/fasthttp v1.51.0 // indirect
)

replace (
	github.com/corsa-go/corsa => ..
	github.com/corsa-go/corsa/conformance => ../conformance
	github.com/corsa-go/corsa/fasthttp => ../fasthttp
)
`

func TestBump(t *testing.T) {
	t.Run("a release sets the requirements on published siblings to its version and keeps the replace lines", func(t *testing.T) {
		got, err := bump("fiber", []byte(devGoMod), "v0.1.0", testPublished, true)
		if err != nil {
			t.Fatal(err)
		}
		want := `module github.com/corsa-go/corsa/fiber

go 1.25.0

require (
	github.com/corsa-go/corsa v0.1.0
	github.com/corsa-go/corsa/conformance v0.1.0
	github.com/corsa-go/corsa/fasthttp v0.1.0
	github.com/gofiber/fiber/v2 v2.52.15
)

require (
	github.com/andybalholm/brotli v1.1.0 // indirect
	github.com/valyala/fasthttp v1.51.0 // indirect
)

replace (
	github.com/corsa-go/corsa => ..
	github.com/corsa-go/corsa/conformance => ../conformance
	github.com/corsa-go/corsa/fasthttp => ../fasthttp
)
`
		if string(got) != want {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
	})
	t.Run("the next release bumps the previous release's versions", func(t *testing.T) {
		first, err := bump("fiber", []byte(devGoMod), "v0.1.0", testPublished, true)
		if err != nil {
			t.Fatal(err)
		}
		got, err := bump("fiber", first, "v0.2.0", testPublished, true)
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.ReplaceAll(devGoMod, " v0.0.0\n", " v0.2.0\n"); string(got) != want {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
	})
	t.Run("single-line require and replace directives are bumped and kept too", func(t *testing.T) {
		in := "module github.com/corsa-go/corsa/conformance\n\ngo 1.25.0\n\nrequire github.com/corsa-go/corsa v0.0.0\n\nreplace github.com/corsa-go/corsa => ..\n"
		got, err := bump("conformance", []byte(in), "v0.1.0", testPublished, true)
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.Replace(in, "v0.0.0", "v0.1.0", 1); string(got) != want {
			t.Errorf("got\n%q\nwant\n%q", got, want)
		}
	})
	t.Run("a module nobody imports may require an unpublished module, which keeps its version", func(t *testing.T) {
		in := "module github.com/corsa-go/corsa/x\n\ngo 1.25.0\n\nrequire github.com/corsa-go/corsa/examples v0.0.0\n"
		got, err := bump("x", []byte(in), "v0.1.0", testPublished, false)
		if err != nil || string(got) != in {
			t.Errorf("got %q, %v; want the go.mod unchanged", got, err)
		}
	})

	refusals := []struct {
		name, gomod, want string
	}{
		{
			name:  "a replace of a third-party module is refused, since users would need it too",
			gomod: strings.Replace(devGoMod, "replace (\n", "replace (\n\tgithub.com/gofiber/fiber/v2 => github.com/fork/fiber/v2 v2.52.16\n", 1),
			want:  "users never see a dependency's replace lines",
		},
		{
			name:  "a sibling replaced by anything but its own directory is refused",
			gomod: strings.Replace(devGoMod, "=> ../fasthttp", "=> ../../elsewhere/fasthttp", 1),
			want:  "replace github.com/corsa-go/corsa/fasthttp => ../../elsewhere/fasthttp",
		},
		{
			name:  "a requirement on a module of the repository that is not published is refused",
			gomod: strings.Replace(devGoMod, "require (\n", "require (\n\tgithub.com/corsa-go/corsa/benchmarks v0.0.0\n", 1),
			want:  "fiber/go.mod:6: requires github.com/corsa-go/corsa/benchmarks, which is not a published module",
		},
	}
	for _, tc := range refusals {
		t.Run(tc.name, func(t *testing.T) {
			_, err := bump("fiber", []byte(tc.gomod), "v0.1.0", testPublished, true)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestAsDependency(t *testing.T) {
	got, err := asDependency([]byte(devGoMod))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("a dependency's go.mod is read without its replace lines", func(t *testing.T) {
		if want := devGoMod[:strings.Index(devGoMod, "\nreplace (")]; string(got) != want {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
	})
	t.Run("its requirements are the go version, then the requirements sorted", func(t *testing.T) {
		want := "go 1.25.0\n" +
			"github.com/andybalholm/brotli v1.1.0 // indirect\n" +
			"github.com/corsa-go/corsa v0.0.0\n" +
			"github.com/corsa-go/corsa/conformance v0.0.0\n" +
			"github.com/corsa-go/corsa/fasthttp v0.0.0\n" +
			"github.com/gofiber/fiber/v2 v2.52.15\n" +
			"github.com/valyala/fasthttp v1.51.0 // indirect\n"
		if r := requirements(got); r != want {
			t.Errorf("got\n%s\nwant\n%s", r, want)
		}
	})
}

func TestLookupRefusesModulesWithoutAnEntry(t *testing.T) {
	_, err := lookup(repoPath + "/fiber4")
	if err == nil || !strings.Contains(err.Error(), "has no entry") {
		t.Errorf("got %v, want an error saying the module has no entry", err)
	}
}

func TestCheckVersion(t *testing.T) {
	for _, tc := range []struct {
		name, v string
		ok      bool
	}{
		{"v0.1.0 is accepted", "v0.1.0", true},
		{"v1.12.3 is accepted", "v1.12.3", true},
		{"v2.0.0 is refused: it needs /v2 module paths", "v2.0.0", false},
		{"a version without its patch number is refused", "v0.1", false},
		{"a version without its v is refused", "0.1.0", false},
		{"a pre-release is refused", "v0.1.0-rc.1", false},
		{"a number with a leading zero is refused", "v0.01.0", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := checkVersion(tc.v); (err == nil) != tc.ok {
				t.Errorf("checkVersion(%q) = %v, want ok=%v", tc.v, err, tc.ok)
			}
		})
	}
}
