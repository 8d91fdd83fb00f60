package conformance

import (
	"fmt"

	"github.com/corsa-go/corsa"
)

// configCases: SPEC.md §5, policies that must be refused when the server is
// built (the harness returns the construction error). No request is sent.
func configCases() []Case {
	refused := []struct {
		what   string
		policy corsa.Config
	}{
		// * with credentials.
		{"an origin wildcard with credentials", credentials(only("*"))},
		{"a method wildcard with credentials", credentials(methods(only(app), "*"))},
		{"a header wildcard with credentials", credentials(headers(only(app), "*"))},
		{"an exposed-header wildcard with credentials", credentials(exposed(only(app), "*"))},

		// Origins that are not scheme://host[:port].
		{"an origin with a trailing slash", only("https://app.example.com/")},
		{"an origin with a path", only("https://app.example.com/api")},
		{"an origin with user info", only("https://user@app.example.com")},
		{"an origin with an upper-case scheme", only("HTTPS://app.example.com")},
		{"an origin with an upper-case host", only("https://App.Example.com")},
		{"an origin with an empty host", only("https://")},
		{"an origin without a scheme", only("app.example.com")},
		{"an empty origin", only("")},
		{"null without DangerouslyAllowNullOrigin", only("null")},

		// Insecure origins with credentials.
		{"a plain http origin with credentials", credentials(only("http://app.example.com"))},
		{"a plain http pattern with credentials", credentials(only("http://*.example.com"))},

		// Broad wildcards.
		{"a wildcard for every https host", only("https://*")},
		{"a wildcard for a top-level domain", only("https://*.com")},
		{"a subdomain pattern without a scheme", only("*.example.com")},
		{"a wildcard inside a label", only("https://a*.example.com")},
		{"a wildcard at the end of a label", only("https://*a.example.com")},
		{"two wildcard labels", only("https://*.*.example.com")},
		{"a wildcard label in the middle", only("https://api.*.example.com")},

		// Tokens.
		{"a method with a space", methods(only(app), "GET POST")},
		{"a method with a separator", methods(only(app), "PU(T)")},
		{"an empty method", methods(only(app), "")},
		{"the forbidden method CONNECT", methods(only(app), "CONNECT")},
		{"the forbidden method TRACE", methods(only(app), "TRACE")},
		{"the forbidden method TRACK", methods(only(app), "TRACK")},
		{"a request header with a space", headers(only(app), "X Request")},
		{"a request header with a colon", headers(only(app), "X-Request:")},
		{"an exposed header with a space", exposed(only(app), "X Total")},
		{"the forbidden request header Cookie", headers(only(app), "Cookie")},
		{"the forbidden request header Host", headers(only(app), "Host")},
		{"a forbidden Sec- request header", headers(only(app), "Sec-Fetch-Mode")},
		{"a forbidden Proxy- request header", headers(only(app), "Proxy-Authorization")},

		// Numbers.
		{"a negative max-age", maxAge(only(app), -1)},
		{"a max-age above 86400", maxAge(only(app), 86401)},
		{"a preflight status of 199", with(only(app), func(c *corsa.Config) { c.PreflightStatus = 199 })},
		{"a preflight status of 300", with(only(app), func(c *corsa.Config) { c.PreflightStatus = 300 })},
		{"a preflight status of 404", with(only(app), func(c *corsa.Config) { c.PreflightStatus = 404 })},
		{"a negative preflight status", with(only(app), func(c *corsa.Config) { c.PreflightStatus = -1 })},
	}
	cs := make([]Case, 0, len(refused))
	for _, r := range refused {
		cs = append(cs, Case{
			Name:   fmt.Sprintf("a policy with %s is refused", r.what),
			Spec:   "§5",
			Policy: r.policy,
			Want:   Want{Rejected: true},
		})
	}
	return cs
}
