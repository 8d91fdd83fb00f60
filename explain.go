package corsa

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/corsa-go/corsa/internal/fetch"
)

// Fetch is a request a page's script makes, what it passes to fetch(), for
// Explain.
type Fetch struct {
	// Origin is the page's origin as the browser serializes it,
	// "https://app.example.com", or "null" for a sandboxed or file: page.
	Origin string
	// URL is the URL fetched; empty means one on another site than the
	// page's, "https://api.invalid/".
	URL string
	// Method is the method the script asks for; empty means GET.
	Method string
	// Headers are the request headers the script sets, each "Name: value",
	// or a name alone for a value that is not CORS-safelisted (JSON's
	// Content-Type, for one).
	Headers []string
	// Credentials is credentials: "include": the request carries cookies
	// and HTTP authentication, and the response must allow them.
	Credentials bool
	// Read names the response headers the script reads with
	// response.headers.get.
	Read []string
}

// defaultExplainURL is the URL Explain fetches when Fetch.URL is empty:
// the .invalid top-level domain is never another page's site.
const defaultExplainURL = "https://api.invalid/"

// Explain says in words what a browser does with the request f under the
// policy, and why: the preflight it sends first when one is needed, what
// the policy answers each request it sends and by which rule, what the
// browser then does (in the words of Chromium's console when it blocks),
// whether the script can read each header of f.Read, and what to change
// in the policy when the page fails. ok reports whether the page's fetch()
// succeeds and every header of f.Read is readable; a failure the policy
// chose (an origin it does not allow) is still one.
//
// The browser's side is judged by the Fetch Standard, and where current
// Chromium departs from it (Authorization under a wildcard, a User-Agent
// set by the script) both verdicts are told.
// The handler is assumed to answer 200. Explain is for people, logs and
// the corsa command: it allocates freely, and never calls OnDecision.
func (p *Policy) Explain(f Fetch) (explanation string, ok bool) {
	var b strings.Builder
	req, err := f.request()
	if err != nil {
		fmt.Fprintf(&b, "%v\n", err)
		return b.String(), false
	}
	fmt.Fprintf(&b, "%s from %s\n", f.describe(req.URL), quoteShort(f.Origin))
	u, _ := url.Parse(req.URL)
	if f.Origin != "" && f.Origin == originOf(u) {
		b.WriteString("the page and the URL are one origin: the browser applies no CORS, and every header is readable\n")
		return b.String(), true
	}
	for _, h := range dropped(f) {
		fmt.Fprintf(&b, "note: the browser never sends %s: scripts may not set it (a forbidden request-header)\n", h)
	}
	var answers []string
	var last decided
	quiet := *p
	quiet.onDecision = nil
	transport := func(hr *http.Request) (*fetch.Response, error) {
		var r Request
		r.ReadHTTP(hr)
		answers = append(answers, p.explainRequest(&r))
		d := quiet.decide(&r)
		last = decided{r, d}
		h := http.Header{}
		d.SetHeaders(h)
		status := d.Status()
		if status == 0 {
			// The handler answers, assumed with 200 and every header the
			// script reads, so that what is judged is their exposure.
			status = http.StatusOK
			for _, name := range f.Read {
				if h.Get(name) == "" {
					h.Set(name, "(set by the handler)")
				}
			}
		}
		return fetch.FromHTTP(status, h), nil
	}
	res := fetch.Run(req, transport)
	final := last
	for i, x := range res.Exchanges {
		if x.Preflight {
			fmt.Fprintf(&b, "preflight: OPTIONS %s%s\n", x.Request.URL, preflightAsks(x.Request))
		} else {
			fmt.Fprintf(&b, "request: %s %s\n", x.Request.Method, x.Request.URL)
		}
		b.WriteString(indent(answers[i]))
	}
	chromiumReq := req
	chromiumReq.Chromium = true
	chromium := fetch.Run(chromiumReq, transport)
	ok = p.verdict(&b, f, req, res, final)
	if (chromium.Err == nil) != (res.Err == nil) {
		if chromium.Err == nil {
			b.WriteString("Chromium today: the fetch succeeds, departing from the Fetch Standard; expect it to fail when Chromium follows it\n")
		} else {
			fmt.Fprintf(&b, "Chromium today: blocked: %v\n", chromium.Err)
		}
	}
	return b.String(), ok
}

// decided is one request of a fetch() and the policy's decision on it.
type decided struct {
	r Request
	d Decision
}

// verdict writes the browser's verdict on res, and the fix when it fails,
// and returns whether the page succeeds. last is the policy's decision on
// the last request the browser sent.
func (p *Policy) verdict(b *strings.Builder, f Fetch, req fetch.Request, res fetch.Result, last decided) bool {
	var fe *fetch.Error
	switch {
	case res.Err == nil:
	case errors.As(res.Err, &fe):
		fmt.Fprintf(b, "browser: blocked: %s\n", fe.Console(req.URL, f.Origin))
		if fe.Preflight {
			b.WriteString("the browser stops here: the request itself is never sent\n")
		}
		if fix := p.fix(f, req, fe, last); fix != "" {
			fmt.Fprintf(b, "fix: %s\n", fix)
		}
		return false
	default:
		fmt.Fprintf(b, "browser: fails: %v\n", res.Err)
		return false
	}
	b.WriteString("browser: the script can read the response\n")
	for _, h := range res.Readable {
		fmt.Fprintf(b, "  reads %s: yes\n", h)
	}
	for _, h := range res.Unreadable {
		why := "not exposed: add it to exposedHeaders"
		if f.Credentials && p.anyExposed() {
			why = `not exposed: "*" exposes nothing to a credentialed request; list it by name in exposedHeaders`
		}
		fmt.Fprintf(b, "  reads %s: null, %s\n", h, why)
	}
	return len(res.Unreadable) == 0
}

