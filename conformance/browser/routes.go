package browser

import (
	"encoding/json"
	"io"
	"net/http"
	"sync"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa/benchmarks/frameworks"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/internal/fetch"
)

// Routes every API server registers. PathResource behaves as the
// conformance suite documents it; the other two exist for the browser.
const (
	// pathEcho (GET, POST, PUT) answers 200 with an echoed JSON document.
	pathEcho = "/echo"
	// pathLogin (GET) answers 200 and sets the session cookie.
	pathLogin = "/login"
	// pathItems (GET, PUT) answers 200 with a list; pathItems+"/" is
	// not a route, which a router may redirect to it (gin does).
	pathItems = "/items"
)

// routes are the paths served and their methods. None serves OPTIONS:
// preflights must be answered by the CORS middleware.
var routes = []frameworks.Route{
	{Path: conformance.PathResource, Methods: []string{http.MethodGet}},
	{Path: pathEcho, Methods: []string{http.MethodGet, http.MethodPost, http.MethodPut}},
	{Path: pathLogin, Methods: []string{http.MethodGet}},
	{Path: pathItems, Methods: []string{http.MethodGet, http.MethodPut}},
}

// The session cookie pathLogin sets.
const (
	cookieName  = "corsa_session"
	cookieValue = "browser-test"
)

// echoed is pathEcho's answer: what the handler received.
type echoed struct {
	Method    string `json:"method"`
	RequestID string `json:"requestId"`
	Cookie    string `json:"cookie"`
	Body      string `json:"body"`
}

// reply is a handler's response. Every header is added, never set, so
// that what the CORS middleware wrote before the handler stays.
type reply struct {
	status int
	header [][2]string
	body   string
}

// respond is the handler of every route, written once for net/http and
// fasthttp so that the adapters differ only in their CORS middleware. get
// reads a request header.
func respond(method, path string, get func(string) string, body []byte) reply {
	r := reply{status: http.StatusOK, header: [][2]string{{conformance.HandlerHeader, conformance.HandlerRan}}}
	switch path {
	case conformance.PathResource:
		r.header = append(r.header,
			[2]string{conformance.TotalCountHeader, conformance.TotalCount},
			[2]string{"Vary", conformance.HandlerVary},
			[2]string{"Content-Type", "text/plain; charset=utf-8"})
		r.body = conformance.ResourceBody
	case pathEcho:
		doc, err := json.Marshal(echoed{Method: method, RequestID: get("X-Request-Id"), Cookie: get("Cookie"), Body: string(body)})
		if err != nil {
			panic(err) // a struct of strings always marshals
		}
		r.header = append(r.header, [2]string{"Content-Type", "application/json"})
		r.body = string(doc)
	case pathLogin:
		// SameSite=Lax: sent on same-site requests only, which is what
		// makes the site layout matter (see site).
		cookie := &http.Cookie{Name: cookieName, Value: cookieValue, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode}
		r.header = append(r.header, [2]string{"Set-Cookie", cookie.String()}, [2]string{"Content-Type", "text/plain; charset=utf-8"})
		r.body = "logged in"
	case pathItems:
		r.header = append(r.header, [2]string{"Content-Type", "application/json"})
		r.body = "[]"
	}
	return r
}

// request is what the recorder keeps of a request.
type request struct {
	Method, URI, Origin, RequestMethod, RequestHeaders string
	// SecFetchSite is what Chromium sends only to potentially
	// trustworthy URLs (https, loopback).
	SecFetchSite string
}

// exchange is a request that arrived and the response the server gave it,
// as the browser received it: the input of the browser-outcome checker.
type exchange struct {
	req  request
	resp *http.Response // nil until the server has answered
}

// recorder is an API server's log: every request as it arrived, before
// any middleware, and every request a handler served. It is how the
// scenarios count preflights and tell whether the handler ran.
type recorder struct {
	mu       sync.Mutex
	arrived  []*exchange
	handlers []request
}

// arrive logs r and returns the exchange to complete with answer.
func (rec *recorder) arrive(r request) *exchange {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	x := &exchange{req: r}
	rec.arrived = append(rec.arrived, x)
	return x
}

// answer records the response the server gave x, once.
func (rec *recorder) answer(x *exchange, status int, h http.Header) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if x.resp == nil {
		x.resp = &http.Response{StatusCode: status, Header: h.Clone()}
	}
}

// mark returns a position in the log, for since.
func (rec *recorder) mark() int {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return len(rec.arrived)
}

// since returns the exchanges for uri that arrived after mark.
func (rec *recorder) since(mark int, uri string) []exchange {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	var out []exchange
	for _, x := range rec.arrived[mark:] {
		if x.req.URI == uri {
			out = append(out, *x)
		}
	}
	return out
}

