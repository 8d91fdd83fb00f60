package browser

import (
	_ "embed"
	"errors"
	"fmt"
	"net"
	"net/http"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
)

// The hosts of a run. Chromium resolves every *.test name to 127.0.0.1
// (see launch), so each is a loopback server under a name of its own.
//
// The page and the API are different origins of the same site,
// example.test: different hosts and ports, one registrable domain. That
// is what makes the credentials scenario real over plain http. A cookie
// the API sets with SameSite=Lax travels on a credentialed fetch from a
// same-site page, so whether it arrives depends only on the CORS answer
// and the fetch's credentials mode. With the page on another site the
// browser would withhold the cookie whatever CORS said, and the
// cross-site alternative, SameSite=None, requires Secure, hence https.
const (
	appHost  = "app.example.test" // the page origin the policies list
	apiHost  = "api.example.test"
	evilHost = "evil.test" // a page origin no listed policy allows
)

//go:embed page.html
var page []byte

// listen opens a loopback listener on a free port.
func listen() (net.Listener, int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, 0, err
	}
	return ln, ln.Addr().(*net.TCPAddr).Port, nil
}

// servePage serves the probe page at "/" under any host name. It returns
// the port and a func that stops the server.
func servePage() (int, func() error, error) {
	ln, port, err := listen()
	if err != nil {
		return 0, nil, err
	}
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		}),
		ReadHeaderTimeout: shutdownTimeout,
	}
	go srv.Serve(ln)
	return port, srv.Close, nil
}

// api is one API server: an adapter serving one policy.
type api struct {
	base string // "http://api.example.test:PORT"
	rec  *recorder
	// cannot says why the library cannot express the policy; then
	// nothing is served.
	cannot error
}

// url returns the address of path for one scenario: key makes every
// scenario's URLs distinct, so that server logs and browser caches never
// mix two scenarios.
func (a *api) url(path, key string) string { return a.base + path + "?s=" + key }

// uri is url as the server sees it.
func uri(path, key string) string { return path + "?s=" + key }

// site is what the scenarios talk to for one adapter: the probe page
// under two origins, and one API server per policy.
type site struct {
	app, evil string // the page's allowed and disallowed origins

	// listed allows app only, with credentials, PUT, the headers
	// Content-Type and X-Request-Id, X-Total-Count exposed, and a max-age
	// of 600 s.
	listed *api
	// noCache is listed with a max-age of 0.
	noCache *api
	// anyOrigin allows any origin, method and header, exposes every
	// response header, and has no credentials.
	anyOrigin *api
	// public allows any origin and nothing else: the smallest policy for
	// SPEC.md revision 2's rules about "*".
	public *api
	// originOnly is the README's one-liner, app's origin and nothing
	// else: what a newcomer writes first. Peers serve their own
	// documented minimum for one origin (see peers.go).
	originOnly *api

	stops []func() error
}

// listedPolicy is the policy of site.listed for the page origin app.
func listedPolicy(app string) corsa.Config {
	return corsa.Config{
		Origins:        []string{app},
		Credentials:    true,
		Methods:        []string{http.MethodPut},
		RequestHeaders: []string{"Content-Type", "X-Request-Id"},
		ExposedHeaders: []string{conformance.TotalCountHeader},
		MaxAge:         corsa.Seconds(600),
		// The validator cannot know that app.example.test is this
		// machine: to it, credentials for a plain-http origin that is not
		// localhost need the opt-in.
		DangerouslyAllowInsecureOrigins: true,
	}
}

// startSite serves the five policies of a site with adapter a, for the
// probe page on pagePort.
func startSite(a adapter, pagePort int) (*site, error) {
	s := &site{
		app:  fmt.Sprintf("http://%s:%d", appHost, pagePort),
		evil: fmt.Sprintf("http://%s:%d", evilHost, pagePort),
	}
	noCache := listedPolicy(s.app)
	noCache.MaxAge = corsa.Seconds(0)
	for _, p := range []struct {
		api    **api
		policy corsa.Config
	}{
		{&s.listed, listedPolicy(s.app)},
		{&s.noCache, noCache},
		{&s.anyOrigin, corsa.Config{Origins: []string{"*"}, Methods: []string{"*"}, RequestHeaders: []string{"*"}, ExposedHeaders: []string{"*"}}},
		{&s.public, corsa.Config{Origins: []string{"*"}}},
		{&s.originOnly, corsa.Config{Origins: []string{s.app}}},
	} {
		ln, port, err := listen()
		if err != nil {
			return nil, errors.Join(err, s.close())
		}
		rec := new(recorder)
		stop, err := a.serve(ln, p.policy, rec)
		if errors.Is(err, errCannotExpress) {
			*p.api = &api{cannot: err}
			if err := ln.Close(); err != nil {
				return nil, errors.Join(err, s.close())
			}
			continue
		}
		if err != nil {
			return nil, errors.Join(fmt.Errorf("serving %s: %w", a.name, err), ln.Close(), s.close())
		}
		s.stops = append(s.stops, stop)
		*p.api = &api{base: fmt.Sprintf("http://%s:%d", apiHost, port), rec: rec}
	}
	return s, nil
}

// close stops every server of the site.
func (s *site) close() error {
	var errs []error
	for _, stop := range s.stops {
		errs = append(errs, stop())
	}
	return errors.Join(errs...)
}
