// Package usermod builds Go programs the way a user's own module would:
// outside this repository and its go.work, so that they can reach nothing
// but corsa's public packages. Documentation snippets are checked with it.
package usermod

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// Build writes files (paths relative to the module's root) into a new
// module outside the repository and runs go build ./... there. The module
// requires what the examples module requires, at the same versions, with
// corsa's modules replaced by this checkout. It skips in -short mode.
func Build(t *testing.T, files map[string]string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a separate module")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed: %v", err)
	}
	_, here, _, _ := runtime.Caller(0)
	examples := filepath.Join(filepath.Dir(here), "..", "..")
	gomod, err := os.ReadFile(filepath.Join(examples, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	gosum, err := os.ReadFile(filepath.Join(examples, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	// The module's own name, and each replace's relative path made absolute.
	mod := regexp.MustCompile(`(?m)^module .*$`).ReplaceAllString(string(gomod), "module example.com/user")
	mod = regexp.MustCompile(`=> (\.\.\S*)`).ReplaceAllStringFunc(mod, func(m string) string {
		return "=> " + filepath.Join(examples, strings.TrimPrefix(m, "=> "))
	})
	dir := t.TempDir()
	all := map[string]string{"go.mod": mod, "go.sum": string(gosum)}
	for name, content := range files {
		all[name] = content
	}
	for name, content := range all {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(goCmd, "build", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build in a module outside the repository: %v\n%s", err, out)
	}
}
