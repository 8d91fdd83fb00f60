package migrate_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/corsa-go/corsa/examples/internal/usermod"
)

// programs are the guide's programs, one directory each, in the order
// README.md shows them.
var programs = []string{"rscors", "gochicors", "gincors", "echocors", "fibercors"}

// goBlocks returns the ```go blocks of README.md.
func goBlocks(t *testing.T) []string {
	t.Helper()
	guide, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	var blocks []string
	for _, m := range regexp.MustCompile("(?ms)^```go\n(.*?)^```$").FindAllStringSubmatch(string(guide), -1) {
		blocks = append(blocks, m[1])
	}
	return blocks
}

// TestTheGuideShowsEachProgramWhole keeps README.md's code the code the
// tests run: every Go block in it is one program's main.go, word for word.
func TestTheGuideShowsEachProgramWhole(t *testing.T) {
	blocks := goBlocks(t)
	if len(blocks) != len(programs) {
		t.Fatalf("README.md has %d Go blocks, want one for each of the %d programs", len(blocks), len(programs))
	}
	for i, dir := range programs {
		src, err := os.ReadFile(filepath.Join(dir, "main.go"))
		if err != nil {
			t.Fatal(err)
		}
		if blocks[i] != string(src) {
			t.Errorf("README.md's Go block %d is not %s/main.go", i+1, dir)
		}
	}
}

// TestTheOldConfigurationInEachProgramIsWhatItsTestRuns checks the code
// quoted in each program's comments, the configuration of the library it
// moved from, against its test, which serves the same requests with that
// configuration and with corsa's.
func TestTheOldConfigurationInEachProgramIsWhatItsTestRuns(t *testing.T) {
	for _, dir := range programs {
		t.Run(dir, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, "main.go"))
			if err != nil {
				t.Fatal(err)
			}
			test, err := os.ReadFile(filepath.Join(dir, "main_test.go"))
			if err != nil {
				t.Fatal(err)
			}
			quotes := quotedCode(string(src))
			if len(quotes) == 0 {
				t.Fatal("main.go quotes no code in its comments")
			}
			for _, q := range quotes {
				if !strings.Contains(trimLines(string(test)), trimLines(q)) {
					t.Errorf("main_test.go does not run the quoted\n%s", q)
				}
			}
		})
	}
}

// quotedCode returns the code blocks of src's comments: runs of lines
// that start with "//" and a tab.
func quotedCode(src string) []string {
	var blocks []string
	var cur []string
	for _, line := range strings.Split(src, "\n") {
		if code, ok := strings.CutPrefix(line, "//\t"); ok {
			cur = append(cur, code)
			continue
		}
		if len(cur) > 0 {
			blocks = append(blocks, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	return blocks
}

// trimLines trims the spaces around each line of s, so that quoted and
// running code compare whatever their indentation.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.Join(lines, "\n")
}

// TestTheGuidesProgramsBuildOutsideTheRepository builds README.md's Go
// blocks as a user's module would: copied into a module of their own,
// outside this repository and its go.work, so that they can use nothing
// but corsa's public packages.
func TestTheGuidesProgramsBuildOutsideTheRepository(t *testing.T) {
	files := map[string]string{}
	for i, block := range goBlocks(t) {
		files[fmt.Sprintf("block%d/main.go", i+1)] = block
	}
	usermod.Build(t, files)
}
