package conformance

import (
	"fmt"

	"github.com/corsa-go/corsa"
)

// Policies of the origin cases: SPEC.md §6's three kinds of entry.
const (
	exactOrigin   = "https://example.com"
	subdomainPat  = "https://*.example.com"
	portPat       = "http://localhost:*"
	adminWithPort = "https://admin.example.com:8443"
	localDev      = "http://localhost:3000"
)

// nullPolicy lists "null" on purpose, next to a normal origin.
func nullPolicy() corsa.Config {
	return corsa.Config{Origins: []string{"null", app}, DangerouslyAllowNullOrigin: true}
}

// allowedOrigins: origins each policy must allow, checked on an actual
// request and on a preflight.
var allowedOrigins = []struct {
	policy  string
	config  func() corsa.Config
	origins []string
}{
	{"exact " + exactOrigin, func() corsa.Config { return only(exactOrigin) }, []string{
		exactOrigin,
	}},
	{"a list of exact origins", func() corsa.Config { return only(app, adminWithPort, localDev) }, []string{
		app, adminWithPort, localDev,
	}},
	{"subdomain pattern " + subdomainPat, func() corsa.Config { return only(subdomainPat) }, []string{
		"https://a.example.com",
		"https://www.example.com",
		"https://a.b.example.com",
		"https://deep.a.b.c.example.com",
		"https://a-b.example.com",
		"https://1.example.com",
		"https://xn--bcher-kva.example.com",
	}},
	{"port pattern " + portPat, func() corsa.Config { return only(portPat) }, []string{
		"http://localhost:3000",
		"http://localhost:8080",
		"http://localhost:1",
		"http://localhost:65535",
		"http://localhost",
	}},
	{"null listed on purpose", nullPolicy, []string{"null", app}},
}

