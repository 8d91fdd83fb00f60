package psl_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/corsa-go/corsa/internal/psl"
)

// The expected rules are read off public_suffix_list.dat and
// supplement.dat by hand.
func TestPublicAppliesTheListsRules(t *testing.T) {
	tests := []struct {
		domain string
		want   psl.Rule // Text "" for not public
	}{
		{"co.uk", psl.Rule{Text: "co.uk", Section: psl.ICANN}},
		{"com", psl.Rule{Text: "com", Section: psl.ICANN}},
		{"github.io", psl.Rule{Text: "github.io", Section: psl.Private}},
		{"s3.amazonaws.com", psl.Rule{Text: "s3.amazonaws.com", Section: psl.Private}},
		{"foo.ck", psl.Rule{Text: "*.ck", Section: psl.ICANN}},
		{"www.ck", psl.Rule{}},
		{"a.www.ck", psl.Rule{}},
		{"ck", psl.Rule{}}, // public only by the implicit "*" rule, left to the caller
		{"x.kawasaki.jp", psl.Rule{Text: "*.kawasaki.jp", Section: psl.ICANN}},
		{"city.kawasaki.jp", psl.Rule{}},
		{"xn--55qx5d.cn", psl.Rule{Text: "xn--55qx5d.cn", Section: psl.ICANN}},
		{"surge.sh", psl.Rule{Text: "surge.sh", Section: psl.Supplement}},
		{"app.github.dev", psl.Rule{Text: "app.github.dev", Section: psl.Supplement}},
		{"example.com", psl.Rule{}},
		{"example.co.uk", psl.Rule{}},
		{"amazonaws.com", psl.Rule{}},
		{"run.app", psl.Rule{}},
		{"", psl.Rule{}},
		{".", psl.Rule{}},
		{"co..uk", psl.Rule{}},
	}
	for _, tt := range tests {
		name := tt.domain + " is not public"
		if tt.want.Text != "" {
			name = tt.domain + " is public by " + tt.want.Text
		}
		t.Run(name, func(t *testing.T) {
			got, ok := psl.Public(tt.domain)
			if got != tt.want || ok != (tt.want.Text != "") {
				t.Errorf("Public(%q) = %+v, %v; want %+v", tt.domain, got, ok, tt.want)
			}
		})
	}
}

func TestBeneathFindsPublicSuffixesUnderADomain(t *testing.T) {
	tests := []struct {
		domain string
		want   psl.Rule
	}{
		{"amazonaws.com", psl.Rule{Text: "s3.amazonaws.com", Section: psl.Private}},
		{"run.app", psl.Rule{Text: "*.run.app", Section: psl.Private}},
		{"kawasaki.jp", psl.Rule{Text: "*.kawasaki.jp", Section: psl.ICANN}},
		{"github.dev", psl.Rule{Text: "app.github.dev", Section: psl.Supplement}},
		{"example.com", psl.Rule{}},
		{"city.kawasaki.jp", psl.Rule{}},
		{"www.ck", psl.Rule{}},
	}
	for _, tt := range tests {
		t.Run("under "+tt.domain+" the list has "+tt.want.Text, func(t *testing.T) {
			got, ok := psl.Beneath(tt.domain)
			if got != tt.want || ok != (tt.want.Text != "") {
				t.Errorf("Beneath(%q) = %+v, %v; want %+v", tt.domain, got, ok, tt.want)
			}
		})
	}
}

// The suffixes corsa refused from its former built-in list stay refused,
// except glitch.me, which the list no longer has.
func TestTheFormerBuiltInSuffixesAreStillFound(t *testing.T) {
	for _, d := range []string{
		"co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.jp", "ne.jp",
		"or.jp", "co.nz", "com.br", "com.cn", "com.mx", "co.in", "co.za", "com.tw", "com.hk",
		"com.sg", "com.tr", "co.kr", "github.io", "gitlab.io", "herokuapp.com", "vercel.app",
		"netlify.app", "pages.dev", "workers.dev", "appspot.com", "azurewebsites.net",
		"cloudfront.net", "amazonaws.com", "firebaseapp.com", "web.app", "blogspot.com",
		"ngrok.io", "ngrok-free.app", "onrender.com", "fly.dev", "repl.co",
	} {
		_, public := psl.Public(d)
		_, beneath := psl.Beneath(d)
		if !public && !beneath {
			t.Errorf("%s is neither public nor above a public suffix", d)
		}
	}
}

func TestAllYieldsEveryRuleInOrderOnce(t *testing.T) {
	var texts []string
	sections := map[psl.Section]int{}
	for r := range psl.All() {
		texts = append(texts, r.Text)
		sections[r.Section]++
		if r.Section.String() == "an unknown section" || r.Text == "" || strings.ContainsAny(r.Text, " \n") {
			t.Errorf("malformed rule %+v", r)
		}
	}
	// 10248 rules in public_suffix_list.dat (grep -v '^//' | grep -c .)
	// and 2 in supplement.dat.
	if len(texts) != 10250 {
		t.Errorf("%d rules, want 10250", len(texts))
	}
	if sections[psl.Supplement] != 2 {
		t.Errorf("%d supplement rules, want 2", sections[psl.Supplement])
	}
	for _, want := range []string{"*.ck", "!www.ck", "co.uk", "s3.amazonaws.com"} {
		if !slices.Contains(texts, want) {
			t.Errorf("All lacks %q", want)
		}
	}
	for r := range psl.All() {
		if r.Text == "co.uk" {
			break // stopping early must not panic
		}
	}
}

func BenchmarkPublic(b *testing.B) {
	for b.Loop() {
		psl.Public("app.example.co.uk")
		psl.Beneath("app.example.co.uk")
	}
}
