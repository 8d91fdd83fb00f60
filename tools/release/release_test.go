package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// mutation is a change to a copy of the repository that would break
// installing for users, and the error the release dry run must give.
type mutation struct {
	name   string
	file   string
	mutate func(string) string
	want   string
}

// TestReleaseRefuses runs the release dry run on mutated copies of the
// repository, for the mutations the plan itself refuses.
func TestReleaseRefuses(t *testing.T) {
	testMutations(t, []mutation{
		{
			name: "a replace line users would need, added to an adapter's go.mod, fails the release",
			file: "gin/go.mod",
			mutate: func(s string) string {
				return s + "\nreplace github.com/gin-gonic/gin => github.com/gin-gonic/gin v1.11.0\n"
			},
			want: "would be needed by users too",
		},
		{
			name: "an adapter requiring a module of the repository that is never published fails the release",
			file: "gin/go.mod",
			mutate: func(s string) string {
				return s + "\nrequire github.com/corsa-go/corsa/examples v0.0.0\n"
			},
			want: "not a published module",
		},
	})
}

// TestReleaseCheckRefuses runs the release dry run on mutated copies of the
// repository, for the mutations only the go command's resolution catches.
// They download the frameworks and take a minute, so they run with
// CORSA_RELEASE_MUTATIONS=1, as .ci/run's release step sets.
func TestReleaseCheckRefuses(t *testing.T) {
	if os.Getenv("CORSA_RELEASE_MUTATIONS") != "1" {
		t.Skip("downloads the frameworks; set CORSA_RELEASE_MUTATIONS=1 to run")
	}
	testMutations(t, []mutation{
		{
			name: "an adapter's go.mod without the requirement on its framework fails the release",
			file: "gin/go.mod",
			mutate: func(s string) string {
				return strings.Replace(s, "\tgithub.com/gin-gonic/gin v1.12.0\n", "", 1)
			},
			want: "go mod tidy changes the released go.mod",
		},
		{
			name: "an adapter requiring a version of its framework that does not exist fails the release",
			file: "gin/go.mod",
			mutate: func(s string) string {
				return strings.Replace(s, "github.com/gin-gonic/gin v1.12.0", "github.com/gin-gonic/gin v1.99.0", 1)
			},
			want: "v1.99.0",
		},
	})
}

func testMutations(t *testing.T, cases []mutation) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			repo := copyRepo(t)
			p := filepath.Join(repo, filepath.FromSlash(tc.file))
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			mutated := tc.mutate(string(data))
			if mutated == string(data) {
				t.Fatalf("the mutation changed nothing in %s", tc.file)
			}
			if err := os.WriteFile(p, []byte(mutated), 0o644); err != nil {
				t.Fatal(err)
			}
			err = run(options{root: repo, dryRun: true, version: "v0.1.0", check: "gin"})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got error %v\nwant one containing %q", err, tc.want)
			}
			t.Logf("refused: %.400s", err)
		})
	}
}

// copyRepo copies the files a commit of the working tree would hold into
// a new git repository.
func copyRepo(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	names, err := worktree{root}.list(".")
	if err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(n)))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dst, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := git(dst, "init", "-q"); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestApply cuts a release in a copy of the repository (the check, which
// runs before it, is tested above and by .ci/release-check) and reads back
// the tags and the commit after them.
func TestApply(t *testing.T) {
	repo := copyRepo(t)
	for _, args := range [][]string{
		{"config", "user.name", "release test"},
		{"config", "user.email", "release@test.invalid"},
		{"add", "-A"},
		{"commit", "-q", "-m", "copy"},
	} {
		if _, err := git(repo, args...); err != nil {
			t.Fatal(err)
		}
	}
	mods, err := workspace(repo)
	if err != nil {
		t.Fatal(err)
	}
	if err := plan(repo, mods, "v0.1.0", ""); err != nil {
		t.Fatal(err)
	}
	changelog, err := os.ReadFile(filepath.Join(repo, "CHANGELOG.md"))
	if err != nil {
		t.Fatal(err)
	}
	moved, _, err := moveChangelog(string(changelog), mods, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if err := apply(repo, mods, moved); err != nil {
		t.Fatal(err)
	}
	show := func(rev, file string) string {
		t.Helper()
		out, err := git(repo, "show", rev+":"+file)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	t.Run("every published module is tagged, and nothing else", func(t *testing.T) {
		out, err := git(repo, "tag", "-l")
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Fields(out)
		want := []string{"chi/v0.1.0", "conformance/v0.1.0", "core/v0.1.0", "echo/v0.1.0", "echo5/v0.1.0", "fiber/v0.1.0", "fiber3/v0.1.0", "gin/v0.1.0"}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("tags %v, want %v", got, want)
		}
	})
	t.Run("at the tag, an adapter requires its siblings at the release and has no replace line", func(t *testing.T) {
		gomod := show("gin/v0.1.0", "gin/go.mod")
		if strings.Contains(gomod, "replace") || strings.Contains(gomod, " v0.0.0\n") ||
			!strings.Contains(gomod, "github.com/corsa-go/corsa/core v0.1.0") {
			t.Errorf("gin/go.mod at the tag:\n%s", gomod)
		}
	})
	t.Run("at the tag, the modules nobody imports keep their replace lines", func(t *testing.T) {
		gomod := show("gin/v0.1.0", "examples/go.mod")
		if !strings.Contains(gomod, "github.com/corsa-go/corsa/gin => ../gin") ||
			!strings.Contains(gomod, "github.com/corsa-go/corsa/gin v0.1.0") {
			t.Errorf("examples/go.mod at the tag:\n%s", gomod)
		}
	})
	t.Run("after the tag, the adapter's replace lines are back, with the released requirement", func(t *testing.T) {
		gomod := show("HEAD", "gin/go.mod")
		if !strings.Contains(gomod, "github.com/corsa-go/corsa/core => ../core") ||
			!strings.Contains(gomod, "github.com/corsa-go/corsa/core v0.1.0") {
			t.Errorf("gin/go.mod after the release:\n%s", gomod)
		}
	})
	t.Run("the changelog names the tags and the date, and keeps an empty Unreleased", func(t *testing.T) {
		log := show("core/v0.1.0", "CHANGELOG.md")
		heading := "## chi v0.1.0, conformance v0.1.0, core v0.1.0, echo v0.1.0, echo5 v0.1.0, fiber v0.1.0, fiber3 v0.1.0, gin v0.1.0 (2026-12-01)"
		if !strings.Contains(log, "## Unreleased\n\n"+heading+"\n\n### core\n") {
			t.Errorf("CHANGELOG.md at the tag:\n%s", log)
		}
	})
}
