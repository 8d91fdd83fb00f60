package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
)

// The sample strings of RFC 3492 §7.1, with the encodings it gives.
func TestPunycodeEncodesTheRFC3492Samples(t *testing.T) {
	tests := []struct{ name, label, want string }{
		{"(A) Arabic (Egyptian)", "\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F", "egbpdaj6bu4bxfgehfvwxn"},
		{"(B) Chinese (simplified)", "他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"},
		{"(C) Chinese (traditional)", "他們爲什麽不說中文", "ihqwctvzc91f659drss3x8bo0yb"},
		{"(L) 3<nen>B<gumi><kinpachi><sensei>", "3年B組金八先生", "3B-ww4c5e180e575a65lsy2b"},
		{"(M) <amuro><namie>-with-SUPER-MONKEYS", "安室奈美恵-with-SUPER-MONKEYS", "-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n"},
		{"(O) <pafii>de<runba>", "パフィーdeルンバ", "de-jg4avhby1noc0d"},
		{"(P) <sono><supiido><de>", "そのスピードで", "d9juau41awczczp"},
	}
	for _, tt := range tests {
		t.Run("sample "+tt.name+" encodes as the RFC says", func(t *testing.T) {
			got, err := punycode(tt.label)
			if err != nil || got != tt.want {
				t.Errorf("punycode(%q) = %q, %v; want %q", tt.label, got, err, tt.want)
			}
		})
	}
}

func TestToASCIIConvertsOnlyTheUnicodeLabels(t *testing.T) {
	tests := []struct{ in, want string }{
		{"co.uk", "co.uk"},
		{"公司.cn", "xn--55qx5d.cn"},
		{"bücher.example", "xn--bcher-kva.example"},
	}
	for _, tt := range tests {
		t.Run(tt.in+" becomes "+tt.want, func(t *testing.T) {
			if got, err := toASCII(tt.in); err != nil || got != tt.want {
				t.Errorf("toASCII(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
	if _, err := toASCII("a.\xff"); err == nil {
		t.Error("toASCII accepted invalid UTF-8")
	}
}

const tinyList = `// licence header

// ===BEGIN ICANN DOMAINS===
uk
co.uk
// a comment
*.ck
!www.ck
公司.cn   trailing text is ignored
// ===END ICANN DOMAINS===

// ===BEGIN PRIVATE DOMAINS===
github.io
// ===END PRIVATE DOMAINS===
`

func TestGenerateWritesOneSortedLinePerRule(t *testing.T) {
	var out bytes.Buffer
	if err := generate(strings.NewReader(tinyList), strings.NewReader("// ours\nsurge.sh\n"), &out, "abc", "2026-01-02"); err != nil {
		t.Fatal(err)
	}
	header, body, ok := strings.Cut(out.String(), "\n\n")
	if !ok {
		t.Fatalf("no empty line after the header:\n%s", out.String())
	}
	for _, want := range []string{"commit abc (2026-01-02), 6 rules", "Mozilla Public License 2.0", "\n// licence header\n", "supplement.dat, 1 rules"} {
		if !strings.Contains(header, want) {
			t.Errorf("header lacks %q:\n%s", want, header)
		}
	}
	want := "ck *I\nck.www !I\ncn.xn--55qx5d =I\nio.github =P\nsh.surge =C\nuk =I\nuk.co =I\n"
	if body != want {
		t.Errorf("table body:\n%s\nwant:\n%s", body, want)
	}
}

func TestGenerateRefusesWhatItDoesNotUnderstand(t *testing.T) {
	section := func(rules string) string {
		return "// ===BEGIN ICANN DOMAINS===\n" + rules + "\n// ===END ICANN DOMAINS===\n// ===BEGIN PRIVATE DOMAINS===\n// ===END PRIVATE DOMAINS===\n"
	}
	tests := []struct{ name, list, extra, want string }{
		{"a rule outside any section", "co.uk\n" + section(""), "", "outside"},
		{"a rule given twice", section("co.uk\nco.uk"), "", "twice"},
		{"a supplement rule the list already has", section("surge.sh"), "surge.sh", "twice"},
		{"an upper-case label", section("Co.uk"), "", "not lower-case"},
		{"a wildcard inside a rule", section("a.*.uk"), "", "not lower-case"},
		{"an empty label", section("co..uk"), "", "not lower-case"},
		{"an exception of one label", section("!uk"), "", "two labels"},
		{"a list without its private section", "// ===BEGIN ICANN DOMAINS===\nuk\n// ===END ICANN DOMAINS===\n", "", "private"},
		{"a section left open", "// ===BEGIN ICANN DOMAINS===\nuk\n// ===BEGIN PRIVATE DOMAINS===\n", "", "inside another"},
		{"an end without a beginning", "// ===END ICANN DOMAINS===\n", "", "did not begin"},
	}
	for _, tt := range tests {
		t.Run("generate refuses "+tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := generate(strings.NewReader(tt.list), strings.NewReader(tt.extra), &out, "c", "d")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

// table.txt must be what the generator makes of the committed list and
// supplement, with the commit and date of psl.go's go:generate line: a
// list updated without running go generate fails here.
func TestTheCommittedTableIsUpToDate(t *testing.T) {
	src, err := os.ReadFile("../../internal/psl/psl.go")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^//go:generate go run \.\./\.\./tools/pslgen -commit ([0-9a-f]{40}) -date (\d{4}-\d\d-\d\d)$`).FindSubmatch(src)
	if m == nil {
		t.Fatal("psl.go has no go:generate line with -commit and -date")
	}
	list, err := os.Open("../../internal/psl/public_suffix_list.dat")
	if err != nil {
		t.Fatal(err)
	}
	defer list.Close()
	extra, err := os.Open("../../internal/psl/supplement.dat")
	if err != nil {
		t.Fatal(err)
	}
	defer extra.Close()
	var want bytes.Buffer
	if err := generate(list, extra, &want, string(m[1]), string(m[2])); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../internal/psl/table.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Error("table.txt differs from what the generator makes: run go generate ./internal/psl")
	}
}
