package suite

import (
	"net/http"
	"net/url"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa/conformance/scenario"
)

// Response is what a case answered, in a framework-neutral form.
type Response struct {
	// Status is the response status code.
	Status int
	// Header holds the response headers, canonical names, one entry per
	// header line.
	Header http.Header
	// HandlerRan reports whether the route's handler was called.
	HandlerRan bool
}

// target serves one prepared request, again and again.
type target interface {
	// serve resets the response state and serves the request once.
	serve()
	// response describes the last response served.
	response() Response
}

// recorder is a minimal http.ResponseWriter. httptest.ResponseRecorder
// clones the header map on WriteHeader, an allocation per request that
// would be counted against every middleware.
type recorder struct {
	header http.Header
	status int
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return len(p), nil
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

// httpTarget serves a net/http request through an http.Handler.
type httpTarget struct {
	handler http.Handler
	req     *http.Request
	rec     recorder
	ran     *bool
}

// newHTTPTarget prepares s as an *http.Request for h. ran is set by the
// route's handler, so that response can report whether it was called.
func newHTTPTarget(h http.Handler, s scenario.Scenario, ran *bool) *httpTarget {
	req := &http.Request{
		Method:     s.Request.Method,
		URL:        &url.URL{Path: scenario.Path},
		RequestURI: scenario.Path,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Host:       "api.example.com",
		Header:     make(http.Header, len(s.Request.Header)),
		RemoteAddr: "192.0.2.1:1234",
	}
	for _, kv := range s.Request.Header {
		req.Header[kv[0]] = append(req.Header[kv[0]], kv[1])
	}
	return &httpTarget{handler: h, req: req, rec: recorder{header: make(http.Header)}, ran: ran}
}

func (t *httpTarget) serve() {
	clear(t.rec.header)
	t.rec.status = 0
	*t.ran = false
	t.handler.ServeHTTP(&t.rec, t.req)
}

func (t *httpTarget) response() Response {
	status := t.rec.status
	if status == 0 {
		status = http.StatusOK
	}
	return Response{Status: status, Header: t.rec.header.Clone(), HandlerRan: *t.ran}
}

// fastTarget serves a fasthttp request through a fasthttp or fiber app,
// reusing one RequestCtx as fasthttp's own server does between requests.
type fastTarget struct {
	handler fasthttp.RequestHandler
	ctx     *fasthttp.RequestCtx
	ran     *bool
}

func newFastTarget(h fasthttp.RequestHandler, s scenario.Scenario, ran *bool) *fastTarget {
	ctx := new(fasthttp.RequestCtx)
	ctx.Request.Header.SetMethod(s.Request.Method)
	ctx.Request.SetRequestURI(scenario.Path)
	ctx.Request.Header.SetHost("api.example.com")
	for _, kv := range s.Request.Header {
		ctx.Request.Header.Add(kv[0], kv[1])
	}
	return &fastTarget{handler: h, ctx: ctx, ran: ran}
}

func (t *fastTarget) serve() {
	t.ctx.Response.Reset()
	*t.ran = false
	t.handler(t.ctx)
}

func (t *fastTarget) response() Response {
	h := make(http.Header)
	for k, v := range t.ctx.Response.Header.All() {
		name := http.CanonicalHeaderKey(string(k))
		h[name] = append(h[name], string(v))
	}
	return Response{Status: t.ctx.Response.StatusCode(), Header: h, HandlerRan: *t.ran}
}
