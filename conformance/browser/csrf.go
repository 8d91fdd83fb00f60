package browser

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/frameworks"
)

// The hosts of TestCrossOriginProtection, every one 127.0.0.1 to Chromium
// (see csrfResolverRules). The API and the pages share the site app.test
// but for evilHost. The policy's pattern https://*.app.test matches
// shopHost and not siblingHost: a subdomain pattern excludes the apex. So
// the pattern, not the site, decides which same-site page may write.
const (
	csrfAPIHost = "api.app.test"  // every adapter's API, each on a port of its own
	shopHost    = "shop.app.test" // a page the pattern allows
	siblingHost = "app.test"      // a page of the API's own site the pattern does not allow
)

// csrfCertHosts are the names the run's TLS certificate is for.
var csrfCertHosts = []string{"*.app.test", siblingHost, evilHost}

// csrfResolverRules maps every *.test host to this machine, and the
// default ports of https and http to the page servers: a pattern without
// a port matches only an origin without one, so an allowed page must be
// on the default port, which a test cannot listen on. The API's ports are
// kept as they are.
func csrfResolverRules(tlsPagePort, plainPagePort int) string {
	return fmt.Sprintf("MAP *.test:443 127.0.0.1:%d, MAP *.test:80 127.0.0.1:%d, MAP *.test 127.0.0.1", tlsPagePort, plainPagePort)
}

// The API's routes. pathPage serves the page on the API's own origin.
const (
	pathPage  = "/page"
	pathWrite = "/write" // POST: the write whose handler the test counts
)

// csrfRoutes are what every API serves: the page, the login that sets the
// session cookie, and the write.
var csrfRoutes = []frameworks.Route{
	{Path: pathPage, Methods: []string{http.MethodGet}},
	{Path: pathLogin, Methods: []string{http.MethodGet}},
	{Path: pathWrite, Methods: []string{http.MethodPost}},
}

// csrfScript adds to the probe page a form post: the write a
// cross-site request forgery makes, a top-level navigation that no CORS
// preflight precedes.
const csrfScript = `<script>
function submitForm(url) {
  const form = document.createElement("form");
  form.method = "POST";
  form.action = url;
  const field = document.createElement("input");
  field.name = "note";
  field.value = "form";
  form.appendChild(field);
  (document.body || document.documentElement).appendChild(form);
  form.submit();
}
</script>
`

// csrfPage is the page every origin of the test serves.
var csrfPage = append(append([]byte{}, page...), csrfScript...)

// writeAnswer is pathWrite's answer: the session cookie the handler
// received, for the page to read.
type writeAnswer struct {
	Cookie string `json:"cookie"`
}

// hit is a request to an API as it arrived, before any middleware, and the
// response the server gave it.
type hit struct {
	Method, URI, Host, Origin, SecFetchSite, Cookie string

	// Status is 0 until the server has answered.
	Status int
	// The response's Vary, Access-Control-Allow-Origin and
	// Access-Control-Allow-Credentials.
	Vary, AllowOrigin, AllowCredentials string
}

// writeLog is an API server's log of requests and of the writes its
// handler ran.
type writeLog struct {
	mu      sync.Mutex
	arrived []*hit
	writes  []hit
}

func (l *writeLog) arrive(h hit) *hit {
	l.mu.Lock()
	defer l.mu.Unlock()
	p := &h
	l.arrived = append(l.arrived, p)
	return p
}

// answer records the response to h, once.
func (l *writeLog) answer(h *hit, status int, get func(string) string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if h.Status == 0 {
		h.Status = status
		h.Vary = get("Vary")
		h.AllowOrigin = get("Access-Control-Allow-Origin")
		h.AllowCredentials = get("Access-Control-Allow-Credentials")
	}
}

func (l *writeLog) wrote(h hit) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writes = append(l.writes, h)
}

