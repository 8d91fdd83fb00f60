// Package psl tells whether a domain is a public suffix, a domain under
// which anyone can get a subdomain (co.uk, github.io, s3.amazonaws.com),
// from an embedded copy of the whole Public Suffix List, both its ICANN
// and its private section. corsa refuses origin patterns that span such a
// suffix.
//
// The data is table.txt, generated from public_suffix_list.dat by ./gen
// (see its doc comment for how to refresh it) and embedded as one string:
// nothing is built at start-up, and a lookup is a few binary searches. It
// runs when a policy is validated, never per request.
package psl

import (
	_ "embed" // table.txt
	"iter"
	"strings"
)

//go:generate go run ./gen -commit e8c9a2b2b2856b6449999dd0ec0d118f364ed0cd -date 2026-08-19

//go:embed table.txt
var table string

// rules is the table without its header: one rule a line, sorted.
var rules = table[strings.Index(table, "\n\n")+2:]

// Section is the part of the table a rule comes from.
type Section byte

// The table's sections.
const (
	// ICANN: the list's suffixes that registries operate (co.uk, gov.au).
	ICANN Section = 'I'
	// Private: the list's suffixes that companies hand out to their users
	// (github.io, s3.amazonaws.com).
	Private Section = 'P'
	// Supplement: shared-hosting suffixes the list lacks, from
	// supplement.dat (surge.sh).
	Supplement Section = 'C'
)

// String names the section for an error message: "the Public Suffix
// List's ICANN section".
func (s Section) String() string {
	switch s {
	case ICANN:
		return "the Public Suffix List's ICANN section"
	case Private:
		return "the Public Suffix List's private section"
	case Supplement:
		return "corsa's supplement to the Public Suffix List"
	}
	return "an unknown section"
}

// Rule is one entry of the list.
type Rule struct {
	// Text is the entry as the list writes it, with Unicode labels in
	// Punycode: "co.uk", "*.ck", "!www.ck".
	Text    string
	Section Section
}

// Public reports whether domain is a public suffix under one of the
// list's rules, and which rule makes it so: a plain rule naming it, or a
// wildcard rule naming its parent, unless an exception rule names it or one
// of its parents. domain is lower-case ASCII without a trailing dot. The
// list's implicit rule "*" (every top-level domain is public) is left to
// the caller.
func Public(domain string) (Rule, bool) {
	rev := reverse(domain)
	for i := 0; i <= len(rev); i++ {
		if i == len(rev) || rev[i] == '.' {
			if _, ok := find(rev[:i], '!'); ok {
				return Rule{}, false
			}
		}
	}
	if sec, ok := find(rev, '='); ok {
		return Rule{domain, sec}, true
	}
	if i := strings.LastIndexByte(rev, '.'); i >= 0 {
		if sec, ok := find(rev[:i], '*'); ok {
			return Rule{"*." + domain[strings.IndexByte(domain, '.')+1:], sec}, true
		}
	}
	return Rule{}, false
}

// Beneath reports a rule that makes some subdomain of domain, other than
// domain itself, a public suffix: "*.kawasaki.jp" for kawasaki.jp, or for
// amazonaws.com "s3.amazonaws.com" (of the rules under it, one with the
// fewest labels). A pattern over such a domain matches sites of owners
// other than the domain's.
func Beneath(domain string) (Rule, bool) {
	rev := reverse(domain)
	if sec, ok := find(rev, '*'); ok {
		return Rule{"*." + domain, sec}, true
	}
	var best Rule
	bestLabels := 0
	prefix := rev + "."
	for i := lowerBound(prefix); i < len(rules); {
		line, next := lineAt(i)
		if !strings.HasPrefix(line, prefix) {
			break
		}
		r := parse(line)
		if n := strings.Count(r.Text, "."); !strings.HasPrefix(r.Text, "!") && (bestLabels == 0 || n < bestLabels) {
			best, bestLabels = r, n
		}
		i = next
	}
	return best, bestLabels > 0
}

// All yields every rule of the table, in table order.
func All() iter.Seq[Rule] {
	return func(yield func(Rule) bool) {
		for i := 0; i < len(rules); {
			line, next := lineAt(i)
			if !yield(parse(line)) {
				return
			}
			i = next
		}
	}
}

// find reports the section of the rule of the given kind stored under the
// reversed domain rev.
func find(rev string, kind byte) (Section, bool) {
	if rev == "" {
		return 0, false
	}
	key := rev + " "
	for i := lowerBound(key); i < len(rules); {
		line, next := lineAt(i)
		if !strings.HasPrefix(line, key) {
			break
		}
		if line[len(key)] == kind {
			return Section(line[len(key)+1]), true
		}
		i = next
	}
	return 0, false
}

// lowerBound returns the offset of the first line of rules not less than
// key.
func lowerBound(key string) int {
	// lo and hi are line starts; lines before lo are less than key, the
	// line at hi (if any) is not.
	lo, hi := 0, len(rules)
	for lo < hi {
		start := lo + strings.LastIndexByte(rules[lo:lo+(hi-lo)/2], '\n') + 1
		line, next := lineAt(start)
		if line < key {
			lo = next
		} else {
			hi = start
		}
	}
	return lo
}

// lineAt returns the line starting at offset i and the offset of the next.
func lineAt(i int) (line string, next int) {
	n := strings.IndexByte(rules[i:], '\n')
	if n < 0 {
		return rules[i:], len(rules)
	}
	return rules[i : i+n], i + n + 1
}

// parse turns a table line back into the rule as the list writes it.
func parse(line string) Rule {
	sp := strings.IndexByte(line, ' ')
	if sp < 0 || len(line) != sp+3 {
		return Rule{Text: line}
	}
	text := reverse(line[:sp])
	switch line[sp+1] {
	case '*':
		text = "*." + text
	case '!':
		text = "!" + text
	}
	return Rule{text, Section(line[sp+2])}
}

// reverse reverses the order of the labels of a domain: "s3.amazonaws.com"
// becomes "com.amazonaws.s3".
func reverse(domain string) string {
	var b strings.Builder
	b.Grow(len(domain))
	for end := len(domain); end >= 0; {
		start := strings.LastIndexByte(domain[:end], '.')
		b.WriteString(domain[start+1 : end])
		if start >= 0 {
			b.WriteByte('.')
		}
		end = start
	}
	return b.String()
}
