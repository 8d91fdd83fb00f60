package corsa_test

import (
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// Explain tells a page's fetch() as the browser plays it: the requests,
// the policy's answers, the browser's verdict in Chromium's words, and the
// fix. Each case names lines the explanation must hold.
func TestExplainSaysWhatTheBrowserDoesAndWhatToChange(t *testing.T) {
	const page, api = "https://app.example.com", "https://api.example.com/orders"
	blocked := "browser: blocked: Access to fetch at '" + api + "' from origin '" + page + "' has been blocked by CORS policy: "
	tests := []struct {
		name string
		cfg  corsa.Config
		f    corsa.Fetch
		ok   bool
		want []string
	}{
		{"a credentialed fetch from a policy without credentials is blocked, naming the header",
			corsa.Config{Origins: []string{page}},
			corsa.Fetch{Origin: page, URL: api, Credentials: true}, false,
			[]string{blocked + "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'.\n",
				"fix: set credentials: true"}},
		{"a credentialed fetch from a policy with credentials succeeds",
			corsa.Config{Origins: []string{page}, Credentials: true},
			corsa.Fetch{Origin: page, URL: api, Credentials: true}, true,
			[]string{"browser: the script can read the response\n"}},
		{"a credentialed fetch under * is blocked as a wildcard",
			corsa.Config{Origins: []string{"*"}},
			corsa.Fetch{Origin: page, URL: api, Credentials: true}, false,
			[]string{blocked + "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.\n",
				`fix: list the page's origin in origins instead of "*" and set credentials: true`}},
		{"a header the script reads but the policy does not expose reads null",
			corsa.Config{Origins: []string{page}, ExposedHeaders: []string{"X-Total-Count"}},
			corsa.Fetch{Origin: page, URL: api, Read: []string{"X-Total-Count", "X-Page"}}, false,
			[]string{"  reads X-Total-Count: yes\n", "  reads X-Page: null, not exposed: add it to exposedHeaders\n"}},
		{"a safelisted header is readable without exposing it",
			corsa.Config{Origins: []string{page}},
			corsa.Fetch{Origin: page, URL: api, Read: []string{"Content-Type"}}, true,
			[]string{"  reads Content-Type: yes\n"}},
		{"a preflight refused for a header stops the browser and names the header to list",
			corsa.Config{Origins: []string{page}, Methods: []string{"PUT"}},
			corsa.Fetch{Origin: page, URL: api, Method: "PUT", Headers: []string{"Content-Type: application/json", "X-Request-Id"}}, false,
			[]string{"preflight: OPTIONS " + api + ", Access-Control-Request-Method: PUT, Access-Control-Request-Headers: content-type,x-request-id\n",
				`    request header "x-request-id": not allowed: not in requestHeaders`,
				blocked + "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.\n",
				"the browser stops here: the request itself is never sent\n",
				"fix: add x-request-id to requestHeaders\n"}},
		{"a preflight refused for a method names the method to list",
			corsa.Config{Origins: []string{page}},
			corsa.Fetch{Origin: page, URL: api, Method: "PATCH"}, false,
			[]string{"fix: add PATCH to methods\n"}},
		{"a text/plain POST needs no preflight",
			corsa.Config{Origins: []string{page}},
			corsa.Fetch{Origin: page, URL: api, Method: "post", Headers: []string{"Content-Type: text/plain"}}, true,
			[]string{"request: POST " + api + "\n"}},
		{"a page the policy does not list is told how it would be allowed",
			corsa.Config{Origins: []string{page}},
			corsa.Fetch{Origin: "https://other.example.com", URL: api}, false,
			[]string{"fix: if this page is to use the API, add https://other.example.com to origins\n"}},
		{"a cross-site write from an origin the policy does not allow is refused before the handler",
			corsa.Config{Origins: []string{page}, CrossOriginProtection: true},
			corsa.Fetch{Origin: "https://evil.example", URL: api, Method: "POST"}, false,
			[]string{"  crossOriginProtection: 403, the handler does not run\n",
				"fix: if this page is to use the API, add https://evil.example to origins (crossOriginProtection refuses writes from origins the policy does not allow)\n"}},
		{"a write from an allowed origin passes cross-origin protection",
			corsa.Config{Origins: []string{page}, CrossOriginProtection: true},
			corsa.Fetch{Origin: page, URL: api, Method: "POST"}, true,
			[]string{"the handler runs, with the headers below"}},
		{"Authorization under * is refused by the policy itself, in every browser",
			corsa.Config{Origins: []string{page}, RequestHeaders: []string{"*"}},
			corsa.Fetch{Origin: page, URL: api, Headers: []string{"Authorization: Bearer x"}}, false,
			[]string{`request header "authorization": not allowed: "*" never covers Authorization`,
				`fix: add Authorization to requestHeaders: "*" never covers it`}},
		{"a forbidden header the script sets is dropped, not preflighted",
			corsa.Config{Origins: []string{page}},
			corsa.Fetch{Origin: page, URL: api, Headers: []string{"Cookie: a=b"}}, true,
			[]string{"note: the browser never sends Cookie: scripts may not set it (a forbidden request-header)\n"}},
		{"a fetch within the page's origin involves no CORS",
			corsa.Config{},
			corsa.Fetch{Origin: "https://api.example.com", URL: api, Credentials: true}, true,
			[]string{"the page and the URL are one origin: the browser applies no CORS"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := mustPolicy(t, tt.cfg).Explain(tt.f)
			if ok != tt.ok {
				t.Errorf("ok = %v, want %v", ok, tt.ok)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("the explanation lacks %q:\n%s", w, got)
				}
			}
		})
	}
}
