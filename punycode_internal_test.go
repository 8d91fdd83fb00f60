package corsa

import (
	"strings"
	"testing"
)

// The decoder against labels encoded by another implementation (Python's
// punycode codec), and RFC 3492's sample strings, lower-cased as a host
// carries them.
func TestDecodePunycode(t *testing.T) {
	valid := []struct{ name, encoded, decoded string }{
		{"one non-ASCII letter among ASCII", "bcher-kva", "b\u00fccher"},
		{"a letter after the ASCII ones", "mnchen-3ya", "m\u00fcnchen"},
		{"only non-ASCII, two runes", "fiqs8s", "\u4e2d\u56fd"},
		{"one symbol", "n3h", "\u2603"},
		{"Cyrillic", "e1afmkfd", "\u043f\u0440\u0438\u043c\u0435\u0440"},
		{"the last code point", "dn32g", "\U0010ffff"},
		{"the last code point between ASCII", "ab-ke24y", "a\U0010ffffb"},
		{"RFC 3492's Arabic sample", "egbpdaj6bu4bxfgehfvwxn", "\u0644\u064a\u0647\u0645\u0627\u0628\u062a\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064a\u061f"},
		{"RFC 3492's Czech sample", "proprostnemluvesky-uyb24dma41a", "pro\u010dprost\u011bnemluv\u00ed\u010desky"},
		// The bias adaptation's loop stops only above 455: this label
		// has a delta of exactly 455.
		{"a delta at the bias adaptation's threshold", "v-npvp35in9vslw", "\u6bdbv\u33cb\u52f5\u8005"},
		{"digits z and 0", "zmb20q4w2ft62b7m7a", "\u0706\u4bbd\u9f08\u0ab6\u7f18"},
		// A digit at k = bias takes the lower threshold, tMin.
		{"a digit where k equals the bias", "4hb", "\u065c"},
	}
	for _, tc := range valid {
		t.Run("it decodes "+tc.name, func(t *testing.T) {
			var buf [maxLabelLen]rune
			got, ok := decodePunycode(tc.encoded, buf[:0])
			if !ok || string(got) != tc.decoded {
				t.Errorf("decodePunycode(%q) = %q, %v; want %q, true", tc.encoded, string(got), ok, tc.decoded)
			}
		})
	}
	invalid := []struct{ name, encoded string }{
		{"a label cut inside a number", "bcher-kv"},
		{"a digit out of the alphabet", "bcher-k_a"},
		{"an upper-case digit, which hosts never carry", "bcher-kVa"},
		{"a non-ASCII basic code point", "b\u00fccher-kva"},
		{"a number that overflows", "99999999999"},
		{"a delta that overflows the code point", "2116146o"},
		{"a basic code point of 0x80", "\x80-kva"},
		// RFC 3492 §6.2 consumes the last delimiter only after at least one
		// basic code point, so a leading one is read as a digit, and fails,
		// as in ICU, which Chromium's URL parser uses.
		{"a delimiter with no basic code point before it", "-n3h"},
		{"a code point beyond Unicode", "zzzzzzzz"},
		{"more basic code points than a label holds", strings.Repeat("a", maxLabelLen+1) + "-"},
		{"more runes than a label holds", strings.Repeat("a", maxLabelLen) + "-kva"},
	}
	for _, tc := range invalid {
		t.Run("it refuses "+tc.name, func(t *testing.T) {
			var buf [maxLabelLen]rune
			if got, ok := decodePunycode(tc.encoded, buf[:0]); ok {
				t.Errorf("decodePunycode(%q) = %q, true; want false", tc.encoded, string(got))
			}
		})
	}
}

// A label a browser would have mapped to lower case before encoding, or
// that decodes to ASCII, is not one it sends.
func TestValidPunycodeLabel(t *testing.T) {
	for _, tc := range []struct {
		name, code string
		valid      bool
	}{
		{"a lower-case letter", "bcher-kva", true},
		{"an upper-case non-ASCII letter", "bcher-2pa", false},
		{"a surrogate code point", "ib9b", false},
		{"only ASCII", "abc-", false},
		{"nothing", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := validPunycodeLabel(tc.code); got != tc.valid {
				t.Errorf("validPunycodeLabel(%q) = %v, want %v", tc.code, got, tc.valid)
			}
		})
	}
}