// await waits up to timeout for an answered request for uri, then
// returns every one.
func (l *writeLog) await(uri string, timeout time.Duration) []hit {
	deadline := time.Now().Add(timeout)
	for {
		hits := l.arrivals(uri)
		if len(hits) > 0 || time.Now().After(deadline) {
			return hits
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// arrivals returns the answered requests for uri.
func (l *writeLog) arrivals(uri string) []hit {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []hit
	for _, h := range l.arrived {
		if h.URI == uri && h.Status != 0 {
			out = append(out, *h)
		}
	}
	return out
}

// handlerRuns returns the writes the handler ran for uri.
func (l *writeLog) handlerRuns(uri string) []hit {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []hit
	for _, h := range l.writes {
		if h.URI == uri {
			out = append(out, h)
		}
	}
	return out
}

func httpHit(r *http.Request) hit {
	return hit{
		Method: r.Method, URI: r.URL.RequestURI(), Host: r.Host,
		Origin: r.Header.Get("Origin"), SecFetchSite: r.Header.Get("Sec-Fetch-Site"), Cookie: r.Header.Get("Cookie"),
	}
}

// fastHit copies what it keeps: fasthttp reuses its buffers.
func fastHit(ctx *fasthttp.RequestCtx) hit {
	h := &ctx.Request.Header
	return hit{
		Method: string(ctx.Method()), URI: string(ctx.RequestURI()), Host: string(h.Host()),
		Origin: string(h.Peek("Origin")), SecFetchSite: string(h.Peek("Sec-Fetch-Site")), Cookie: string(h.Peek("Cookie")),
	}
}

// recordHTTP wraps a whole net/http app, outside the framework.
func (l *writeLog) recordHTTP(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := l.arrive(httpHit(r))
		next.ServeHTTP(&statusWriter{ResponseWriter: w, log: l, hit: h}, r)
		l.answer(h, http.StatusOK, w.Header().Get) // a handler that wrote nothing
	})
}

// statusWriter records the response when its header is sent.
type statusWriter struct {
	http.ResponseWriter
	log *writeLog
	hit *hit
}

func (w *statusWriter) WriteHeader(status int) {
	if status >= 200 {
		w.log.answer(w.hit, status, w.Header().Get)
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	w.log.answer(w.hit, http.StatusOK, w.Header().Get)
	return w.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// recordFast wraps a whole fasthttp app (fasthttp's, or fiber's server
// handler), outside the framework.
func (l *writeLog) recordFast(next fasthttp.RequestHandler) fasthttp.RequestHandler {
	return func(ctx *fasthttp.RequestCtx) {
		h := l.arrive(fastHit(ctx))
		next(ctx)
		l.answer(h, ctx.Response.StatusCode(), func(name string) string { return string(ctx.Response.Header.Peek(name)) })
	}
}

// sessionCookie is what pathLogin sets: SameSite=Lax, which travels on
// every same-site request (the pages of app.test) and on no cross-site
// write (evil.test's).
func sessionCookie() string {
	return (&http.Cookie{Name: cookieName, Value: cookieValue, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode}).String()
}

// serveWrites answers the API's routes, written once for net/http and
// fasthttp; it reports the status, the headers to add and the body.
func (l *writeLog) serveWrites(h hit, path string) (status int, header [][2]string, body []byte) {
	switch path {
	case pathPage:
		return http.StatusOK, [][2]string{{"Content-Type", "text/html; charset=utf-8"}}, csrfPage
	case pathLogin:
		return http.StatusOK, [][2]string{{"Set-Cookie", sessionCookie()}, {"Content-Type", "text/plain; charset=utf-8"}}, []byte("logged in")
	case pathWrite:
		l.wrote(h)
		doc, err := json.Marshal(writeAnswer{Cookie: h.Cookie})
		if err != nil {
			panic(err) // a struct of strings always marshals
		}
		return http.StatusOK, [][2]string{{"Content-Type", "application/json"}}, doc
	}
	return http.StatusNotFound, nil, nil
}

// httpEndpoint is the net/http handler of every route.
func (l *writeLog) httpEndpoint() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := io.Copy(io.Discard, r.Body); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		status, header, body := l.serveWrites(httpHit(r), r.URL.Path)
		for _, h := range header {
			w.Header().Add(h[0], h[1])
		}
		w.WriteHeader(status)
		w.Write(body)
	})
}

