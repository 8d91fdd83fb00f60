package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoModLayout holds every go.mod of the repository to one layout, the
// one go mod tidy keeps and the release's version bump leaves as it is:
// module, go, the require blocks (direct, then indirect), then one replace
// block, every directive in parenthesized form.
func TestGoModLayout(t *testing.T) {
	root := filepath.Join("..", "..")
	out, err := git(root, "ls-files", "--cached", "--others", "--exclude-standard", "--", "go.mod", "*/go.mod")
	if err != nil {
		t.Fatal(err)
	}
	files := strings.Fields(out)
	if len(files) < 2 {
		t.Fatalf("found go.mod files %v, want the repository's", files)
	}
	for _, f := range files {
		t.Run(f+" has the shared layout", func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(root, f))
			if err != nil {
				t.Fatal(err)
			}
			if err := checkLayout(string(data)); err != nil {
				t.Error(err)
			}
		})
	}
}

// checkLayout reports the first directive out of the shared order. A
// section of one entry is a single line, as go mod tidy writes it.
func checkLayout(gomod string) error {
	order := []string{"module", "go", "require", "require-indirect", "replace"}
	last := -1
	seen := map[string]bool{}
	place := func(n int, kind, t string) error {
		r := -1
		for i, k := range order {
			if k == kind {
				r = i
			}
		}
		if r < 0 {
			return errorf(n, "%q: directive not in the shared layout (%s)", t, strings.Join(order, ", "))
		}
		if r < last || seen[kind] && r != last {
			return errorf(n, "%q: out of order; want %s, each once", t, strings.Join(order, ", "))
		}
		seen[kind], last = true, r
		return nil
	}
	block, blockKind := "", ""
	for n, line := range strings.Split(gomod, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "//") {
			continue
		}
		if block != "" {
			if t == ")" {
				block, blockKind = "", ""
				continue
			}
			kind := block
			if block == "require" && strings.HasSuffix(t, "// indirect") {
				kind = "require-indirect"
			}
			if blockKind != "" && kind != blockKind {
				return errorf(n, "direct and indirect requirements are mixed in one block: %q", t)
			}
			if blockKind == "" {
				if seen[kind] {
					return errorf(n, "%q: a second %s block; want one of each", t, kind)
				}
				if err := place(n, kind, t); err != nil {
					return err
				}
			}
			blockKind = kind
			continue
		}
		verb, rest, _ := strings.Cut(t, " ")
		if (verb == "require" || verb == "replace") && rest == "(" {
			block = verb
			continue
		}
		kind := verb
		if verb == "require" && strings.HasSuffix(t, "// indirect") {
			kind = "require-indirect"
		}
		if seen[kind] && (verb == "require" || verb == "replace") {
			return errorf(n, "%q: another %s line; more than one entry goes in a parenthesized block", t, kind)
		}
		if err := place(n, kind, t); err != nil {
			return err
		}
	}
	return nil
}

func errorf(line int, format string, args ...any) error {
	return fmt.Errorf("line %d: "+format, append([]any{line + 1}, args...)...)
}

func TestCheckLayout(t *testing.T) {
	cases := []struct {
		name, gomod string
		ok          bool
	}{
		{"requires then replaces, one entry per single line, is the layout", "module m\n\ngo 1.25.0\n\nrequire a v1.0.0\n\nrequire b v1.0.0 // indirect\n\nreplace a => ../a\n", true},
		{"blocks of direct, indirect and replace lines are the layout", devGoMod, true},
		{"a replace between two requires is refused", "module m\n\ngo 1.25.0\n\nrequire a v1.0.0\n\nreplace a => ../a\n\nrequire (\n\tb v1.0.0\n\tc v1.0.0\n)\n", false},
		{"two single-line requires of the same kind are refused", "module m\n\ngo 1.25.0\n\nrequire a v1.0.0\n\nrequire b v1.0.0\n", false},
		{"indirect requirements before direct ones are refused", "module m\n\ngo 1.25.0\n\nrequire b v1.0.0 // indirect\n\nrequire a v1.0.0\n", false},
		{"a toolchain line is refused", "module m\n\ngo 1.25.0\n\ntoolchain go1.26.0\n", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := checkLayout(tc.gomod)
			if (err == nil) != tc.ok {
				t.Errorf("checkLayout: %v, want ok=%v", err, tc.ok)
			}
		})
	}
}