// fix says what to change in the policy for a blocked fetch: after the
// policy's own refusal of the last request, what it refused; after the
// browser's, what it missed.
func (p *Policy) fix(f Fetch, req fetch.Request, e *fetch.Error, last decided) string {
	switch last.d.Reason() {
	case OriginNotAllowed, CrossOriginRefused:
		why := ""
		if last.d.Reason() == CrossOriginRefused {
			why = " (crossOriginProtection refuses writes from origins the policy does not allow)"
		}
		return "if this page is to use the API, add " + f.Origin + " to origins" + why
	case MethodNotAllowed:
		return "add " + last.r.RequestMethod + " to methods"
	case HeadersNotAllowed:
		name := p.refusedHeader(last.r.RequestHeaders)
		if strings.EqualFold(name, "authorization") && p.anyHeader {
			return `add Authorization to requestHeaders: "*" never covers it`
		}
		return "add " + name + " to requestHeaders"
	case OriginFuncPanicked:
		return "OriginFunc panicked on this origin: it must answer, not panic"
	}
	switch msg := e.Message; {
	case strings.Contains(msg, "Access-Control-Allow-Credentials"):
		return "set credentials: true, so that the page's credentialed requests may read the answers"
	case strings.Contains(msg, "must not be the wildcard"):
		return `list the page's origin in origins instead of "*" and set credentials: true: "*" never allows credentials`
	case strings.HasPrefix(msg, "Method "):
		return "add " + req.NormalizedMethod() + " to methods"
	case strings.HasPrefix(msg, "Request header field "):
		name := strings.Fields(strings.TrimPrefix(msg, "Request header field "))[0]
		if name == "authorization" && p.anyHeader {
			return `add Authorization to requestHeaders: "*" never covers it`
		}
		return "add " + name + " to requestHeaders"
	case strings.Contains(msg, "No 'Access-Control-Allow-Origin'"):
		if p.crossOriginProtection && !isSafeMethod(req.NormalizedMethod()) {
			return "add " + f.Origin + " to origins: crossOriginProtection refuses writes from origins the policy does not allow"
		}
		return "add " + f.Origin + " to origins, if the page is to read this API"
	}
	return ""
}

// request is f as internal/fetch takes it.
func (f Fetch) request() (fetch.Request, error) {
	u := f.URL
	if u == "" {
		u = defaultExplainURL
	}
	h := http.Header{}
	for _, line := range f.Headers {
		name, value, found := strings.Cut(line, ":")
		name = strings.TrimSpace(name)
		if !found {
			value = "{not safelisted}" // any value a browser must preflight
		}
		if !isToken(name) {
			return fetch.Request{}, fmt.Errorf("invalid request header name %s", quoteShort(name))
		}
		h.Add(name, strings.TrimSpace(value))
	}
	return fetch.Request{Method: f.Method, URL: u, Origin: f.Origin, Credentials: f.Credentials, Header: h, Read: f.Read}, nil
}

// describe writes f as the script's call.
func (f Fetch) describe(u string) string {
	var opts []string
	if f.Method != "" && !strings.EqualFold(f.Method, "GET") {
		opts = append(opts, fmt.Sprintf("method: %q", f.Method))
	}
	if f.Credentials {
		opts = append(opts, `credentials: "include"`)
	}
	if len(f.Headers) > 0 {
		opts = append(opts, "headers: "+strings.Join(f.Headers, ", "))
	}
	if len(opts) == 0 {
		return fmt.Sprintf("fetch(%q)", u)
	}
	return fmt.Sprintf("fetch(%q, {%s})", u, strings.Join(opts, ", "))
}

// dropped lists the headers of f a browser does not send.
func dropped(f Fetch) []string {
	var out []string
	for _, line := range f.Headers {
		name, value, _ := strings.Cut(line, ":")
		if name = strings.TrimSpace(name); fetch.Forbidden(name, strings.TrimSpace(value)) {
			out = append(out, name)
		}
	}
	return out
}

// preflightAsks writes what a preflight asks for.
func preflightAsks(r *http.Request) string {
	s := ", Access-Control-Request-Method: " + r.Header.Get("Access-Control-Request-Method")
	if h := r.Header.Get("Access-Control-Request-Headers"); h != "" {
		s += ", Access-Control-Request-Headers: " + h
	}
	return s
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n  ") + "\n"
}

// anyExposed reports whether the policy exposes "*".
func (p *Policy) anyExposed() bool { return p.exposeHeaders == "*" }

// originOf serializes u's origin: scheme://host[:port], without the
// scheme's default port.
func originOf(u *url.URL) string {
	if u == nil {
		return ""
	}
	host, port := strings.ToLower(u.Hostname()), u.Port()
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	scheme := strings.ToLower(u.Scheme)
	if port == "" || scheme == "http" && port == "80" || scheme == "https" && port == "443" {
		return scheme + "://" + host
	}
	return scheme + "://" + host + ":" + port
}
