package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// row is one library's result.
type row struct {
	Name, Version string
	// Transport names the HTTP server module and version the library ran
	// on, when it is not net/http; Note is the library's note (see
	// library).
	Transport, Note string
	// Browser counts the cases with a request (browser and corsa tiers)
	// whose browser outcome is the expected one; Config the refused
	// configurations; Hardening the hostile requests that gained nothing.
	Browser, Config, Hardening count
	// Exploitable are cases where an origin the case refuses can read.
	Exploitable []string
	// CacheUnsafe are cases whose response a shared cache may store and
	// serve to another origin.
	CacheUnsafe []string
	// Failures are the cases counted against the library, with why.
	Failures []failure
	// Differences are cases whose outcome is right but whose bytes are not
	// corsa's: information, not failures.
	Differences []failure
	// Skipped counts cases a quirk of the library's transport ruled out.
	Skipped int
	// CannotExpress says why policies were beyond the library, in order of
	// first appearance, with how many cases each reason covers.
	CannotExpress []reason
}

// count is passed out of run.
type count struct{ Passed, Run int }

func (c count) String() string { return fmt.Sprintf("%d/%d", c.Passed, c.Run) }

// cannotExpress is the number of cases the library could not express.
func (r row) cannotExpress() int {
	n := 0
	for _, x := range r.CannotExpress {
		n += x.Cases
	}
	return n
}

// failure is one case and what was wrong.
type failure struct {
	Case string
	// Column is the scoreboard column the case counts in.
	Column   string
	Problems []string
}

// The columns a failure counts in, in the order the report lists them.
const (
	colBrowser   = "browser outcome"
	colConfig    = "forbidden configurations"
	colHardening = "hardening"
)

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

