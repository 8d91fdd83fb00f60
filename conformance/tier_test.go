package conformance_test

import (
	"strings"
	"testing"

	"github.com/corsa-go/corsa/conformance"
)

// TestEveryCaseHasATier: every case is in exactly one of the four tiers,
// and each tier holds cases.
func TestEveryCaseHasATier(t *testing.T) {
	count := map[conformance.Tier]int{}
	for _, c := range conformance.Cases() {
		if !strings.Contains(" browser config hardening corsa ", " "+string(c.Tier)+" ") {
			t.Errorf("%q: tier %q", c.Name, c.Tier)
		}
		count[c.Tier]++
	}
	for _, tier := range conformance.Tiers {
		if count[tier] == 0 {
			t.Errorf("no case in tier %s", tier)
		}
	}
	t.Logf("cases per tier: %v", count)
}

// TestTiersFollowTheRequest pins the tier of cases whose request decides
// it: what a browser's Fetch writes is browser, what it never writes is
// hardening, a refused configuration is config, corsa's own choices are
// corsa.
func TestTiersFollowTheRequest(t *testing.T) {
	want := map[string]conformance.Tier{
		// Fetch's own forms.
		"exact https://example.com refuses an actual request from https://evil.com":                                        conformance.TierBrowser,
		"exact https://example.com refuses a preflight from null":                                                          conformance.TierBrowser,
		"exact https://example.com refuses a preflight from https://example.com.":                                          conformance.TierBrowser,
		"request headers in the browser's lower-case sorted form are allowed":                                              conformance.TierBrowser,
		"method names are case-sensitive: patch does not match a listed PATCH":                                             conformance.TierBrowser,
		"a GET without Origin reaches the handler and gets only Vary: Origin":                                              conformance.TierBrowser,
		"an OPTIONS with Origin but no Access-Control-Request-Method is an actual request and reaches the OPTIONS handler": conformance.TierBrowser,
		// What Fetch never writes.
		"exact https://example.com refuses an actual request from https://EXAMPLE.com":                conformance.TierHardening,
		"exact https://example.com refuses a preflight from https://example.com:443":                  conformance.TierHardening,
		"method names are case-sensitive: Put does not match a listed PUT":                            conformance.TierHardening,
		"request headers in mixed case are allowed":                                                   conformance.TierHardening,
		"request headers split over two lines are all allowed":                                        conformance.TierHardening,
		"an actual request with the allowed Origin on two lines is refused":                           conformance.TierHardening,
		"a request without Origin but with preflight headers is not CORS and reaches the handler":     conformance.TierHardening,
		"a megabyte of commas is refused":                                                             conformance.TierHardening,
		"subdomain pattern https://*.example.com refuses a preflight from https://a..example.com":     conformance.TierHardening,
		"subdomain pattern https://*.example.com refuses an actual request from https://.example.com": conformance.TierHardening,
		"ten thousand distinct names are refused by a header wildcard":                                conformance.TierHardening,
		// Configuration and corsa's choices.
		"a policy with an origin wildcard with credentials is refused":               conformance.TierConfig,
		"an allowed preflight answers 204 by default":                                conformance.TierCorsa,
		"a refused preflight answers 403 even when the preflight status is 200":      conformance.TierCorsa,
		"a credentialed preflight for PUT gets the whole method list":                conformance.TierCorsa,
		"an any-origin policy answers a preflight with * and still varies by Origin": conformance.TierCorsa,
	}
	for _, c := range conformance.Cases() {
		if w, ok := want[c.Name]; ok {
			if c.Tier != w {
				t.Errorf("%q: tier %s, want %s", c.Name, c.Tier, w)
			}
			delete(want, c.Name)
		}
	}
	for name := range want {
		t.Errorf("no case %q", name)
	}
}