// fastEndpoint is the fasthttp handler of every route, for fasthttp and
// fiber.
func (l *writeLog) fastEndpoint(ctx *fasthttp.RequestCtx) {
	status, header, body := l.serveWrites(fastHit(ctx), string(ctx.Path()))
	for _, h := range header {
		ctx.Response.Header.Add(h[0], h[1])
	}
	ctx.SetStatusCode(status)
	ctx.SetBody(body)
}

// writeAPI is one adapter serving the write policy on one port.
type writeAPI struct {
	origin string // "https://api.app.test:PORT"
	log    *writeLog
	stop   func() error
}

// startWriteAPI serves policy with adapter a on a loopback port, over TLS
// when config is not nil. The framework serves on a TLS listener as it
// serves on a plain one: every framework here serves any net.Listener.
func startWriteAPI(a adapter, policy corsa.Config, config *tls.Config) (*writeAPI, error) {
	fw, ok := frameworks.Named(a.framework)
	if !ok {
		return nil, fmt.Errorf("no framework %q", a.framework)
	}
	l := new(writeLog)
	app, err := fw.Build(frameworks.Stack{
		CORS:   frameworks.CORS{Kind: frameworks.Corsa, Policy: policy},
		Routes: frameworks.Handlers(csrfRoutes, l.httpEndpoint(), l.fastEndpoint),
		Outer:  frameworks.Wrap{HTTP: l.recordHTTP, Fast: l.recordFast},
	})
	if err != nil {
		return nil, fmt.Errorf("building %s: %w", a.name, err)
	}
	ln, port, err := listen()
	if err != nil {
		return nil, err
	}
	scheme := "http"
	if config != nil {
		scheme, ln = "https", tls.NewListener(ln, config)
	}
	stop := serveApp(app, ln)
	return &writeAPI{origin: fmt.Sprintf("%s://%s:%d", scheme, csrfAPIHost, port), log: l, stop: stop}, nil
}

// serveApp serves app on ln until the returned func stops it.
func serveApp(app *frameworks.App, ln net.Listener) func() error {
	stopApp := app.Start(ln)
	return func() error {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		return stopApp(ctx)
	}
}

// servePageOn serves csrfPage at every path under any host name on a
// loopback port, over TLS when config is not nil.
func servePageOn(config *tls.Config) (port int, stop func() error, err error) {
	ln, port, err := listen()
	if err != nil {
		return 0, nil, err
	}
	if config != nil {
		ln = tls.NewListener(ln, config)
	}
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(csrfPage)
		}),
		ReadHeaderTimeout: shutdownTimeout,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	return port, func() error {
		err := srv.Close()
		if s := <-served; !errors.Is(s, http.ErrServerClosed) {
			err = errors.Join(err, s)
		}
		return err
	}, nil
}

// writePolicy is the policy every API serves, for pages of scheme:
// subdomains of app.test may read with credentials and write; other
// origins may do neither. Over plain http, credentials for a host that is
// not loopback need corsa's opt-in.
func writePolicy(scheme string) (corsa.Config, error) {
	doc := `{"origins":["https://*.app.test"],"credentials":true,"crossOriginProtection":true}`
	if scheme == "http" {
		doc = `{"origins":["http://*.app.test"],"credentials":true,"crossOriginProtection":true,"dangerouslyAllowInsecureOrigins":true}`
	}
	return corsa.ParseConfig([]byte(doc))
}

// hostOf returns the host of an origin: what follows "scheme://".
func hostOf(origin string) string {
	_, host, _ := strings.Cut(origin, "://")
	return host
}
