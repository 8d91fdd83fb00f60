package corsa_test

import (
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// neverMatch is an origin no browser can send, with what the error must
// say (the browser's serialisation, from the WHATWG URL standard's host
// parser and serialiser, or that no browser sends it) and the nearest
// legal origin, which New must accept and which must match the origin the
// browser does send.
type neverMatch struct {
	name     string
	origin   string
	says     string
	legal    string
	sentAs   string // the Origin header the legal entry matches
	withCred bool
}

var neverMatches = []neverMatch{
	{"an IPv4 part with a leading zero", "http://127.0.0.01", "127.0.0.1", "http://127.0.0.1", "http://127.0.0.1", false},
	{"a leading-zero loopback address with credentials", "http://127.0.0.01", "127.0.0.1", "http://127.0.0.1", "http://127.0.0.1", true},
	{"an IPv4 part in hex", "https://0x7f.0.0.1", "127.0.0.1", "https://127.0.0.1", "https://127.0.0.1", false},
	{"an IPv4 address in two parts", "https://127.1", "127.0.0.1", "https://127.0.0.1", "https://127.0.0.1", false},
	{"an IPv4 address as one number", "https://2130706433:8443", "127.0.0.1", "https://127.0.0.1:8443", "https://127.0.0.1:8443", false},
	{"an IPv4 address in octal", "https://0300.0250.0.1", "192.168.0.1", "https://192.168.0.1", "https://192.168.0.1", false},
	{"five IPv4 parts", "https://1.2.3.4.5", "no browser can send it", "https://1.2.3.4", "https://1.2.3.4", false},
	{"a last IPv4 part above 255", "https://1.2.3.256", "no browser can send it", "https://1.2.3.255", "https://1.2.3.255", false},
	{"an IPv4 part above 255", "https://256.0.0.1", "no browser can send it", "https://255.0.0.1", "https://255.0.0.1", false},
	{"a domain whose last label is a number", "https://example.123", "no browser can send it", "https://example.123a", "https://example.123a", false},
	{"a domain whose last label is a hex number", "https://example.0x1f", "no browser can send it", "https://example.0x1g", "https://example.0x1g", false},
	{"an IPv6 address without compression", "https://[0:0:0:0:0:0:0:1]", "[::1]", "https://[::1]", "https://[::1]", false},
	{"an IPv6 address with a dotted IPv4 tail", "https://[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "https://[::ffff:7f00:1]", "https://[::ffff:7f00:1]", false},
	{"an IPv6 address with leading zeros", "https://[2001:0db8::1]:8443", "[2001:db8::1]", "https://[2001:db8::1]:8443", "https://[2001:db8::1]:8443", false},
	{"an IPv6 address compressing the later of two equal runs", "https://[2001:db8:0:0:1::1]", "[2001:db8::1:0:0:1]", "https://[2001:db8::1:0:0:1]", "https://[2001:db8::1:0:0:1]", false},
	{"an IPv6 address compressing a single zero piece", "https://[1::1:1:1:1:1:1]", "[1:0:1:1:1:1:1:1]", "https://[1:0:1:1:1:1:1:1]", "https://[1:0:1:1:1:1:1:1]", false},
	{"an IPv4 address in brackets", "https://[1.2.3.4]", "invalid IPv6 literal", "https://1.2.3.4", "https://1.2.3.4", false},
	{"an empty punycode label", "https://xn--.com", `"xn--" is not valid punycode`, "https://xn--bcher-kva.com", "https://xn--bcher-kva.com", false},
	{"a punycode label that decodes to ASCII", "https://xn--abc-.com", `"xn--abc-" is not valid punycode`, "https://abc.com", "https://abc.com", false},
	{"a punycode label with a bad digit", "https://xn--bcher-kv_.com", `"xn--bcher-kv_" is not valid punycode`, "https://xn--bcher-kva.com", "https://xn--bcher-kva.com", false},
	{"a pattern over an invalid punycode label", "https://*.xn--.com", `"xn--" is not valid punycode`, "https://*.xn--bcher-kva.com", "https://a.xn--bcher-kva.com", false},
	{"a file origin", "file://localhost", `browsers send "null"`, "null", "null", false},
}

func TestNewRefusesOriginsNoBrowserCanSend(t *testing.T) {
	for _, tc := range neverMatches {
		t.Run("it refuses "+tc.name+" and says what the browser sends", func(t *testing.T) {
			_, err := corsa.New(withOrigin(tc.origin, tc.withCred))
			if err == nil {
				t.Fatalf("New accepted %q", tc.origin)
			}
			if all := configErrors(t, err); len(all) != 1 || all[0].Field != "origins[1]" || all[0].Value != tc.origin {
				t.Fatalf("want one problem with origins[1] %q, got %v", tc.origin, err)
			}
			if !strings.Contains(err.Error(), ": invalid origin: ") {
				t.Errorf("message %q does not say the origin is invalid", err)
			}
			if !strings.Contains(err.Error(), tc.says) {
				t.Errorf("message %q does not say %q", err, tc.says)
			}
		})
		t.Run("it accepts the nearest legal origin to "+tc.name+" and matches what browsers send", func(t *testing.T) {
			cfg := withOrigin(tc.legal, tc.withCred)
			cfg.DangerouslyAllowNullOrigin = tc.legal == "null"
			p, err := corsa.New(cfg)
			if err != nil {
				t.Fatalf("New(%q): %v", tc.legal, err)
			}
			if d := corsa.Decide(p, &corsa.Request{Method: "GET", Origin: tc.sentAs}); !granted(d, tc.sentAs) {
				t.Errorf("origin %q refused: %v", tc.sentAs, d.Reason())
			}
		})
	}
}

func TestNewRefusesMethodsLongerThanARequestMayAskFor(t *testing.T) {
	long := strings.Repeat("X", 65)
	_, err := corsa.New(corsa.Config{Methods: []string{"PUT", long}})
	if err == nil {
		t.Fatal("New accepted a 65-byte method")
	}
	if all := configErrors(t, err); len(all) != 1 || all[0].Field != "methods[1]" || !strings.Contains(all[0].Detail, "64 bytes") ||
		!strings.Contains(err.Error(), ": invalid method: ") {
		t.Errorf("want one problem naming methods[1] and the 64-byte limit, got %v", err)
	}

	t.Run("a 64-byte method is accepted and allowed in a preflight", func(t *testing.T) {
		m := strings.Repeat("X", 64)
		p := mustPolicy(t, corsa.Config{Origins: []string{okOrigin}, Methods: []string{m}})
		d := corsa.Decide(p, &corsa.Request{Method: "OPTIONS", Origin: okOrigin, RequestMethod: m})
		if d.Reason() != corsa.Allowed || d.Status() != 204 {
			t.Errorf("preflight for the listed 64-byte method refused: %v", d.Reason())
		}
	})
}
