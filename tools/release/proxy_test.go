package main

import (
	"archive/zip"
	"bytes"
	"io"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

// testRepo is a repository in memory: the root module, an adapter, the
// conformance module with a nested module, and the tools module.
var testRepo = fstest.MapFS{
	"LICENSE":                     {Data: []byte("root license")},
	"go.mod":                      {Data: []byte("module github.com/corsa-go/corsa\n")},
	"doc.go":                      {Data: []byte("package corsa")},
	"internal/psl/table.go":       {Data: []byte("package psl")},
	"cmd/corsa/main.go":           {Data: []byte("package main")},
	"gin/go.mod":                  {Data: []byte("dev go.mod")},
	"gin/corsagin.go":             {Data: []byte("package corsagin")},
	"conformance/go.mod":          {Data: []byte("dev go.mod")},
	"conformance/case.go":         {Data: []byte("package conformance")},
	"conformance/browser/go.mod":  {Data: []byte("nested module")},
	"conformance/browser/page.go": {Data: []byte("package browser")},
	"conformance/vendor/x/y.go":   {Data: []byte("vendored package")},
	"conformance/testdata/a.json": {Data: []byte("{}")},
	"tools/go.mod":                {Data: []byte("module github.com/corsa-go/corsa/tools\n")},
	"tools/release/main.go":       {Data: []byte("package main")},
}

func names(fsys fstest.MapFS) []string {
	var ns []string
	for n := range fsys {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

// unzip returns a module zip's files by their names in the module.
func unzip(t *testing.T, z []byte, prefix string) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		name, ok := strings.CutPrefix(f.Name, prefix)
		if !ok {
			t.Errorf("zip entry %q is not under %q", f.Name, prefix)
		}
		files[name] = string(data)
	}
	return files
}

func TestModuleZip(t *testing.T) {
	t.Run("a subdirectory module gets its files, the root LICENSE and the release go.mod, without nested modules or vendored packages", func(t *testing.T) {
		z, err := moduleZip(testRepo, names(testRepo), repoPath+"/conformance", "conformance", "v0.1.0", []byte("release go.mod"))
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{
			"LICENSE":         "root license",
			"case.go":         "package conformance",
			"go.mod":          "release go.mod",
			"testdata/a.json": "{}",
		}
		if got := unzip(t, z, repoPath+"/conformance@v0.1.0/"); !reflect.DeepEqual(got, want) {
			t.Errorf("got %v\nwant %v", got, want)
		}
	})
	t.Run("the root module's zip stops at every directory with a go.mod", func(t *testing.T) {
		z, err := moduleZip(testRepo, names(testRepo), repoPath, ".", "v0.1.0", []byte("release go.mod"))
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{
			"LICENSE":               "root license",
			"cmd/corsa/main.go":     "package main",
			"doc.go":                "package corsa",
			"go.mod":                "release go.mod",
			"internal/psl/table.go": "package psl",
		}
		if got := unzip(t, z, repoPath+"@v0.1.0/"); !reflect.DeepEqual(got, want) {
			t.Errorf("got %v\nwant %v", got, want)
		}
	})
	t.Run("two names that differ only in case are refused", func(t *testing.T) {
		repo := fstest.MapFS{"m/go.mod": {}, "m/A.go": {}, "m/a.go": {}}
		if _, err := moduleZip(repo, names(repo), repoPath+"/m", "m", "v0.1.0", nil); err == nil {
			t.Error("got no error")
		}
	})
}

func TestCheckRootZip(t *testing.T) {
	mods := []*module{{path: repoPath, dir: "."}, {path: repoPath + "/gin", dir: "gin"}}
	cases := []struct {
		name, without, add, want string
	}{
		{name: "the engine, its command and its internal packages pass"},
		{name: "the tools module without its go.mod brings the release tool into the root module's zip, which is refused",
			without: "tools/go.mod", want: "tools/release/main.go"},
		{name: "an adapter directory without its go.mod is refused", without: "gin/go.mod", want: "gin/corsagin.go"},
		{name: "the release tool back in the root module's internal/release is refused",
			add: "internal/release/main.go", want: "internal/release/main.go"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			repo := fstest.MapFS{}
			for n, f := range testRepo {
				if n != tc.without {
					repo[n] = f
				}
			}
			if tc.add != "" {
				repo[tc.add] = &fstest.MapFile{Data: []byte("package main")}
			}
			root := mods[0]
			var err error
			if root.zip, err = moduleZip(repo, names(repo), repoPath, ".", "v0.1.0", []byte("module "+repoPath+"\n")); err != nil {
				t.Fatal(err)
			}
			err = checkRootZip(root, "v0.1.0", mods)
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Errorf("got error %v, want one naming %q", err, tc.want)
			}
		})
	}
}