func originCases() []Case {
	var cs []Case
	for _, a := range allowedOrigins {
		for _, o := range a.origins {
			cs = append(cs,
				Case{
					Name:    fmt.Sprintf("%s allows an actual request from %s", a.policy, o),
					Spec:    "§6",
					Policy:  a.config(),
					Request: get(o),
					Want:    allowActual(hs{acao: o}),
				},
				Case{
					Name:    fmt.Sprintf("%s allows a preflight from %s", a.policy, o),
					Spec:    "§6",
					Policy:  a.config(),
					Request: preflight(o, "GET"),
					Want:    allowPreflight(hs{acao: o}),
				},
			)
		}
	}
	return append(cs, []Case{
		{
			Name:    "exactly one Access-Control-Allow-Origin value is sent when several origins are configured",
			Spec:    "§3",
			Policy:  credentials(only(app, adminWithPort, localDev)),
			Request: get(adminWithPort),
			Want:    allowActual(hs{acao: adminWithPort, acac: "true"}),
		},
		{
			Name:    "an exact origin with a port does not allow the same host without it",
			Spec:    "§1",
			Policy:  only(app, adminWithPort, localDev),
			Request: get("https://admin.example.com"),
			Want:    refuseActual(),
		},
		{
			Name:    "an exact origin with a port does not allow another port",
			Spec:    "§1",
			Policy:  only(app, adminWithPort, localDev),
			Request: get("http://localhost:3001"),
			Want:    refuseActual(),
		},
		{
			Name:    "a subdomain pattern allows a credentialed request and echoes the origin",
			Spec:    "§6",
			Policy:  credentials(only(subdomainPat)),
			Request: get("https://a.b.example.com"),
			Want:    allowActual(hs{acao: "https://a.b.example.com", acac: "true"}),
		},
		{
			Name:    "a port pattern allows a credentialed preflight and echoes the origin",
			Spec:    "§6",
			Policy:  credentials(methods(only(portPat), "PUT")),
			Request: preflight("http://localhost:5173", "PUT"),
			Want:    allowPreflight(hs{acao: "http://localhost:5173", acac: "true", acam: "PUT"}),
		},
		{
			Name:    "a credentialed policy allows a loopback http origin",
			Spec:    "§5",
			Policy:  credentials(only("http://127.0.0.1:8080")),
			Request: get("http://127.0.0.1:8080"),
			Want:    allowActual(hs{acao: "http://127.0.0.1:8080", acac: "true"}),
		},
		{
			Name: "a credentialed policy allows a plain http origin when DangerouslyAllowInsecureOrigins is set",
			Spec: "§5",
			Policy: corsa.Config{
				Origins: []string{"http://intranet.example.com"}, Credentials: true,
				DangerouslyAllowInsecureOrigins: true,
			},
			Request: get("http://intranet.example.com"),
			Want:    allowActual(hs{acao: "http://intranet.example.com", acac: "true"}),
		},
		{
			Name:    "an any-origin policy answers an arbitrary origin with *",
			Spec:    "§2",
			Policy:  anyOrigin(),
			Request: get(evil),
			Want:    allowActualAny(hs{acao: "*"}),
		},
		{
			Name:    "an any-origin policy answers a preflight with * and still varies by Origin",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  anyOrigin(),
			Request: preflight(evil, "POST"),
			Want:    allowPreflight(hs{acao: "*"}),
		},

		// null (§1, §7).
		{
			Name:    "an any-origin policy covers the null origin on an actual request with its constant answer",
			Spec:    "§1",
			Policy:  anyOrigin(),
			Request: get("null"),
			Want:    allowActualAny(hs{acao: "*"}),
		},
		{
			Name:    "an any-origin policy exposing headers answers the null origin with both wildcards",
			Spec:    "§1",
			Policy:  exposed(anyOrigin(), "*"),
			Request: get("null"),
			Want:    allowActualAny(hs{acao: "*", aceh: "*"}),
		},
		{
			Name:    "an any-origin policy covers the null origin on a preflight",
			Spec:    "§1",
			Policy:  methods(anyOrigin(), "PUT"),
			Request: preflight("null", "PUT"),
			Want:    allowPreflight(hs{acao: "*", acam: "PUT"}),
		},
		{
			Name:    "null listed on purpose allows a credentialed request from null",
			Spec:    "§1",
			Policy:  credentials(nullPolicy()),
			Request: get("null"),
			Want:    allowActual(hs{acao: "null", acac: "true"}),
		},
		{
			Name:    "null listed on purpose does not allow Null in another case",
			Spec:    "§1",
			Policy:  nullPolicy(),
			Request: get("Null"),
			Want:    refuseActual(),
		},
		{
			Name:    "null listed on purpose does not allow other origins",
			Spec:    "§1",
			Policy:  nullPolicy(),
			Request: get(evil),
			Want:    refuseActual(),
		},

		// Repeated Origin header lines (§1): no browser sends them.
		{
			Name:    "an actual request with the allowed Origin on two lines is refused",
			Spec:    "§1",
			Policy:  basic(),
			Request: req("GET", PathResource, origin, app, origin, app),
			Want:    refuseActual(),
			Needs:   needsRepeatedLines,
		},
		{
			Name:    "a preflight with the allowed Origin on two lines is refused",
			Spec:    "§1",
			Policy:  basic(),
			Request: req("OPTIONS", PathResource, origin, app, origin, app, acrm, "PUT"),
			Want:    refusePreflight(),
			Needs:   needsRepeatedLines,
		},
		{
			Name:    "an actual request with an allowed Origin line then an attacker's is refused",
			Spec:    "§1",
			Policy:  credentials(basic()),
			Request: req("GET", PathResource, origin, app, origin, evil),
			Want:    refuseActual(),
			Needs:   needsRepeatedLines,
		},
		{
			Name:    "an actual request with an attacker's Origin line then an allowed one is refused",
			Spec:    "§1",
			Policy:  credentials(basic()),
			Request: req("GET", PathResource, origin, evil, origin, app),
			Want:    refuseActual(),
			Needs:   needsRepeatedLines,
		},
		{
			Name:    "an any-origin policy gives an actual request with two Origin lines its constant answer",
			Spec:    "§1",
			Policy:  anyOrigin(),
			Request: req("GET", PathResource, origin, app, origin, evil),
			Want:    allowActualAny(hs{acao: "*"}),
			Needs:   needsDistinctLines,
		},
		{
			Name:    "an any-origin policy refuses a preflight with two Origin lines",
			Spec:    "§1",
			Policy:  methods(anyOrigin(), "PUT"),
			Request: req("OPTIONS", PathResource, origin, app, origin, evil, acrm, "PUT"),
			Want:    refusePreflight(),
			Needs:   needsDistinctLines,
		},
	}...)
}

