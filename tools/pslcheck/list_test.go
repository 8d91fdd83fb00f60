package pslcheck

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/corsa-go/corsa/internal/psl"
	"golang.org/x/net/idna"
)

// listRule is one rule of public_suffix_list.dat as this test reads it,
// independently of core's generator: converted to ASCII the way x/net's
// own generator does (idna.ToASCII).
type listRule struct {
	text    string
	section psl.Section
}

func readList(t *testing.T) []listRule {
	t.Helper()
	f, err := os.Open("../../internal/psl/public_suffix_list.dat")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rules []listRule
	var section psl.Section
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.Contains(line, "===BEGIN ICANN DOMAINS==="):
			section = psl.ICANN
		case strings.Contains(line, "===BEGIN PRIVATE DOMAINS==="):
			section = psl.Private
		case strings.Contains(line, "===END "):
			section = 0
		case line == "" || strings.HasPrefix(line, "//"):
		default:
			if section == 0 {
				t.Fatalf("rule %q outside a section", line)
			}
			ascii, err := idna.ToASCII(strings.Fields(line)[0])
			if err != nil {
				t.Fatalf("rule %q: %v", line, err)
			}
			rules = append(rules, listRule{ascii, section})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rules
}

// The table holds exactly the list's rules, Unicode ones in the Punycode
// x/net's idna package makes of them, plus corsa's supplement.
func TestTheTableHoldsEveryRuleOfTheListAndNoOther(t *testing.T) {
	want := map[listRule]bool{}
	for _, r := range readList(t) {
		want[r] = true
	}
	if len(want) < 10000 {
		t.Fatalf("read only %d rules from the list", len(want))
	}
	got := map[listRule]bool{}
	for r := range psl.All() {
		if r.Section == psl.Supplement {
			continue
		}
		got[listRule{r.Text, r.Section}] = true
		if !want[listRule{r.Text, r.Section}] {
			t.Errorf("the table has %q (%v), the list does not", r.Text, r.Section)
		}
	}
	for r := range want {
		if !got[r] {
			t.Errorf("the table lacks %q (%v)", r.text, r.section)
		}
	}
}
