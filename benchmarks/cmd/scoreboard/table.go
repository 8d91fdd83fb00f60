package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/corsa-go/corsa/conformance"
)

// row is one library's result.
type row struct {
	Name, Version string
	Tally         conformance.Tally
	Failures      []failure
	// CannotExpress says why policies were beyond the library, in order of
	// first appearance, with how many cases each reason covers.
	CannotExpress []reason
}

// failure is one failed case and what was wrong.
type failure struct {
	Case     string
	Problems []string
}

// reason is one thing a library cannot express and how many cases asked for it.
type reason struct {
	Why   string
	Cases int
}

func (r *row) addCannotExpress(why string) {
	if i := slices.IndexFunc(r.CannotExpress, func(x reason) bool { return x.Why == why }); i >= 0 {
		r.CannotExpress[i].Cases++
		return
	}
	r.CannotExpress = append(r.CannotExpress, reason{Why: why, Cases: 1})
}

// render writes the scoreboard as markdown. section maps a case name to its
// SPEC.md section, by which failed cases are grouped. A "skipped" column
// appears only when some library skipped cases for a quirk of its transport.
func render(rows []row, section map[string]string) string {
	var b strings.Builder
	b.WriteString(intro)

	skips := slices.ContainsFunc(rows, func(r row) bool { return r.Tally.Skipped > 0 })
	b.WriteString("| library | version | passed | failed | cannot express |")
	if skips {
		b.WriteString(" skipped (quirk) |")
	}
	b.WriteString("\n|---|---|--:|--:|--:|")
	if skips {
		b.WriteString("--:|")
	}
	b.WriteByte('\n')
	for _, r := range rows {
		version := r.Version
		if version == "" {
			version = "?"
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %d |", r.Name, version, r.Tally.Passed, r.Tally.Failed, r.Tally.CannotExpress)
		if skips {
			fmt.Fprintf(&b, " %d |", r.Tally.Skipped)
		}
		b.WriteByte('\n')
	}

	for _, r := range rows {
		if r.Tally.Failed == 0 && len(r.CannotExpress) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n## %s\n", r.Name)
		if r.Tally.Failed > 0 {
			fmt.Fprintf(&b, "\n%s failed. What went wrong, by number of cases:\n\n", plural(r.Tally.Failed, "case"))
			b.WriteString("| problem | cases |\n|---|--:|\n")
			for _, k := range problemKinds(r.Failures) {
				fmt.Fprintf(&b, "| %s | %d |\n", strings.ReplaceAll(k.Why, "|", `\|`), k.Cases)
			}
			b.WriteString("\n<details><summary>Failed cases by SPEC.md section</summary>\n\n")
			writeFailures(&b, r.Failures, section)
			b.WriteString("\n</details>\n")
		}
		if len(r.CannotExpress) > 0 {
			b.WriteString("\nCannot express:\n\n")
			for _, x := range r.CannotExpress {
				fmt.Fprintf(&b, "- %s (%s)\n", x.Why, plural(x.Cases, "case"))
			}
		}
	}
	return b.String()
}

const intro = `# Peer scoreboard

corsa's conformance suite run against corsa itself (first row, for reference) and the CORS
middlewares Go users pick instead, each on its own framework and configured for each case's
policy as its documentation says (mapping decisions: package ` + "`benchmarks/peers`" + `).
Cases expect the exact headers corsa documents, so a peer also fails where it answers
differently but legally (Access-Control-Allow-Methods naming only the requested method, which
SPEC.md §2 permits, is the common one); the problem table under each library tells the kinds
apart. A peer's failures are findings, not bugs of this repository. Regenerate with
` + "`go run ./benchmarks/cmd/scoreboard -o benchmarks/SCOREBOARD.md`" + `.

`

// quotedValue matches the values the suite quotes in a problem: a Go-quoted
// string or a %q-formatted list.
var quotedValue = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|\[[^\]]*\]`)

// problemKind strips the case-specific values from a problem, so that the
// same misbehaviour in many cases counts as one kind. For Vary the token
// that is missing or extra is the point, so only the header's value goes.
func problemKind(problem string) string {
	if strings.HasPrefix(problem, "Vary ") {
		if loc := quotedValue.FindStringIndex(problem); loc != nil {
			return problem[:loc[0]] + "…" + problem[loc[1]:]
		}
	}
	return quotedValue.ReplaceAllString(problem, "…")
}

// problemKinds counts, for each kind of problem, the failed cases that show
// it: most frequent first, ties in order of first appearance.
func problemKinds(failures []failure) []reason {
	var kinds []reason
	for _, f := range failures {
		var seen []string
		for _, p := range f.Problems {
			k := problemKind(p)
			if slices.Contains(seen, k) {
				continue
			}
			seen = append(seen, k)
			if i := slices.IndexFunc(kinds, func(x reason) bool { return x.Why == k }); i >= 0 {
				kinds[i].Cases++
			} else {
				kinds = append(kinds, reason{Why: k, Cases: 1})
			}
		}
	}
	slices.SortStableFunc(kinds, func(a, b reason) int { return b.Cases - a.Cases })
	return kinds
}

// writeFailures lists failed case names on one line per SPEC.md section,
// sections in order of first appearance.
func writeFailures(b *strings.Builder, failures []failure, section map[string]string) {
	var order []string
	bySection := map[string][]string{}
	for _, f := range failures {
		s := section[f.Case]
		if s == "" {
			s = "other"
		}
		if _, seen := bySection[s]; !seen {
			order = append(order, s)
		}
		bySection[s] = append(bySection[s], f.Case)
	}
	for _, s := range order {
		fmt.Fprintf(b, "- **%s** (%d): %s\n", s, len(bySection[s]), strings.Join(mergePrefixes(bySection[s]), "; "))
	}
}

// minSharedWords is how many leading words consecutive case names must share
// to be written once: "exact https://example.com refuses a preflight from
// {null | https://evil.com}".
const minSharedWords = 3

// mergePrefixes writes each run of consecutive names that share their first
// words (at least minSharedWords) as one entry: the shared words, then the
// rest of each name in braces.
func mergePrefixes(names []string) []string {
	var out []string
	for i := 0; i < len(names); {
		if i+1 == len(names) {
			out = append(out, names[i])
			break
		}
		prefix := sharedWords(names[i], names[i+1])
		if strings.Count(prefix, " ") < minSharedWords {
			out = append(out, names[i])
			i++
			continue
		}
		j := i + 1
		for j < len(names) && strings.HasPrefix(names[j], prefix) {
			j++
		}
		var rests []string
		for _, n := range names[i:j] {
			rests = append(rests, strings.TrimPrefix(n, prefix))
		}
		out = append(out, prefix+"{"+strings.Join(rests, " | ")+"}")
		i = j
	}
	return out
}

// sharedWords returns the longest run of whole leading words a and b share,
// with its trailing space, or "" when they share none.
func sharedWords(a, b string) string {
	end := 0
	for i := 0; i < min(len(a), len(b)) && a[i] == b[i]; i++ {
		if a[i] == ' ' {
			end = i + 1
		}
	}
	return a[:end]
}

// plural writes n and noun, with an "s" unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
