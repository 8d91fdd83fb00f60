package main

import (
	"slices"
	"testing"

	"github.com/corsa-go/corsa/conformance"
)

func TestRender(t *testing.T) {
	section := map[string]string{
		"a refused preflight answers 403":                                 "§2",
		"a refused origin gets no headers":                                "§3",
		"exact https://a.test refuses a preflight from null":              "§7",
		"exact https://a.test refuses a preflight from https://evil.test": "§7",
	}
	reference := row{Name: "corsa (net/http)", Version: "(devel)", Tally: conformance.Tally{Passed: 7}}
	tests := []struct {
		name string
		rows []row
		want string
	}{
		{
			name: "a perfect row gets no section of its own",
			rows: []row{reference},
			want: intro + `| library | version | passed | failed | cannot express |
|---|---|--:|--:|--:|
| corsa (net/http) | (devel) | 7 | 0 | 0 |
`,
		},
		{
			name: "a peer's section counts problem kinds, escaping pipes, and lists failed cases by section, then what it cannot express",
			rows: []row{
				reference,
				{
					Name:    "peer (net/http)",
					Version: "v1.2.3",
					Tally:   conformance.Tally{Passed: 1, Failed: 5, CannotExpress: 3}, Failures: []failure{
						{Case: "a refused origin gets no headers", Problems: []string{`unexpected Access-Control-Allow-Origin: ["https://evil.test"]`}},
						{Case: "exact https://a.test refuses a preflight from null", Problems: []string{"status 204, want 403", `unexpected Access-Control-Allow-Origin: ["null"]`}},
						{Case: "a refused preflight answers 403", Problems: []string{"status 204, want 403"}},
						{Case: "exact https://a.test refuses a preflight from https://evil.test", Problems: []string{"status 204, want 403", `Vary ["Origin"] lacks "Access-Control-Request-Method"`}},
						{Case: "a case the report has no section for", Problems: []string{"panicked: a | b"}},
					},
					CannotExpress: []reason{{Why: "peer has no Private Network Access support", Cases: 2}, {Why: "peer cannot send Access-Control-Max-Age: 0", Cases: 1}},
				},
			},
			want: intro + `| library | version | passed | failed | cannot express |
|---|---|--:|--:|--:|
| corsa (net/http) | (devel) | 7 | 0 | 0 |
| peer (net/http) | v1.2.3 | 1 | 5 | 3 |

## peer (net/http)

5 cases failed. What went wrong, by number of cases:

| problem | cases |
|---|--:|
| status 204, want 403 | 3 |
| unexpected Access-Control-Allow-Origin: … | 2 |
| Vary … lacks "Access-Control-Request-Method" | 1 |
| panicked: a \| b | 1 |

<details><summary>Failed cases by SPEC.md section</summary>

- **§3** (1): a refused origin gets no headers
- **§7** (2): exact https://a.test refuses a preflight from {null | https://evil.test}
- **§2** (1): a refused preflight answers 403
- **other** (1): a case the report has no section for

</details>

Cannot express:

- peer has no Private Network Access support (2 cases)
- peer cannot send Access-Control-Max-Age: 0 (1 case)
`,
		},
		{
			name: "a skipped column appears when some library skipped cases, and an unknown version shows as ?",
			rows: []row{reference, {Name: "fasthttp peer", Tally: conformance.Tally{Passed: 6, Skipped: 1}}},
			want: intro + `| library | version | passed | failed | cannot express | skipped (quirk) |
|---|---|--:|--:|--:|--:|
| corsa (net/http) | (devel) | 7 | 0 | 0 | 0 |
| fasthttp peer | ? | 6 | 0 | 0 | 1 |
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(tt.rows, section); got != tt.want {
				t.Errorf("render:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestMergePrefixes(t *testing.T) {
	tests := []struct {
		name  string
		names []string
		want  []string
	}{
		{
			name:  "a run of names sharing the leading words of its first two is written once with the rest in braces",
			names: []string{"exact a refuses a preflight from null", "exact a refuses a preflight from b", "exact a refuses an actual request from b"},
			want:  []string{"exact a refuses a preflight from {null | b}", "exact a refuses an actual request from b"},
		},
		{
			name:  "names sharing fewer than three words stay apart",
			names: []string{"a preflight refused", "a preflight allowed", "the handler runs"},
			want:  []string{"a preflight refused", "a preflight allowed", "the handler runs"},
		},
		{
			name:  "only consecutive names merge",
			names: []string{"one two three four", "other", "one two three five"},
			want:  []string{"one two three four", "other", "one two three five"},
		},
		{
			name:  "words are compared whole",
			names: []string{"max age of 600 is sent", "max age of 6000 is refused"},
			want:  []string{"max age of {600 is sent | 6000 is refused}"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mergePrefixes(tt.names); !slices.Equal(got, tt.want) {
				t.Errorf("mergePrefixes(%q) = %q, want %q", tt.names, got, tt.want)
			}
		})
	}
}

func TestAddCannotExpressCountsEachReasonOnce(t *testing.T) {
	var r row
	for _, why := range []string{"no PNA", "no max-age 0", "no PNA"} {
		r.addCannotExpress(why)
	}
	want := []reason{{"no PNA", 2}, {"no max-age 0", 1}}
	if !slices.Equal(r.CannotExpress, want) {
		t.Errorf("CannotExpress = %v, want %v", r.CannotExpress, want)
	}
}
