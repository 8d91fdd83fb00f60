package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
