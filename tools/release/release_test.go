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
	mutate func(string) string // gets "" for a file that does not exist
	check  string              // the modules checked, gin when empty
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
			want: "users never see a dependency's replace lines",
		},
		{
			name: "an adapter requiring a module of the repository that is never published fails the release",
			file: "gin/go.mod",
			mutate: func(s string) string {
				return s + "\nrequire github.com/corsa-go/corsa/examples v0.0.0\n"
			},
			want: "not a published module",
		},
		{
			name: "the release tool back in the root module fails the release",
			file: "internal/release/main.go",
			mutate: func(string) string {
				return "package main\n\nfunc main() {}\n"
			},
			want: "the root module's zip holds files of the tools or another module: internal/release/main.go",
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
			want: "go mod tidy changes its requirements",
		},
		{
			name: "an adapter requiring a version of its framework that does not exist fails the release",
			file: "gin/go.mod",
			mutate: func(s string) string {
				return strings.Replace(s, "github.com/gin-gonic/gin v1.12.0", "github.com/gin-gonic/gin v1.99.0", 1)
			},
			want: "v1.99.0",
		},
		{
			name: "an adapter whose code imports the conformance suite fails the release, since its users would download it",
			file: "gin/conformance.go",
			mutate: func(string) string {
				return "package corsagin\n\nimport _ \"github.com/corsa-go/corsa/conformance\"\n"
			},
			want: "download github.com/corsa-go/corsa/conformance@v0.1.0, which only the adapter's tests need",
		},
		{
			name: "a replace line in the root module's go.mod fails the release, since go install refuses it",
			file: "go.mod",
			mutate: func(s string) string {
				return s + "\nreplace github.com/corsa-go/corsa/conformance => ./conformance\n"
			},
			check: ".",
			want:  "replace directives",
		},
	})
}

