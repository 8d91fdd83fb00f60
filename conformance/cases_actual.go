package conformance

import (
	"fmt"
	"net/http"
)

// actualCases: SPEC.md §3, actual requests: headers, methods, and survival
// of the headers on every status the handler or framework produces.
func actualCases() []Case {
	cs := []Case{
		{
			Name:    "an actual GET from an allowed origin gets its origin back and Vary: Origin",
			Spec:    "§3",
			Policy:  basic(),
			Request: get(app),
			Want:    allowActual(hs{acao: app}),
		},
		{
			Name:    "an actual HEAD from an allowed origin gets its origin back",
			Spec:    "§3",
			Policy:  basic(),
			Request: req("HEAD", PathResource, origin, app),
			Want:    allowActual(hs{acao: app}).body(""),
		},
		{
			Name:    "an actual request from a refused origin reaches the handler with only Vary: Origin",
			Spec:    "§3",
			Policy:  basic(),
			Request: get(evil),
			Want:    refuseActual(),
		},
		{
			Name:    "a refused origin gets neither credentials nor exposed headers",
			Spec:    "§3",
			Policy:  full(),
			Request: req("POST", PathResource, origin, evil),
			Want:    refuseActual(),
		},
		{
			Name:    "a credentialed actual request gets Access-Control-Allow-Credentials: true",
			Spec:    "§3",
			Policy:  credentials(basic()),
			Request: get(app),
			Want:    allowActual(hs{acao: app, acac: "true"}),
		},
		{
			Name:    "an exposed header is listed in Access-Control-Expose-Headers",
			Spec:    "§3",
			Policy:  exposed(basic(), "X-Total-Count"),
			Request: get(app),
			Want:    allowActual(hs{acao: app, aceh: "X-Total-Count"}),
		},
		{
			Name:    "exposed headers are joined in configured order and spelling",
			Spec:    "§3",
			Tier:    TierCorsa,
			Policy:  exposed(basic(), "X-Total-Count", "x-request-id", "ETag"),
			Request: get(app),
			Want:    allowActual(hs{acao: app, aceh: "X-Total-Count, x-request-id, ETag"}),
		},
		{
			Name:    "an exposed-header wildcard is sent as *",
			Spec:    "§3",
			Policy:  exposed(basic(), "*"),
			Request: get(app),
			Want:    allowActual(hs{acao: app, aceh: "*"}),
		},
		{
			Name:    "a credentialed actual request gets credentials and exposed headers together",
			Spec:    "§3",
			Policy:  full(),
			Request: get(app),
			Want:    allowActual(hs{acao: app, acac: "true", aceh: "X-Total-Count"}),
		},
		{
			Name:    "an actual request never gets the preflight-only headers",
			Spec:    "§3",
			Policy:  pna(full()),
			Request: req("PUT", PathResource, origin, app, acrh, "content-type"),
			Want:    allowActual(hs{acao: app, acac: "true", aceh: "X-Total-Count"}),
		},
		{
			Name:    "an any-origin actual request gets * and no Vary: Origin",
			Spec:    "§3",
			Policy:  anyOrigin(),
			Request: get(app),
			Want:    allowActualAny(hs{acao: "*"}),
		},
		{
			Name:    "an any-origin policy with exposed * sends both wildcards",
			Spec:    "§3",
			Policy:  exposed(anyOrigin(), "*"),
			Request: req("DELETE", PathResource, origin, "https://anything.example"),
			Want:    allowActualAny(hs{acao: "*", aceh: "*"}),
		},
		{
			Name:    "the handler's own Vary is kept next to Vary: Origin",
			Spec:    "§3",
			Policy:  basic(),
			Request: get(app),
			Want:    allowActual(hs{acao: app}),
		},
		{
			Name:    "the handler's own Vary is kept when the origin is refused",
			Spec:    "§3",
			Policy:  credentials(basic()),
			Request: get(evil),
			Want:    refuseActual(),
		},
	}

	// The method of an actual request is never checked (§3).
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH"} {
		cs = append(cs, Case{
			Name:    fmt.Sprintf("an actual %s is not checked against the methods of a policy listing none", m),
			Spec:    "§3",
			Policy:  only(app),
			Request: req(m, PathResource, origin, app),
			Want:    allowActual(hs{acao: app}),
		})
	}

	// Headers survive every status (§3).
	type route struct {
		what, path string
		status     int
		handler    bool
	}
	for _, r := range []route{
		{"a 404 from the handler", PathNotFound, http.StatusNotFound, true},
		{"a 500 from the handler", PathServerError, http.StatusInternalServerError, true},
		{"a recovered panic", PathPanic, http.StatusInternalServerError, true},
		{"the framework's 404 for an unknown path", PathUnknown, http.StatusNotFound, false},
	} {
		at := func(w Want) Want {
			w = w.route().status(r.status)
			if !r.handler {
				w = w.noHandler()
			}
			return w
		}
		cs = append(cs,
			Case{
				Name:    fmt.Sprintf("an allowed origin's headers survive %s", r.what),
				Spec:    "§3",
				Policy:  basic(),
				Request: req("GET", r.path, origin, app),
				Want:    at(allowActual(hs{acao: app})),
			},
			Case{
				Name:    fmt.Sprintf("credentials and exposed headers survive %s", r.what),
				Spec:    "§3",
				Policy:  full(),
				Request: req("GET", r.path, origin, "https://a.example.org"),
				Want:    at(allowActual(hs{acao: "https://a.example.org", acac: "true", aceh: "X-Total-Count"})),
			},
			Case{
				Name:    fmt.Sprintf("an any-origin answer survives %s", r.what),
				Spec:    "§3",
				Policy:  exposed(anyOrigin(), "*"),
				Request: req("GET", r.path, origin, app),
				Want:    at(allowActualAny(hs{acao: "*", aceh: "*"})),
			},
			Case{
				Name:    fmt.Sprintf("a refused origin gets only Vary: Origin on %s", r.what),
				Spec:    "§3",
				Policy:  full(),
				Request: req("GET", r.path, origin, evil),
				Want:    at(refuseActual()),
			},
		)
	}
	return cs
}
