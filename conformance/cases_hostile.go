package conformance

import (
	"fmt"
	"strings"

	"github.com/corsa-go/corsa"
)

// hostileOrigins: bytes no browser sends in an Origin, against each kind of
// policy entry. Every one must be refused with no CORS headers, and an
// actual request must still reach its handler unchanged.
var hostileOrigins = []struct {
	policy  string
	origins []struct{ name, value string }
}{
	{"exact " + exactOrigin, []struct{ name, value string }{
		{"a non-ASCII host", "https://exämple.com"},
		{"a NUL byte after the origin", "https://example.com\x00"},
		{"a control byte inside the host", "https://exam\x01ple.com"},
		{"a DEL byte after the origin", "https://example.com\x7f"},
		{"a 64 KiB origin", "https://" + strings.Repeat("e", 64<<10) + ".com"},
		{"the origin followed by 64 KiB of junk", exactOrigin + strings.Repeat("/", 64<<10)},
	}},
	{"subdomain pattern " + subdomainPat, []struct{ name, value string }{
		{"a non-ASCII subdomain", "https://ä.example.com"},
		{"a NUL byte in the subdomain", "https://a\x00.example.com"},
		{"a control byte in the subdomain", "https://a\x1b.example.com"},
		{"a subdomain label of 64 bytes", "https://" + strings.Repeat("a", 64) + ".example.com"},
		{"a host of 299 bytes", "https://" + strings.Repeat("a.", 144) + "example.com"},
		{"a 64 KiB subdomain", "https://" + strings.Repeat("a.", 32<<10) + "example.com"},
	}},
	{"port pattern " + portPat, []struct{ name, value string }{
		{"a non-ASCII port", "http://localhost:３０００"},
		{"a NUL byte in the port", "http://localhost:30\x0000"},
		{"a port of 64 KiB of digits", "http://localhost:" + strings.Repeat("1", 64<<10)},
		{"a port above 65535", "http://localhost:65536"},
		{"a port with a leading zero", "http://localhost:03000"},
	}},
}

// attackerConfig returns the configuration of the attacker table's policy
// with that name, so both tables test the same policies.
func attackerConfig(policy string) func() corsa.Config {
	for _, a := range attackers {
		if a.policy == policy {
			return a.config
		}
	}
	panic("conformance: no attacker policy " + policy)
}

func hostileCases() []Case {
	var cs []Case
	for _, h := range hostileOrigins {
		config := attackerConfig(h.policy)
		for _, o := range h.origins {
			cs = append(cs,
				Case{
					Name:    fmt.Sprintf("%s refuses an actual request with %s", h.policy, o.name),
					Spec:    "§7",
					Policy:  config(),
					Request: get(o.value),
					Want:    refuseActual(),
				},
				Case{
					Name:    fmt.Sprintf("%s refuses a preflight with %s", h.policy, o.name),
					Spec:    "§7",
					Policy:  config(),
					Request: preflight(o.value, "GET"),
					Want:    refusePreflight(),
				},
			)
		}
	}
	// A method wildcard allows every valid token, so only the malformed
	// method can be the reason for a refusal.
	anyMethod := corsa.Config{Origins: []string{exactOrigin}, Methods: []string{"*"}}
	for _, m := range []struct{ name, value string }{
		{"a space inside", "PU T"},
		{"a NUL byte", "PUT\x00"},
		{"parentheses", "P(UT)"},
		{"a non-ASCII letter", "PÜT"},
		{"a comma-separated list", "PUT,DELETE"},
		{"64 KiB of letters", strings.Repeat("P", 64<<10)},
	} {
		cs = append(cs, Case{
			Name:    "a preflight asking for a method with " + m.name + " is refused",
			Spec:    "§2",
			Policy:  anyMethod,
			Request: preflight(exactOrigin, m.value),
			Want:    refusePreflight(),
		})
	}
	return cs
}
