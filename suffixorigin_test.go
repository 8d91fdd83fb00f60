package corsa_test

import (
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// SPEC.md §5: an exact origin whose host is itself a public suffix is
// accepted, but with credentials it draws a warning naming the list entry.
func TestExactOriginsThatArePublicSuffixesWarnWithCredentials(t *testing.T) {
	for _, tt := range []struct {
		origin      string
		credentials bool
		want        string // in the one warning; "" for none
	}{
		{"https://s3.amazonaws.com", true, `s3.amazonaws.com is a public suffix (entry "s3.amazonaws.com" of the Public Suffix List's private section)`},
		{"https://co.uk", true, `co.uk is a public suffix (entry "co.uk" of the Public Suffix List's ICANN section)`},
		{"https://github.io", true, `github.io is a public suffix (entry "github.io" of the Public Suffix List's private section)`},
		{"https://com", true, "com is a top-level domain, a public suffix"},
		{"https://s3.amazonaws.com", false, ""},
		{"https://bucket.s3.amazonaws.com", true, ""},
		{"https://app.example.com", true, ""},
		{"http://localhost:8080", true, ""},
		{"https://127.0.0.1", true, ""},
		{"https://[::1]", true, ""},
	} {
		name := tt.origin + " without credentials"
		if tt.credentials {
			name = tt.origin + " with credentials"
		}
		t.Run(name, func(t *testing.T) {
			p, err := corsa.New(corsa.Config{Origins: []string{tt.origin}, Credentials: tt.credentials})
			if err != nil {
				t.Fatal(err)
			}
			w := p.Warnings()
			switch {
			case tt.want == "" && len(w) != 0:
				t.Errorf("warnings %q, want none", w)
			case tt.want != "" && (len(w) != 1 || !strings.Contains(w[0], tt.want) || !strings.HasPrefix(w[0], `origins[0] "`+tt.origin+`": `)):
				t.Errorf("warnings %q, want one for origins[0] containing %q", w, tt.want)
			}
		})
	}
}