// wires returns what arrived since mark and what arrived before it, as
// a replay takes them.
func (rec *recorder) wires(mark int) (sent, earlier []wire) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	for i, x := range rec.arrived {
		w := wire{method: x.req.Method, uri: x.req.URI, origin: x.req.Origin, acrm: x.req.RequestMethod, acrh: x.req.RequestHeaders, site: x.req.SecFetchSite}
		if x.resp != nil {
			w.resp = fetch.FromHTTP(x.resp.StatusCode, x.resp.Header)
		}
		if i < mark {
			earlier = append(earlier, w)
		} else {
			sent = append(sent, w)
		}
	}
	return sent, earlier
}

func (rec *recorder) handled(r request) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.handlers = append(rec.handlers, r)
}

// preflights returns the preflights that arrived for uri.
func (rec *recorder) preflights(uri string) []request {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	var out []request
	for _, x := range rec.arrived {
		if r := x.req; r.URI == uri && r.Method == http.MethodOptions && r.RequestMethod != "" {
			out = append(out, r)
		}
	}
	return out
}

// handlerRuns counts the method requests for uri a handler served.
func (rec *recorder) handlerRuns(method, uri string) int {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	n := 0
	for _, r := range rec.handlers {
		if r.URI == uri && r.Method == method {
			n++
		}
	}
	return n
}

func httpRequest(r *http.Request) request {
	return request{
		Method:         r.Method,
		URI:            r.URL.RequestURI(),
		Origin:         r.Header.Get("Origin"),
		RequestMethod:  r.Header.Get("Access-Control-Request-Method"),
		RequestHeaders: r.Header.Get("Access-Control-Request-Headers"),
		SecFetchSite:   r.Header.Get("Sec-Fetch-Site"),
	}
}

// record wraps a whole net/http server, outside the CORS middleware, and
// keeps each response's status and header as they go on the wire.
func (rec *recorder) record(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		x := rec.arrive(httpRequest(r))
		next.ServeHTTP(&answerWriter{ResponseWriter: w, rec: rec, x: x}, r)
		rec.answer(x, http.StatusOK, w.Header()) // a handler that wrote nothing
	})
}

// answerWriter records the response when its header is sent.
type answerWriter struct {
	http.ResponseWriter
	rec *recorder
	x   *exchange
}

func (w *answerWriter) WriteHeader(status int) {
	if status >= 200 { // 1xx responses are interim
		w.rec.answer(w.x, status, w.Header())
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *answerWriter) Write(p []byte) (int, error) {
	w.rec.answer(w.x, http.StatusOK, w.Header())
	return w.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *answerWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// endpoint is the net/http handler of every route.
func (rec *recorder) endpoint() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.handled(httpRequest(r))
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		out := respond(r.Method, r.URL.Path, r.Header.Get, body)
		for _, h := range out.header {
			w.Header().Add(h[0], h[1])
		}
		w.WriteHeader(out.status)
		io.WriteString(w, out.body)
	})
}

// fastRequest copies what it keeps: fasthttp's bytes are buffers it
// reuses for the next request.
func fastRequest(ctx *fasthttp.RequestCtx) request {
	h := &ctx.Request.Header
	return request{
		Method:         string(ctx.Method()),
		URI:            string(ctx.RequestURI()),
		Origin:         string(h.Peek("Origin")),
		RequestMethod:  string(h.Peek("Access-Control-Request-Method")),
		RequestHeaders: string(h.Peek("Access-Control-Request-Headers")),
		SecFetchSite:   string(h.Peek("Sec-Fetch-Site")),
	}
}

// recordFast wraps a whole fasthttp server (fasthttp's own, or fiber's),
// outside the framework, and keeps each response's status and header as
// the framework finished them.
func (rec *recorder) recordFast(next fasthttp.RequestHandler) fasthttp.RequestHandler {
	return func(ctx *fasthttp.RequestCtx) {
		x := rec.arrive(fastRequest(ctx))
		next(ctx)
		h := http.Header{}
		for k, v := range ctx.Response.Header.All() {
			h.Add(string(k), string(v))
		}
		rec.answer(x, ctx.Response.StatusCode(), h)
	}
}

// fastEndpoint is the fasthttp handler of every route, for fasthttp and
// fiber.
func (rec *recorder) fastEndpoint(ctx *fasthttp.RequestCtx) {
	rec.handled(fastRequest(ctx))
	get := func(name string) string { return string(ctx.Request.Header.Peek(name)) }
	out := respond(string(ctx.Method()), string(ctx.Path()), get, ctx.PostBody())
	for _, h := range out.header {
		ctx.Response.Header.Add(h[0], h[1])
	}
	ctx.SetStatusCode(out.status)
	ctx.SetBodyString(out.body)
}