func testMutations(t *testing.T, cases []mutation) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			repo := copyRepo(t)
			p := filepath.Join(repo, filepath.FromSlash(tc.file))
			data, err := os.ReadFile(p)
			if err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			mutated := tc.mutate(string(data))
			if mutated == string(data) {
				t.Fatalf("the mutation changed nothing in %s", tc.file)
			}
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(mutated), 0o644); err != nil {
				t.Fatal(err)
			}
			check := tc.check
			if check == "" {
				check = "gin"
			}
			err = run(options{root: repo, dryRun: true, version: "v0.1.0", check: check})
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
	names, err := worktreeFiles(root)
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
// the tags and the commit.
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
	before, err := git(repo, "rev-parse", "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	mods, err := workspace(repo)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := nextVersion(repo); err != nil || v != "v0.1.0" {
		t.Fatalf("the first release's version is %q (%v), want v0.1.0", v, err)
	}
	if _, err := plan(repo, mods, "v0.1.0", true); err != nil {
		t.Fatal(err)
	}
	changelog, err := os.ReadFile(filepath.Join(repo, "CHANGELOG.md"))
	if err != nil {
		t.Fatal(err)
	}
	moved, _, err := moveChangelog(changelog, "v0.1.0", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var tags []string
	for _, m := range mods {
		if m.role != internal {
			tags = append(tags, m.tag("v0.1.0"))
		}
	}
	if err := apply(repo, mods, tags, "v0.1.0", moved); err != nil {
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
	t.Run("every published module is tagged, the root without a directory, and nothing else", func(t *testing.T) {
		out, err := git(repo, "tag", "-l")
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Fields(out)
		want := []string{"chi/v0.1.0", "conformance/v0.1.0", "echo/v0.1.0", "echo5/v0.1.0", "fasthttp/v0.1.0", "fiber/v0.1.0", "fiber3/v0.1.0", "gin/v0.1.0", "v0.1.0"}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("tags %v, want %v", got, want)
		}
	})
	t.Run("the release is one commit after the one it started from, and every tag is on it", func(t *testing.T) {
		parent, err := git(repo, "rev-parse", "HEAD~1")
		if err != nil || parent != before {
			t.Errorf("HEAD~1 is %q (%v), want %q", parent, err, before)
		}
		head, _ := git(repo, "rev-parse", "HEAD")
		for _, tag := range []string{"v0.1.0", "gin/v0.1.0", "fasthttp/v0.1.0"} {
			if at, err := git(repo, "rev-parse", tag+"^{commit}"); err != nil || at != head {
				t.Errorf("%s is at %q (%v), want HEAD %q", tag, at, err, head)
			}
		}
	})
	t.Run("at the tag, an adapter requires its siblings at the release and keeps its replace lines", func(t *testing.T) {
		gomod := show("fiber/v0.1.0", "fiber/go.mod")
		for _, want := range []string{
			"\tgithub.com/corsa-go/corsa v0.1.0\n",
			"\tgithub.com/corsa-go/corsa/fasthttp v0.1.0\n",
			"\tgithub.com/corsa-go/corsa/fasthttp => ../fasthttp\n",
		} {
			if !strings.Contains(gomod, want) {
				t.Errorf("fiber/go.mod at the tag has no %q:\n%s", want, gomod)
			}
		}
		if strings.Contains(gomod, " v0.0.0\n") {
			t.Errorf("fiber/go.mod at the tag still requires v0.0.0:\n%s", gomod)
		}
	})
	t.Run("a module nobody imports has its requirements bumped too", func(t *testing.T) {
		gomod := show("HEAD", "examples/go.mod")
		if !strings.Contains(gomod, "\tgithub.com/corsa-go/corsa/gin v0.1.0\n") || strings.Contains(gomod, " v0.0.0\n") {
			t.Errorf("examples/go.mod at the tag:\n%s", gomod)
		}
	})
	t.Run("the root module's go.mod stays without requirements", func(t *testing.T) {
		if gomod := show("v0.1.0", "go.mod"); gomod != "module github.com/corsa-go/corsa\n\ngo 1.25.0\n" {
			t.Errorf("go.mod at the tag:\n%s", gomod)
		}
	})
	t.Run("the changelog names the version and the date, and keeps an empty Unreleased", func(t *testing.T) {
		log := show("v0.1.0", "CHANGELOG.md")
		if !strings.Contains(log, "\n## Unreleased\n\n## v0.1.0 (2026-12-01)\n\n### ") {
			t.Errorf("CHANGELOG.md at the tag:\n%.600s", log)
		}
	})
	t.Run("the next release is the next minor version", func(t *testing.T) {
		if v, err := nextVersion(repo); err != nil || v != "v0.2.0" {
			t.Errorf("got %q (%v), want v0.2.0", v, err)
		}
	})
}

// TestPendingOneLiner plans a release of a copy of the repository whose
// README has no fasthttp row: a dry run checks the line in modules.go and
// says so, a release refuses.
func TestPendingOneLiner(t *testing.T) {
	repo := copyRepo(t)
	readme := filepath.Join(repo, "README.md")
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "| fasthttp | `") {
			kept = append(kept, line)
		}
	}
	if err := os.WriteFile(readme, []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	mods, err := workspace(repo)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("a dry run checks the pending line and says the README lacks its row", func(t *testing.T) {
		notes, err := plan(repo, mods, "v0.1.0", true)
		if err != nil || len(notes) != 1 || !strings.Contains(notes[0], "| fasthttp | `"+modules[repoPath+"/fasthttp"].pendingLine+"` |") {
			t.Errorf("got notes %q, error %v", notes, err)
		}
	})
	t.Run("a release refuses", func(t *testing.T) {
		if _, err := plan(repo, mods, "v0.1.0", false); err == nil || !strings.Contains(err.Error(), `want one "| fasthttp | `) {
			t.Errorf("got error %v, want one about the README's fasthttp row", err)
		}
	})
}