// attackers: origins each policy must refuse (SPEC.md §6, §7), checked on
// an actual request (which still reaches the handler) and on a preflight.
var attackers = []struct {
	policy  string
	config  func() corsa.Config
	origins []string
}{
	{"exact " + exactOrigin, func() corsa.Config { return credentials(only(exactOrigin)) }, []string{
		"null",
		"https://evil.com",                         // reflected arbitrary origin
		"https://example.com.evil.com",             // prefix
		"https://evilexample.com",                  // suffix
		"https://example.com_.evil.com",            // underscore
		"https://example.com%60.evil.com",          // backtick, encoded
		"https://exampleXcom",                      // unescaped dot
		"http://example.com",                       // downgrade
		"https://EXAMPLE.com",                      // case
		"https://Example.Com",                      // case
		"HTTPS://example.com",                      // scheme case
		"https://example.com/",                     // trailing slash
		"https://example.com/path",                 // path
		"https://example.com:443",                  // default port spelt out
		"https://example.com:8443",                 // other port
		"https://example.com.",                     // trailing dot
		"https://www.example.com",                  // subdomain
		"https://example.co",                       // shorter
		"https://example.comm",                     // longer
		"https://example.com, https://example.com", // a list on one line
		"https://example.com https://evil.com",     // a space-separated list
		"https://user@example.com",                 // user info
	}},
	{"subdomain pattern " + subdomainPat, func() corsa.Config { return credentials(only(subdomainPat)) }, []string{
		"null",
		"https://example.com", // the apex is not a subdomain
		"https://evil.com",
		"https://example.com.evil.org",
		"https://a.example.com.evil.org",
		"https://evil-example.com",
		"https://evilexample.com",
		"https://example.com%60.evil.org",
		"https://a.exampleXcom",
		"http://a.example.com", // downgrade
		"https://A.example.com",
		"https://a.EXAMPLE.com",
		"https://.example.com",   // empty label
		"https://a..example.com", // empty label
		"https://*.example.com",  // the pattern itself
		"https://a.example.com/",
		"https://a.example.com/path",
		"https://a.example.com:8443", // the pattern has no port
		"https://a.example.com.",
		"https://evil.org/.example.com",
		"https://evil.org?.example.com",
		"https://evil.org#.example.com",
		"https://evil.org@a.example.com",
		"https://evil.org:443.example.com",
		"https://a.example.com, https://evil.org",
	}},
	{"port pattern " + portPat, func() corsa.Config { return credentials(only(portPat)) }, []string{
		"null",
		"http://evil.com",
		"https://localhost:3000", // scheme
		"http://LOCALHOST:3000",
		"http://localhost.evil.com",
		"http://localhost.evil.com:3000",
		"http://localhost:3000.evil.com",
		"http://localhost:3000@evil.com",
		"http://localhost:3000/",
		"http://localhost:3000/path",
		"http://localhost:",
		"http://localhost:abc",
		"http://localhost:3000:4000",
		"http://localhostx:3000",
		"http://xlocalhost:3000",
		"http://sub.localhost:3000",
		"http://127.0.0.1:3000", // loopback, but not the name listed
		"http://localhost:3000, http://evil.com",
	}},
}

func attackCases() []Case {
	var cs []Case
	for _, a := range attackers {
		for _, o := range a.origins {
			cs = append(cs,
				Case{
					Name:    fmt.Sprintf("%s refuses an actual request from %s", a.policy, o),
					Spec:    "§7",
					Policy:  a.config(),
					Request: get(o),
					Want:    refuseActual(),
				},
				Case{
					Name:    fmt.Sprintf("%s refuses a preflight from %s", a.policy, o),
					Spec:    "§7",
					Policy:  a.config(),
					Request: preflight(o, "GET"),
					Want:    refusePreflight(),
				},
			)
		}
	}
	return cs
}
