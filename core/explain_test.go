package corsa_test

import (
	"strings"
	"testing"

	corsa "github.com/corsa-go/corsa/core"
)

// Explain states SPEC revision 2's rules in its own words: "*" covers null
// and answers every non-preflight request the same, and a Private Network
// Access request to a policy without it is answered as if not asked.
func TestExplainStatesRevisionTwoRules(t *testing.T) {
	tests := []struct {
		name    string
		cfg     corsa.Config
		req     corsa.Request
		want    []string // lines, or parts of lines, that must appear
		notWant []string
	}{
		{"a request without Origin to an any-origin policy lists the constant headers and no Vary",
			anythingPolicy, corsa.Request{Method: "GET"},
			[]string{"not a CORS request", "Access-Control-Allow-Origin: *\n", "Access-Control-Expose-Headers: *\n"},
			[]string{"Vary"}},
		{"an actual request from null to an any-origin policy is allowed with the constant headers",
			anyOriginPolicy, corsa.Request{Method: "GET", Origin: "null"},
			[]string{`actual GET request from "null": allowed`, "Access-Control-Allow-Origin: *\n"},
			[]string{"Vary", "not allowed"}},
		{"an actual request with two Origin headers to an any-origin policy is allowed",
			anyOriginPolicy, corsa.Request{Method: "GET", Origin: appOrigin, MultipleOrigins: true},
			[]string{"allowed", "Access-Control-Allow-Origin: *\n"},
			[]string{"Vary", "refused"}},
		{"a preflight from null to an any-origin policy says * covers null",
			anyOriginPolicy, corsa.Request{Method: "OPTIONS", Origin: "null", RequestMethod: "GET"},
			[]string{`preflight from "null" for GET: allowed`, `origin "null": allowed by "*"`, "status 204",
				"Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers (added)"},
			[]string{"not allowed"}},
		{"a preflight from null to a listing policy is refused and names the opt-in",
			listedPolicy, corsa.Request{Method: "OPTIONS", Origin: "null", RequestMethod: "PUT"},
			[]string{"refused: origin not allowed", "dangerouslyAllowNullOrigin", "status 403"},
			[]string{"Access-Control-Allow-Origin"}},
		{"a Private Network Access preflight to a policy without it is allowed without Allow-Private-Network",
			listedPolicy, corsa.Request{Method: "OPTIONS", Origin: appOrigin, RequestMethod: "PUT", PrivateNetwork: "true"},
			[]string{"for PUT: allowed", "private network access: not granted", "the browser decides", "status 204",
				"Access-Control-Allow-Origin: " + appOrigin + "\n"},
			[]string{"Access-Control-Allow-Private-Network", "refused"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := mustPolicy(t, tc.cfg).Explain(&tc.req)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("Explain lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(got, w) {
					t.Errorf("Explain has %q, which it must not:\n%s", w, got)
				}
			}
		})
	}
}