// summary writes the comparison table, the part the README shows too.
func summary(rows []row) string {
	var b strings.Builder
	b.WriteString("| library | version | browser outcome as expected | exploitable | cache-unsafe | forbidden configurations refused | hardening | differs from corsa's choices (information) | cannot express |\n")
	b.WriteString("|---|---|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, r := range rows {
		version := r.Version
		if version == "" {
			version = "?"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %d | %d | %s | %s | %d | %d |\n", r.Name, version, r.Browser, len(r.Exploitable), len(r.CacheUnsafe), r.Config, r.Hardening, len(r.Differences), r.cannotExpress()+r.Skipped)
	}
	return b.String()
}

// render writes the scoreboard as markdown. section maps a case name to its
// SPEC.md section, by which cases are grouped.
func render(rows []row, section map[string]string) string {
	var b strings.Builder
	b.WriteString(intro)
	b.WriteString(summary(rows))
	b.WriteString(legend)
	for _, r := range rows {
		if len(r.Failures) == 0 && len(r.Differences) == 0 && len(r.CannotExpress) == 0 && r.Skipped == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n## %s\n", r.Name)
		if r.Transport != "" {
			fmt.Fprintf(&b, "\nRuns on %s. %s\n", r.Transport, r.Note)
		} else if r.Note != "" {
			fmt.Fprintf(&b, "\n%s\n", r.Note)
		}
		if len(r.Exploitable) > 0 {
			fmt.Fprintf(&b, "\nExploitable (%d): %s\n", len(r.Exploitable), strings.Join(mergePrefixes(r.Exploitable), "; "))
		}
		if len(r.CacheUnsafe) > 0 {
			fmt.Fprintf(&b, "\nCache-unsafe (%d): %s\n", len(r.CacheUnsafe), strings.Join(mergePrefixes(r.CacheUnsafe), "; "))
		}
		for _, col := range []string{colBrowser, colConfig, colHardening} {
			var fs []failure
			for _, f := range r.Failures {
				if f.Column == col {
					fs = append(fs, f)
				}
			}
			if len(fs) == 0 {
				continue
			}
			fmt.Fprintf(&b, "\n%s: %s counted against it, by kind:\n\n", col, plural(len(fs), "case"))
			writeKinds(&b, fs)
			b.WriteString("\n<details><summary>Those cases by SPEC.md section</summary>\n\n")
			writeFailures(&b, fs, section)
			b.WriteString("\n</details>\n")
		}
		if len(r.Differences) > 0 {
			fmt.Fprintf(&b, "\n%s where a browser sees the expected outcome but the bytes differ from corsa's choices (information, not failures), by kind:\n\n", plural(len(r.Differences), "case"))
			writeKinds(&b, r.Differences)
			b.WriteString("\n<details><summary>Those cases by SPEC.md section</summary>\n\n")
			writeFailures(&b, r.Differences, section)
			b.WriteString("\n</details>\n")
		}
		if len(r.CannotExpress) > 0 || r.Skipped > 0 {
			b.WriteString("\nCannot express:\n\n")
			for _, x := range r.CannotExpress {
				fmt.Fprintf(&b, "- %s (%s)\n", x.Why, plural(x.Cases, "case"))
			}
			if r.Skipped > 0 {
				fmt.Fprintf(&b, "- cases its transport cannot send (%s)\n", plural(r.Skipped, "case"))
			}
		}
	}
	return b.String()
}

// writeKinds writes a table of problem kinds and how many cases show each.
func writeKinds(b *strings.Builder, failures []failure) {
	b.WriteString("| problem | cases |\n|---|--:|\n")
	for _, k := range problemKinds(failures) {
		fmt.Fprintf(b, "| %s | %d |\n", strings.ReplaceAll(k.Why, "|", `\|`), k.Cases)
	}
}

const intro = `# Peer scoreboard

corsa's conformance suite run against corsa itself (first row, for reference) and the CORS
middlewares Go users pick instead, each on its own framework and configured for each case's
policy as its documentation says (mapping decisions: package ` + "`benchmarks/frameworks`" + `).
Peers are judged by what a browser does with their responses, never by corsa's bytes: for every
case with a request, the browser-outcome checker of package ` + "`conformance`" + ` (Fetch's CORS
check and CORS-preflight check) gives its verdict on the peer's response and on the response the
case expects, without and with credentials, and the case counts against the peer only when the
verdicts differ. Real Chromium's verdicts for the same libraries are in
[conformance/browser/RESULTS.md](../conformance/browser/RESULTS.md). Generated by
` + "`go run ./benchmarks/cmd/scoreboard -o benchmarks/SCOREBOARD.md -readme README.md`" + `; a test fails
when this file or the README's table differs from what the code generates.

`

const legend = `
- **browser outcome as expected**: cases with a request a browser can send (tiers ` + "`browser`" + ` and
  ` + "`corsa`" + `) where the browser's verdict on the library's response (preflight passes or not,
  script can read or not, headers it can read, the handler's answer) equals its verdict on the
  response the case expects, without and with credentials. An actual request that needs a
  preflight the policy refuses never leaves a browser, so any answer to it passes.
- **exploitable**: of those, cases where an origin the case refuses passes the CORS check (can read
  the response, or send the request a preflight asked about).
- **cache-unsafe**: of those, responses a shared cache may store by default (RFC 9111: a GET or HEAD
  answer with a cacheable status and no ` + "`no-store`" + ` or ` + "`private`" + `; OPTIONS responses and 403s
  do not count) whose CORS headers depend on ` + "`Origin`" + ` and that lack ` + "`Vary: Origin`" + `, where the
  expected response is safe.
- **forbidden configurations refused**: tier ` + "`config`" + `, policies SPEC.md §5 forbids (` + "`*`" + ` with
  credentials, malformed or over-broad origins, forbidden methods and headers) that the library
  refuses when it is built.
- **hardening**: tier ` + "`hardening`" + `, requests no browser sends (malformed, repeated or oversized
  headers, origins no browser serializes): passed when the library grants nothing the case refuses.
- **differs from corsa's choices**: cases whose outcome is as expected but whose bytes differ from
  corsa's (a 204 instead of a 403 on a refused preflight, only the requested method in
  Access-Control-Allow-Methods, spelling and order): information, never a failure.
- **cannot express**: cases whose policy the library has no setting for, or whose request its
  transport cannot send; each case uses the smallest policy that exercises it.
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
