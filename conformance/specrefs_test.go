package conformance

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// specHeading matches a numbered section heading of SPEC.md: "## 3b. Title".
var specHeading = regexp.MustCompile(`^#{2,3} (\d+[a-z]?)\. `)

// specRef matches a citation such as "SPEC.md §3b", "SPEC §5",
// "SPEC.md §1–§7", "SPEC.md §2-3" or "SPEC.md §1, §3": the prefix, then
// one or more sections or ranges.
var (
	specRef     = regexp.MustCompile(`SPEC(?:\.md)? (§\d+[a-z]?(?:\s*[–-]\s*§?\d+[a-z]?)?(?:,\s*§\d+[a-z]?(?:\s*[–-]\s*§?\d+[a-z]?)?)*)`)
	specSection = regexp.MustCompile(`\d+[a-z]?`)
)

// The repository root, seen from this module's directory.
const repoRoot = ".."

// Every "SPEC.md §n" that code, documentation and test output cite names a
// section that the repository's SPEC.md has.
func TestEverySPECReferenceNamesASection(t *testing.T) {
	sections := specSections(t)
	for _, want := range []string{"1", "2", "3", "3b", "4", "5", "6", "6b", "7", "8", "9"} {
		if !sections[want] {
			t.Errorf("SPEC.md has no section %s", want)
		}
	}

	t.Run("every citation in a tracked Go or Markdown file resolves", func(t *testing.T) {
		files := repoFiles(t)
		cited := 0
		for _, name := range files {
			data, err := os.ReadFile(filepath.Join(repoRoot, name))
			if err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(bytes.NewReader(data))
			sc.Buffer(nil, 1<<20)
			for line := 1; sc.Scan(); line++ {
				for _, m := range specRef.FindAllStringSubmatch(sc.Text(), -1) {
					for _, sec := range specSection.FindAllString(m[1], -1) {
						cited++
						if !sections[sec] {
							t.Errorf("%s:%d cites %q: SPEC.md has no section §%s", name, line, m[0], sec)
						}
					}
				}
			}
			if err := sc.Err(); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		// The core alone cites §3b dozens of times: finding almost nothing
		// means the scan looked in the wrong place.
		if cited < 50 {
			t.Errorf("found only %d citations in %d files; is %s the repository root?", cited, len(files), repoRoot)
		}
	})

	t.Run("every case's section resolves, since test output prints it", func(t *testing.T) {
		for _, c := range Cases() {
			sec, ok := strings.CutPrefix(c.Spec, "§")
			if !ok || !sections[sec] {
				t.Errorf("case %q: Spec %q is not a section of SPEC.md", c.Name, c.Spec)
			}
		}
	})
}

func TestSPECReferencePatternReadsEveryForm(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"checked by SPEC.md §3b.", []string{"3b"}},
		{"policies that SPEC §5 refuses", []string{"5"}},
		{"behaves as SPEC.md §1–§7 say", []string{"1", "7"}},
		{"SPEC.md §2-3: Vary is added", []string{"2", "3"}},
		{"(SPEC.md §1, §3)", []string{"1", "3"}},
		{"see DESIGN.md §2 and §9", nil},
	}
	for _, tc := range tests {
		t.Run("it reads "+tc.text, func(t *testing.T) {
			var got []string
			for _, m := range specRef.FindAllStringSubmatch(tc.text, -1) {
				got = append(got, specSection.FindAllString(m[1], -1)...)
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("sections %q, want %q", got, tc.want)
			}
		})
	}
}

// specSections returns the section numbers of the repository's SPEC.md.
func specSections(t *testing.T) map[string]bool {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "SPEC.md"))
	if err != nil {
		t.Fatalf("the repository's SPEC.md: %v", err)
	}
	sections := map[string]bool{}
	for line := range strings.SplitSeq(string(data), "\n") {
		if m := specHeading.FindStringSubmatch(line); m != nil {
			if sections[m[1]] {
				t.Errorf("SPEC.md numbers two sections %s", m[1])
			}
			sections[m[1]] = true
		}
	}
	return sections
}

// repoFiles lists the repository's .go and .md files, relative to its
// root: the ones git tracks, or, outside a git checkout (an unpacked
// archive), every one but those under hidden directories.
func repoFiles(t *testing.T) []string {
	t.Helper()
	if out, err := exec.Command("git", "-C", repoRoot, "ls-files", "-z", "--", "*.go", "*.md").Output(); err == nil {
		var files []string
		for f := range strings.SplitSeq(strings.TrimRight(string(out), "\x00"), "\x00") {
			if f != "" {
				files = append(files, f)
			}
		}
		if len(files) > 0 {
			return files
		}
	}
	var files []string
	err := filepath.WalkDir(repoRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != repoRoot && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".md")) {
			rel, err := filepath.Rel(repoRoot, path)
			if err != nil {
				return err
			}
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
