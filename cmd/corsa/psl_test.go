package main

import (
	"strings"
	"testing"
)

// `corsa check` refuses a wildcard over each public suffix of issue 13,
// naming the list entry and where it comes from (read off
// core/internal/psl/public_suffix_list.dat and supplement.dat).
func TestCheckRejectsWildcardsOverPublicSuffixes(t *testing.T) {
	const (
		icann      = "the Public Suffix List's ICANN section"
		private    = "the Public Suffix List's private section"
		supplement = "corsa's supplement to the Public Suffix List"
	)
	tests := []struct{ suffix, entry, section string }{
		{"s3.amazonaws.com", "s3.amazonaws.com", private},
		{"trycloudflare.com", "trycloudflare.com", private},
		{"ngrok.app", "ngrok.app", private},
		{"run.app", "*.run.app", private},
		{"deno.dev", "deno.dev", private},
		{"up.railway.app", "up.railway.app", private},
		{"cloudfunctions.net", "cloudfunctions.net", private},
		{"surge.sh", "surge.sh", supplement},
		{"r2.dev", "r2.dev", private},
		{"app.github.dev", "app.github.dev", supplement},
		{"me.uk", "me.uk", icann},
		{"gov.au", "gov.au", icann},
		{"ac.jp", "ac.jp", icann},
		{"com.ar", "com.ar", icann},
		{"eu.org", "eu.org", private},
		{"co.uk", "co.uk", icann},
		{"github.io", "github.io", private},
		{"vercel.app", "vercel.app", private},
		{"foo.ck", "*.ck", icann},
	}
	for _, tt := range tests {
		t.Run("check rejects https://*."+tt.suffix+" naming "+tt.entry, func(t *testing.T) {
			pattern := "https://*." + tt.suffix
			status, out, _ := runCLI(t, "", "check", writePolicy(t, `{"origins":["`+pattern+`"],"credentials":true}`))
			if status != 1 {
				t.Errorf("exit status = %d, want 1\n%s", status, out)
			}
			for _, w := range []string{`origins[0] "` + pattern + `"`, "origin pattern too broad", `entry "` + tt.entry + `" of ` + tt.section} {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestCheckAcceptsAWildcardUnderAnExceptionRule(t *testing.T) {
	// "!www.ck" makes www.ck registrable although "*.ck" covers it.
	status, out, _ := runCLI(t, "", "check", writePolicy(t, `{"origins":["https://*.www.ck"]}`))
	if status != 0 || !strings.Contains(out, ": ok\n") {
		t.Errorf("exit status %d, output:\n%s", status, out)
	}
}
