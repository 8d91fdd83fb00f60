package main

import (
	"fmt"
	"reflect"
	"sort"
	"testing"
)

// memSource is a repository in memory.
type memSource map[string]string

func (m memSource) list(dir string) ([]string, error) {
	var names []string
	for n := range m {
		if dir == "." || len(n) > len(dir) && n[:len(dir)+1] == dir+"/" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names, nil
}

func (m memSource) read(name string) ([]byte, error) {
	s, ok := m[name]
	if !ok {
		return nil, fmt.Errorf("%s: no such file", name)
	}
	return []byte(s), nil
}

func TestModuleFiles(t *testing.T) {
	repo := memSource{
		"LICENSE":                     "root license",
		"conformance/go.mod":          "dev go.mod",
		"conformance/case.go":         "package conformance",
		"conformance/browser/go.mod":  "nested module",
		"conformance/browser/page.go": "package browser",
		"conformance/vendor/x/y.go":   "vendored package",
		"conformance/vendor/notes.go": "a file directly in vendor/ stays",
		"conformance/testdata/a.json": "{}",
		"core/go.mod":                 "core",
		"core/LICENSE":                "core's own license",
	}
	t.Run("a subdirectory module gets its files, the root LICENSE and the release go.mod, without nested modules or vendored packages", func(t *testing.T) {
		files, err := moduleFiles(repo, "conformance", []byte("release go.mod"))
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, f := range files {
			got[f.name] = string(f.data)
		}
		want := map[string]string{
			"LICENSE":         "root license",
			"case.go":         "package conformance",
			"go.mod":          "release go.mod",
			"testdata/a.json": "{}",
			"vendor/notes.go": "a file directly in vendor/ stays",
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %v\nwant %v", got, want)
		}
	})
	t.Run("a module with its own LICENSE keeps it", func(t *testing.T) {
		files, err := moduleFiles(repo, "core", []byte("m"))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != 2 || files[0].name != "LICENSE" || string(files[0].data) != "core's own license" {
			t.Errorf("got %v", files)
		}
	})
	t.Run("two names that differ only in case are refused", func(t *testing.T) {
		_, err := moduleFiles(memSource{"m/go.mod": "", "m/A.go": "", "m/a.go": ""}, "m", nil)
		if err == nil {
			t.Error("got no error")
		}
	})
}

func TestEscapePath(t *testing.T) {
	if got := escapePath("github.com/BurntSushi/toml"); got != "github.com/!burnt!sushi/toml" {
		t.Errorf("got %q", got)
	}
}
