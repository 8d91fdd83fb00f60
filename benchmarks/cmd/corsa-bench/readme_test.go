package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// section returns the markdown section of doc that starts with heading,
// up to the next heading of the same level.
func section(doc, heading string) string {
	i := strings.Index(doc, "\n"+heading+"\n")
	if i < 0 {
		return ""
	}
	rest := doc[i+len(heading)+2:]
	level := heading[:strings.IndexByte(heading, ' ')+1]
	if j := strings.Index(rest, "\n"+level); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// measuredRatio is how the reports print a measured ratio: two decimals.
var measuredRatio = regexp.MustCompile(`\d+\.\d\d×`)

// The READMEs' result sections may quote only numbers that the committed
// RESULTS.md, written by corsa-bench, contains: regenerating RESULTS.md
// without updating them fails here.
func TestReadmeNumbersAreTheOnesInResults(t *testing.T) {
	read := func(path string) string {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	results := read("../../RESULTS.md")
	for _, doc := range []struct{ path, heading string }{
		{"../../../README.md", "## Benchmarks"},
		{"../../README.md", "## Results"},
	} {
		text := section(read(doc.path), doc.heading)
		if text == "" {
			t.Fatalf("%s has no %q section", doc.path, doc.heading)
		}
		for _, n := range measuredRatio.FindAllString(text, -1) {
			if !strings.Contains(results, n) {
				t.Errorf("%s, %s, quotes %s, which RESULTS.md does not contain", doc.path, doc.heading, n)
			}
		}
	}
}

func TestSectionStopsAtTheNextHeadingOfItsLevel(t *testing.T) {
	doc := "# T\n\n## Results\n\nA 0.50× here.\n\n### Sub\n\nmore\n\n## Next\n\n9.99×\n"
	got := section(doc, "## Results")
	if !strings.Contains(got, "0.50×") || !strings.Contains(got, "more") || strings.Contains(got, "9.99×") {
		t.Errorf("section %q", got)
	}
	if m := measuredRatio.FindAllString(got, -1); len(m) != 1 || m[0] != "0.50×" {
		t.Errorf("ratios %q, want [0.50×]", m)
	}
}
