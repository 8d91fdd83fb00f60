// Package psl tells whether a domain is a public suffix, a domain under
// which anyone can get a subdomain (co.uk, github.io, s3.amazonaws.com),
// from an embedded copy of the whole Public Suffix List, both its ICANN
// and its private section. corsa refuses origin patterns that span such a
// suffix.
//
// The data is table.txt, generated from public_suffix_list.dat by ./gen
// (see its doc comment for how to refresh it) and embedded as one string:
// nothing is built at start-up, and a lookup is a few binary searches over
// an index of its lines built on first use. It runs when a policy is
// validated, never per request.
package psl

import (
	_ "embed" // table.txt
	"iter"
	"sort"
	"strings"
	"sync"
)

//go:generate go run ../../tools/pslgen -commit e8c9a2b2b2856b6449999dd0ec0d118f364ed0cd -date 2026-08-19

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
	var r Rule
	if sec, ok := find(rev, '='); ok {
		r = Rule{domain, sec}
	} else if i := strings.LastIndexByte(rev, '.'); i >= 0 {
		if sec, ok := find(rev[:i], '*'); ok {
			r = Rule{"*." + domain[strings.IndexByte(domain, '.')+1:], sec}
		}
	}
	if r.Text == "" {
		return Rule{}, false
	}
	// An exception is rare: look for one only once a rule applies.
	for i := 0; i <= len(rev); i++ {
		if i == len(rev) || rev[i] == '.' {
			if _, ok := find(rev[:i], '!'); ok {
				return Rule{}, false
			}
		}
	}
	return r, true
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
	for i := lowerBound(prefix); i < len(lineStarts()); i++ {
		l := line(i)
		if !strings.HasPrefix(l, prefix) {
			break
		}
		r := parse(l)
		if n := strings.Count(r.Text, "."); !strings.HasPrefix(r.Text, "!") && (bestLabels == 0 || n < bestLabels) {
			best, bestLabels = r, n
		}
	}
	return best, bestLabels > 0
}

// All yields every rule of the table, in table order.
func All() iter.Seq[Rule] {
	return func(yield func(Rule) bool) {
		for i := range len(lineStarts()) {
			if !yield(parse(line(i))) {
				return
			}
		}
	}
}

// lineStarts indexes the lines of rules, so that a binary search step is
// one comparison. It is built on first use, by New with a wildcard
// pattern: 4 bytes a rule, and no start-up cost for programs that never
// need it.
var lineStarts = sync.OnceValue(func() []uint32 {
	starts := make([]uint32, 0, strings.Count(rules, "\n")+1)
	for i := 0; i < len(rules); {
		starts = append(starts, uint32(i))
		n := strings.IndexByte(rules[i:], '\n')
		if n < 0 {
			break
		}
		i += n + 1
	}
	return starts
})

// line returns line i of rules, without its newline.
func line(i int) string {
	starts := lineStarts()
	end := len(rules)
	if i+1 < len(starts) {
		end = int(starts[i+1]) - 1
	}
	return strings.TrimSuffix(rules[starts[i]:end], "\n")
}

// find reports the section of the rule of the given kind stored under the
// reversed domain rev.
func find(rev string, kind byte) (Section, bool) {
	if rev == "" {
		return 0, false
	}
	key := rev + " "
	for i := lowerBound(key); i < len(lineStarts()); i++ {
		l := line(i)
		if !strings.HasPrefix(l, key) {
			break
		}
		if l[len(key)] == kind {
			return Section(l[len(key)+1]), true
		}
	}
	return 0, false
}

// lowerBound returns the index of the first line of rules not less than
// key.
func lowerBound(key string) int {
	return sort.Search(len(lineStarts()), func(i int) bool { return line(i) >= key })
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
