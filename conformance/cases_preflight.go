package conformance

import (
	"fmt"
	"strconv"

	"github.com/corsa-go/corsa"
)

// preflightCases: SPEC.md §2, methods, credentials, max-age, status and
// Private Network Access on preflights. Request headers are in
// cases_headers.go.
func preflightCases() []Case {
	cs := []Case{
		// Methods.
		{
			Name:    "a preflight for a listed method is allowed with every listed method in configured order",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  basic(),
			Request: preflight(app, "PUT"),
			Want:    allowPreflight(hs{acao: app, acam: basicMethods}),
		},
		{
			Name:    "a preflight for the last listed method is allowed",
			Spec:    "§2",
			Policy:  basic(),
			Request: preflight(app, "PATCH"),
			Want:    allowPreflight(hs{acao: app, acam: basicMethods}),
		},
		{
			Name:    "a preflight for GET is allowed without GET being listed",
			Spec:    "§2",
			Policy:  basic(),
			Request: preflight(app, "GET"),
			Want:    allowPreflight(hs{acao: app, acam: basicMethods}),
		},
		{
			Name:    "a preflight for HEAD is allowed without HEAD being listed",
			Spec:    "§2",
			Policy:  basic(),
			Request: preflight(app, "HEAD"),
			Want:    allowPreflight(hs{acao: app, acam: basicMethods}),
		},
		{
			Name:    "a preflight for POST is allowed without POST being listed",
			Spec:    "§2",
			Policy:  basic(),
			Request: preflight(app, "POST"),
			Want:    allowPreflight(hs{acao: app, acam: basicMethods}),
		},
		{
			Name:    "a preflight for POST from a policy without methods gets no Access-Control-Allow-Methods",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  only(app),
			Request: preflight(app, "POST"),
			Want:    allowPreflight(hs{acao: app}),
		},
		{
			Name:    "a preflight for an unlisted method is refused",
			Spec:    "§2",
			Policy:  only(app),
			Request: preflight(app, "PUT"),
			Want:    refusePreflight(),
		},
		{
			Name:    "a preflight for OPTIONS is refused unless OPTIONS is listed",
			Spec:    "§2",
			Policy:  basic(),
			Request: preflight(app, "OPTIONS"),
			Want:    refusePreflight(),
		},
		{
			Name:    "a preflight for an extension method not listed is refused",
			Spec:    "§2",
			Policy:  basic(),
			Request: preflight(app, "PURGE"),
			Want:    refusePreflight(),
		},
		{
			Name:    "method names are case-sensitive: patch does not match a listed PATCH",
			Spec:    "§2",
			Policy:  basic(),
			Request: preflight(app, "patch"),
			Want:    refusePreflight(),
		},
		{
			Name:    "method names are case-sensitive: Put does not match a listed PUT",
			Spec:    "§2",
			Policy:  basic(),
			Request: preflight(app, "Put"),
			Want:    refusePreflight(),
		},
		{
			Name:    "method names are case-sensitive: get is not the safelisted GET",
			Spec:    "§2",
			Policy:  only(app),
			Request: preflight(app, "get"),
			Want:    refusePreflight(),
		},
		{
			Name:    "method names are case-sensitive: post is not the safelisted POST",
			Spec:    "§2",
			Policy:  only(app),
			Request: preflight(app, "post"),
			Want:    refusePreflight(),
		},
		{
			Name:    "a listed PATCH allows a preflight for PATCH",
			Spec:    "§2",
			Policy:  methods(only(app), "PATCH"),
			Request: preflight(app, "PATCH"),
			Want:    allowPreflight(hs{acao: app, acam: "PATCH"}),
		},
		{
			Name:    "listed safelisted methods are sent in configured order",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  methods(only(app), "GET", "PUT"),
			Request: preflight(app, "PUT"),
			Want:    allowPreflight(hs{acao: app, acam: "GET, PUT"}),
		},
		{
			Name:    "a method wildcard allows an extension method and answers *",
			Spec:    "§2",
			Policy:  methods(only(app), "*"),
			Request: preflight(app, "PURGE"),
			Want:    allowPreflight(hs{acao: app, acam: "*"}),
		},
		{
			Name:    "a method wildcard allows a lower-case method token",
			Spec:    "§2",
			Policy:  methods(only(app), "*"),
			Request: preflight(app, "patch"),
			Want:    allowPreflight(hs{acao: app, acam: "*"}),
		},
		{
			Name:    "a method wildcard does not allow a method that is not a token",
			Spec:    "§2",
			Policy:  methods(only(app), "*"),
			Request: preflight(app, "PU T"),
			Want:    refusePreflight(),
		},
		{
			Name:    "a method wildcard does not allow a method list",
			Spec:    "§2",
			Policy:  methods(only(app), "*"),
			Request: preflight(app, "PUT,DELETE"),
			Want:    refusePreflight(),
		},
		{
			Name:    "a preflight for a listed method from a refused origin is refused",
			Spec:    "§2",
			Policy:  basic(),
			Request: preflight(evil, "PUT"),
			Want:    refusePreflight(),
		},

		// Credentials.
		{
			Name:    "a credentialed preflight gets the origin, credentials, methods, headers and max-age",
			Spec:    "§2",
			Policy:  full(),
			Request: preflight(app, "PUT", acrh, "authorization,content-type"),
			Want:    allowPreflight(hs{acao: app, acac: "true", acam: fullMethods, acah: fullHeaders, acma: "600"}),
		},
		{
			Name:    "a credentialed preflight without request headers gets no Access-Control-Allow-Headers",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  full(),
			Request: preflight("https://shop.example.org", "DELETE"),
			Want:    allowPreflight(hs{acao: "https://shop.example.org", acac: "true", acam: fullMethods, acma: "600"}),
		},
		{
			Name:    "a credentialed preflight from a port-pattern origin is allowed",
			Spec:    "§2",
			Policy:  with(full(), func(c *corsa.Config) { c.Origins = []string{portPat} }),
			Request: preflight("http://localhost:5173", "PATCH", acrh, "x-request-id"),
			Want:    allowPreflight(hs{acao: "http://localhost:5173", acac: "true", acam: fullMethods, acah: fullHeaders, acma: "600"}),
		},
		{
			Name:    "a refused credentialed preflight gets no credentials header and no max-age",
			Spec:    "§2",
			Policy:  full(),
			Request: preflight(evil, "PUT", acrh, "content-type"),
			Want:    refusePreflight(),
		},
		{
			Name:    "a preflight never gets Access-Control-Expose-Headers",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  exposed(basic(), "X-Total-Count"),
			Request: preflight(app, "PUT"),
			Want:    allowPreflight(hs{acao: app, acam: basicMethods}),
		},

		// Any origin.
		{
			Name:    "an any-origin preflight gets * and the listed methods",
			Spec:    "§2",
			Policy:  methods(anyOrigin(), "PUT"),
			Request: preflight(app, "PUT"),
			Want:    allowPreflight(hs{acao: "*", acam: "PUT"}),
		},
		{
			Name:    "a preflight to a policy with * everywhere gets * everywhere",
			Spec:    "§2",
			Policy:  wide(),
			Request: preflight(evil, "PURGE", acrh, "content-type,x-custom"),
			Want:    allowPreflight(hs{acao: "*", acam: "*", acah: "*"}),
		},

		// Max-Age.
		{
			Name:    "a preflight gets no Access-Control-Max-Age when max-age is unset",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  basic(),
			Request: preflight(app, "DELETE"),
			Want:    allowPreflight(hs{acao: app, acam: basicMethods}),
		},
		sentMaxAge("a max-age of 0 is sent as Access-Control-Max-Age: 0", "§2", 0),
		sentMaxAge("a max-age of 600 is sent as Access-Control-Max-Age: 600", "§2", 600),
		sentMaxAge("a max-age of 7200 is sent as is", "§2", 7200),
		sentMaxAge("a max-age above Chromium's cap but within 86400 is accepted and sent as is", "§5", 86400),
		{
			Name:    "a refused preflight gets no Access-Control-Max-Age even when max-age is 0",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  maxAge(basic(), 0),
			Request: preflight(app, "TRACE"),
			Want:    refusePreflight(),
		},

		// Status.
		{
			Name:    "an allowed preflight answers 204 by default",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  basic(),
			Request: preflight(app, "PUT"),
			Want:    allowPreflight(hs{acao: app, acam: basicMethods}),
		},
		{
			Name:    "an allowed preflight answers with a configured status of 200",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  with(basic(), func(c *corsa.Config) { c.PreflightStatus = 200 }),
			Request: preflight(app, "PUT"),
			Want:    allowPreflight(hs{acao: app, acam: basicMethods}).status(200),
		},
		{
			Name:    "an allowed preflight answers with an explicitly configured 204",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  with(basic(), func(c *corsa.Config) { c.PreflightStatus = 204 }),
			Request: preflight(app, "PUT"),
			Want:    allowPreflight(hs{acao: app, acam: basicMethods}),
		},
		{
			Name:    "a refused preflight answers 403 even when the preflight status is 200",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  with(basic(), func(c *corsa.Config) { c.PreflightStatus = 200 }),
			Request: preflight(evil, "PUT"),
			Want:    refusePreflight(),
		},

		// Private Network Access.
		{
			Name:    "a Private Network Access preflight is allowed when the policy allows it",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  pna(basic()),
			Request: preflight(app, "PUT", acrpn, "true"),
			Want:    allowPreflight(hs{acao: app, acam: basicMethods, acapn: "true"}).pnaVary(),
		},
		{
			Name:    "a Private Network Access preflight to a policy without it is answered as if it did not ask",
			Spec:    "§2",
			Policy:  basic(),
			Request: preflight(app, "PUT", acrpn, "true"),
			Want:    allowPreflight(hs{acao: app, acam: basicMethods}).noPNAVary(),
		},
		{
			Name:    "a Private Network Access preflight to an any-origin policy without it is answered as if it did not ask",
			Spec:    "§2",
			Policy:  methods(anyOrigin(), "PUT"),
			Request: preflight(evil, "PUT", acrpn, "true"),
			Want:    allowPreflight(hs{acao: "*", acam: "PUT"}).noPNAVary(),
		},
		{
			Name:    "a Private Network Access preflight to a policy without it is still refused for its method",
			Spec:    "§2",
			Policy:  basic(),
			Request: preflight(app, "PURGE", acrpn, "true"),
			Want:    refusePreflight().noPNAVary(),
		},
		{
			Name:    "a Private Network Access preflight to a policy without it is still refused for its origin",
			Spec:    "§2",
			Policy:  basic(),
			Request: preflight(evil, "PUT", acrpn, "true"),
			Want:    refusePreflight().noPNAVary(),
		},
		{
			Name:    "a preflight not asking for Private Network Access gets no Allow-Private-Network but Vary names it",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  pna(basic()),
			Request: preflight(app, "PUT"),
			Want:    allowPreflight(hs{acao: app, acam: basicMethods}).pnaVary(),
		},
		{
			Name:    "Access-Control-Request-Private-Network: false is not a request for Private Network Access",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  pna(basic()),
			Request: preflight(app, "PUT", acrpn, "false"),
			Want:    allowPreflight(hs{acao: app, acam: basicMethods}).pnaVary(),
		},
		{
			Name:    "Access-Control-Request-Private-Network: false is not refused by a policy without Private Network Access",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  basic(),
			Request: preflight(app, "PUT", acrpn, "false"),
			Want:    allowPreflight(hs{acao: app, acam: basicMethods}),
		},
		{
			Name:    "a Private Network Access preflight from a refused origin is refused with Vary naming it",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  pna(basic()),
			Request: preflight(evil, "PUT", acrpn, "true"),
			Want:    refusePreflight().pnaVary(),
		},
		{
			Name:    "a Private Network Access preflight for a refused method is refused",
			Spec:    "§2",
			Policy:  pna(basic()),
			Request: preflight(app, "PURGE", acrpn, "true"),
			Want:    refusePreflight().pnaVary(),
		},
		{
			Name:    "a credentialed Private Network Access preflight gets every header in one answer with status 200",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  with(pna(full()), func(c *corsa.Config) { c.PreflightStatus = 200 }),
			Request: preflight(app, "PUT", acrh, "content-type", acrpn, "true"),
			Want: allowPreflight(hs{
				acao: app, acac: "true", acam: fullMethods, acah: fullHeaders, acma: "600", acapn: "true",
			}).pnaVary().status(200),
		},
		{
			Name:    "an actual request never gets Access-Control-Allow-Private-Network",
			Spec:    "§3",
			Policy:  pna(basic()),
			Request: req("GET", PathResource, origin, app, acrpn, "true"),
			Want:    allowActual(hs{acao: app}),
		},
	}

	// Any listed method, asked for, gets the same full list.
	for _, m := range []string{"GET", "POST", "PUT", "DELETE", "PATCH"} {
		cs = append(cs, Case{
			Name:    fmt.Sprintf("a credentialed preflight for %s gets the whole method list", m),
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  full(),
			Request: preflight(app, m),
			Want:    allowPreflight(hs{acao: app, acac: "true", acam: fullMethods, acma: "600"}),
		})
	}
	return cs
}

// sentMaxAge is a case whose preflight basic() with max-age seconds allows
// with exactly that Access-Control-Max-Age.
func sentMaxAge(name, spec string, seconds int) Case {
	return Case{Name: name, Spec: spec, Tier: TierCorsa, Policy: maxAge(basic(), seconds), Request: preflight(app, "PUT"),
		Want: allowPreflight(hs{acao: app, acam: basicMethods, acma: strconv.Itoa(seconds)})}
}
