package pslcheck

import (
	"slices"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/internal/psl"
	"golang.org/x/net/publicsuffix"
)

// How corsa.New names where an entry comes from.
const (
	icann      = "the Public Suffix List's ICANN section"
	private    = "the Public Suffix List's private section"
	supplement = "corsa's supplement to the Public Suffix List"
)

// Hand-picked suffixes, the expected entry and section read off
// public_suffix_list.dat and supplement.dat, checked through corsa.New
// with a pattern "https://*.<domain>".
var handPicked = []struct {
	domain string
	// entry is the list entry the refusal names, "" when the pattern is
	// allowed; beneath marks entries that make subdomains of domain
	// public rather than domain itself.
	entry, section string
	beneath        bool
}{
	// Issue 13's list: each passed the former built-in list.
	{"s3.amazonaws.com", "s3.amazonaws.com", private, false},
	{"trycloudflare.com", "trycloudflare.com", private, false},
	{"ngrok.app", "ngrok.app", private, false},
	{"run.app", "*.run.app", private, true},
	{"deno.dev", "deno.dev", private, false},
	{"up.railway.app", "up.railway.app", private, false},
	{"cloudfunctions.net", "cloudfunctions.net", private, false},
	{"surge.sh", "surge.sh", supplement, false},
	{"r2.dev", "r2.dev", private, false},
	{"app.github.dev", "app.github.dev", supplement, false},
	{"me.uk", "me.uk", icann, false},
	{"gov.au", "gov.au", icann, false},
	{"ac.jp", "ac.jp", icann, false},
	{"com.ar", "com.ar", icann, false},
	{"eu.org", "eu.org", private, false},
	// The README's and SPEC.md's examples.
	{"co.uk", "co.uk", icann, false},
	{"github.io", "github.io", private, false},
	{"vercel.app", "vercel.app", private, false},
	// Wildcard and exception rules.
	{"foo.ck", "*.ck", icann, false},
	{"www.ck", "", "", false},
	{"example.foo.ck", "", "", false},
	{"x.kawasaki.jp", "*.kawasaki.jp", icann, false},
	{"kawasaki.jp", "*.kawasaki.jp", icann, true},
	{"city.kawasaki.jp", "", "", false},
	{"a-b.run.app", "*.run.app", private, false},
	// A domain with public suffixes under it.
	{"amazonaws.com", "s3.amazonaws.com", private, true},
	{"github.dev", "app.github.dev", supplement, true},
	// The former built-in list.
	{"blogspot.com", "blogspot.com", private, false},
	{"herokuapp.com", "herokuapp.com", private, false},
	{"appspot.com", "appspot.com", private, false},
	{"netlify.app", "netlify.app", private, false},
	{"pages.dev", "pages.dev", private, false},
	{"workers.dev", "workers.dev", private, false},
	{"web.app", "web.app", private, false},
	{"firebaseapp.com", "firebaseapp.com", private, false},
	{"azurewebsites.net", "azurewebsites.net", private, false},
	{"cloudfront.net", "cloudfront.net", private, false},
	{"gitlab.io", "gitlab.io", private, false},
	{"onrender.com", "onrender.com", private, false},
	{"fly.dev", "fly.dev", private, false},
	{"ngrok-free.app", "ngrok-free.app", private, false},
	{"ngrok.io", "ngrok.io", private, false},
	{"com.au", "com.au", icann, false},
	{"co.jp", "co.jp", icann, false},
	{"com.br", "com.br", icann, false},
	{"com.cn", "com.cn", icann, false},
	{"co.nz", "co.nz", icann, false},
	{"co.za", "co.za", icann, false},
	{"org.uk", "org.uk", icann, false},
	{"gov.uk", "gov.uk", icann, false},
	// An IDN rule, 公司.cn, as an Origin carries it.
	{"xn--55qx5d.cn", "xn--55qx5d.cn", icann, false},
	// Registrable domains, and names under them.
	{"example.com", "", "", false},
	{"example.co.uk", "", "", false},
	{"mine.github.io", "", "", false},
	{"myproject.vercel.app", "", "", false},
	{"bucket.s3.amazonaws.com", "", "", false},
	{"shop.example.com.ar", "", "", false},
	{"xn--bcher-kva.example", "", "", false},
	{"app.localhost", "", "", false},
	{"b.test", "", "", false},
	// kh's rules changed in 2026: "*.kh" gave way to "kh", "com.kh"...
	// corsa's list makes foo.kh registrable; x/net's older one does not.
	{"foo.kh", "", "", false},
}

func TestNewRefusesAWildcardOverEveryHandPickedSuffix(t *testing.T) {
	if len(handPicked) < 50 {
		t.Fatalf("%d hand-picked cases, want at least 50", len(handPicked))
	}
	for _, tt := range handPicked {
		pattern := "https://*." + tt.domain
		name := "New allows " + pattern
		if tt.entry != "" {
			name = "New refuses " + pattern + " naming " + tt.entry
		}
		t.Run(name, func(t *testing.T) {
			_, err := corsa.New(corsa.Config{Origins: []string{pattern}})
			if tt.entry == "" {
				if err != nil {
					t.Fatalf("New: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), "origin pattern too broad") {
				t.Fatalf("New: %v, want the pattern refused as too broad", err)
			}
			msg := err.Error()
			for _, want := range []string{`entry "` + tt.entry + `" of ` + tt.section, pattern} {
				if !strings.Contains(msg, want) {
					t.Errorf("error lacks %q: %s", want, msg)
				}
			}
			if want := tt.domain + " is a public suffix"; !tt.beneath && !strings.Contains(msg, want) {
				t.Errorf("error lacks %q: %s", want, msg)
			}
			if want := "subdomains of " + tt.domain + " are public suffixes"; tt.beneath && !strings.Contains(msg, want) {
				t.Errorf("error lacks %q: %s", want, msg)
			}
		})
	}
}

// The same cases through the lookup itself, and through x/net where the
// two lists agree: a refused domain is its own public suffix there, an
// allowed one is not.
func TestTheHandPickedSuffixesAgreeWithXNet(t *testing.T) {
	for _, tt := range handPicked {
		t.Run(tt.domain, func(t *testing.T) {
			rule, public := psl.Public(tt.domain)
			if public != (tt.entry != "" && !tt.beneath) || public && rule.Text != tt.entry {
				t.Errorf("psl.Public(%q) = %+v, %v", tt.domain, rule, public)
			}
			if tt.beneath || tt.section == supplement || slices.Contains(addedAfterXNet, tt.entry) || tt.domain == "foo.kh" {
				return // not about the domain itself, or not in x/net's older list
			}
			if ps, _ := publicsuffix.PublicSuffix(tt.domain); (ps == tt.domain) != public {
				t.Errorf("x/net: public suffix of %q is %q, corsa says public=%v", tt.domain, ps, public)
			}
		})
	}
}
