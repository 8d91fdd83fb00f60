package conformance

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

const browserPage = "https://app.example"

// resp builds a response from a status and name, value pairs; a name may
// repeat, which makes two header lines.
func browserResp(status int, nameValues ...string) *http.Response {
	h := http.Header{}
	for i := 0; i+1 < len(nameValues); i += 2 {
		h.Add(nameValues[i], nameValues[i+1])
	}
	return &http.Response{StatusCode: status, Header: h}
}

// put is a preflighted request from browserPage with one custom header.
func browserPut(credentials bool, nameValues ...string) BrowserRequest {
	h := http.Header{}
	for i := 0; i+1 < len(nameValues); i += 2 {
		h.Add(nameValues[i], nameValues[i+1])
	}
	return BrowserRequest{Method: "PUT", URL: "https://api.example/r", Origin: browserPage, Credentials: credentials, Header: h}
}

func TestBrowserRequestNeedsPreflight(t *testing.T) {
	for _, tc := range []struct {
		name   string
		r      BrowserRequest
		want   bool
		unsafe []string
	}{
		// Fetch, "CORS-safelisted method": GET, HEAD, POST.
		{"a plain GET is sent without a preflight", BrowserRequest{Method: "GET", Origin: browserPage}, false, nil},
		{"fetch upper-cases post, so it is still safelisted", BrowserRequest{Method: "post", Origin: browserPage}, false, nil},
		{"a PUT is preflighted", BrowserRequest{Method: "PUT", Origin: browserPage}, true, nil},
		{"a PATCH written in lower case stays lower case and is preflighted", BrowserRequest{Method: "patch", Origin: browserPage}, true, nil},
		// "CORS-safelisted request-header": Content-Type only with one of
		// three MIME essences.
		{"a text/plain POST is not preflighted", BrowserRequest{Method: "POST", Origin: browserPage, Header: http.Header{"Content-Type": {"text/plain;charset=UTF-8"}}}, false, nil},
		{"a text/plain Content-Type with an odd parameter is still safelisted", BrowserRequest{Method: "POST", Origin: browserPage, Header: http.Header{"Content-Type": {"Text/Plain; odd"}}}, false, nil},
		{"a JSON Content-Type is unsafe", BrowserRequest{Method: "POST", Origin: browserPage, Header: http.Header{"Content-Type": {"application/json"}}}, true, []string{"content-type"}},
		{"safelisted headers need no preflight", BrowserRequest{Method: "GET", Origin: browserPage, Header: http.Header{"Accept": {"text/html"}, "Accept-Language": {"en-US,en;q=0.5"}, "Range": {"bytes=0-99"}}}, false, nil},
		{"Accept with a CORS-unsafe byte is unsafe", BrowserRequest{Method: "GET", Origin: browserPage, Header: http.Header{"Accept": {"text/html(x)"}}}, true, []string{"accept"}},
		{"a Range with two ranges is unsafe", BrowserRequest{Method: "GET", Origin: browserPage, Header: http.Header{"Range": {"bytes=0-1,5-6"}}}, true, []string{"range"}},
		{"unsafe names are lower-cased and sorted", BrowserRequest{Method: "GET", Origin: browserPage, Header: http.Header{"X-B": {"1"}, "X-A": {"1"}}}, true, []string{"x-a", "x-b"}},
		{"safelisted values over 1024 bytes together become unsafe", BrowserRequest{Method: "GET", Origin: browserPage, Header: http.Header{
			"Accept": {strings.Repeat("a", 128)}, "Accept-Language": {strings.Repeat("b", 128)}, "Content-Language": {strings.Repeat("c", 128)},
			"Content-Type": {"text/plain; x=" + strings.Repeat("d", 100)}, "Range": {"bytes=0-1"},
		}}, false, nil},
		{"a request without Origin is not a CORS request", BrowserRequest{Method: "PUT"}, false, nil},
		// "Forbidden request-header": the browser drops it, so it never
		// makes a request unsafe.
		{"forbidden headers are dropped, not preflighted", BrowserRequest{Method: "GET", Origin: browserPage, Header: http.Header{"Cookie": {"a=b"}, "Sec-Foo": {"1"}, "Proxy-X": {"1"}, "X-Http-Method-Override": {"TRACE"}}}, false, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.r.NeedsPreflight(); got != tc.want {
				t.Errorf("NeedsPreflight() = %v, want %v", got, tc.want)
			}
			if got := tc.r.UnsafeHeaderNames(); !slices.Equal(got, tc.unsafe) {
				t.Errorf("UnsafeHeaderNames() = %q, want %q", got, tc.unsafe)
			}
		})
	}
}

func TestCheckPreflight(t *testing.T) {
	allowed := func(status int, extra ...string) *http.Response {
		return browserResp(status, append([]string{"Access-Control-Allow-Origin", browserPage, "Access-Control-Allow-Methods", "PUT"}, extra...)...)
	}
	for _, tc := range []struct {
		name string
		r    BrowserRequest
		resp *http.Response
		pass bool
	}{
		// CORS-preflight fetch step 7: a CORS check and an ok status.
		{"a 204 naming the origin and the method passes", browserPut(false), allowed(204), true},
		{"a 200 passes as well as a 204", browserPut(false), allowed(200), true},
		{"a 403 with every header fails: not an ok status", browserPut(false), allowed(403), false},
		{"a 2xx without Allow-Origin fails the CORS check", browserPut(false), browserResp(204, "Access-Control-Allow-Methods", "PUT"), false},
		{"two Allow-Origin lines fail: get joins them", browserPut(false), browserResp(204, "Access-Control-Allow-Origin", browserPage, "Access-Control-Allow-Origin", browserPage, "Access-Control-Allow-Methods", "PUT"), false},
		{"an origin list in one line fails", browserPut(false), browserResp(204, "Access-Control-Allow-Origin", browserPage+" https://b.example", "Access-Control-Allow-Methods", "PUT"), false},
		{"a preflight with credentials needs Allow-Credentials true", browserPut(true), allowed(204), false},
		{"Allow-Credentials True in another case fails", browserPut(true), allowed(204, "Access-Control-Allow-Credentials", "True"), false},
		{"Allow-Credentials true passes a credentialed preflight", browserPut(true), allowed(204, "Access-Control-Allow-Credentials", "true"), true},
		// Step 7.5: methods compare byte for byte; "*" only without
		// credentials.
		{"a method missing from Allow-Methods fails", browserPut(false), browserResp(204, "Access-Control-Allow-Origin", browserPage, "Access-Control-Allow-Methods", "GET, POST"), false},
		{"Allow-Methods put in lower case does not cover PUT", browserPut(false), browserResp(204, "Access-Control-Allow-Origin", browserPage, "Access-Control-Allow-Methods", "put"), false},
		{"Allow-Methods * covers PUT without credentials", browserPut(false), browserResp(204, "Access-Control-Allow-Origin", browserPage, "Access-Control-Allow-Methods", "*"), true},
		{"Allow-Methods * is a literal method with credentials", browserPut(true), browserResp(204, "Access-Control-Allow-Origin", browserPage, "Access-Control-Allow-Credentials", "true", "Access-Control-Allow-Methods", "*"), false},
		{"a method listed on a second line passes", browserPut(false), browserResp(204, "Access-Control-Allow-Origin", browserPage, "Access-Control-Allow-Methods", "GET", "Access-Control-Allow-Methods", "PUT"), true},
		{"a safelisted method needs no Allow-Methods", BrowserRequest{Method: "GET", Origin: browserPage, Header: http.Header{"X-Id": {"1"}}}, browserResp(204, "Access-Control-Allow-Origin", browserPage, "Access-Control-Allow-Headers", "X-Id"), true},
		// Step 7.3: a list that does not parse fails.
		{"an Allow-Methods element that is not a token fails", browserPut(false), browserResp(204, "Access-Control-Allow-Origin", browserPage, "Access-Control-Allow-Methods", "PUT, bad value"), false},
		// Step 7.7: header names compare case-insensitively; "*" only
		// without credentials.
		{"a requested header listed in another case passes", browserPut(false, "X-Request-Id", "1"), allowed(204, "Access-Control-Allow-Headers", "x-REQUEST-id"), true},
		{"a requested header not listed fails", browserPut(false, "X-Request-Id", "1"), allowed(204, "Access-Control-Allow-Headers", "X-Other"), false},
		{"Allow-Headers * covers any header without credentials", browserPut(false, "X-Request-Id", "1"), allowed(204, "Access-Control-Allow-Headers", "*"), true},
		{"Allow-Headers * is a literal name with credentials", browserPut(true, "X-Request-Id", "1"), allowed(204, "Access-Control-Allow-Credentials", "true", "Access-Control-Allow-Headers", "*"), false},
		// Step 7.6: Authorization is a CORS non-wildcard request-header
		// name.
		{"Allow-Headers * never covers Authorization", browserPut(false, "Authorization", "Bearer x"), allowed(204, "Access-Control-Allow-Headers", "*"), false},
		{"Authorization named in Allow-Headers passes", browserPut(false, "Authorization", "Bearer x"), allowed(204, "Access-Control-Allow-Headers", "authorization"), true},
		{"a safelisted request header needs no Allow-Headers", browserPut(false, "Content-Type", "text/plain"), allowed(204), true},
		// CORS check step 3: "*" matches every origin, "null" included,
		// without credentials.
		{"Allow-Origin * passes a preflight from a null origin", BrowserRequest{Method: "PUT", Origin: "null"}, browserResp(204, "Access-Control-Allow-Origin", "*", "Access-Control-Allow-Methods", "PUT"), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckPreflight(tc.r, tc.resp)
			if (err == nil) != tc.pass {
				t.Errorf("CheckPreflight = %v, want pass %v", err, tc.pass)
			}
		})
	}
}

func TestCheckRead(t *testing.T) {
	get := func(origin string, credentials bool) BrowserRequest {
		return BrowserRequest{Method: "GET", Origin: origin, Credentials: credentials}
	}
	for _, tc := range []struct {
		name string
		r    BrowserRequest
		resp *http.Response
		pass bool
	}{
		// CORS check steps 1-8.
		{"the exact origin is readable", get(browserPage, false), browserResp(200, "Access-Control-Allow-Origin", browserPage), true},
		{"no Allow-Origin is not readable (step 2)", get(browserPage, false), browserResp(200), false},
		{"an error status is readable when the headers match", get(browserPage, false), browserResp(500, "Access-Control-Allow-Origin", browserPage), true},
		{"* is readable without credentials (step 3)", get(browserPage, false), browserResp(200, "Access-Control-Allow-Origin", "*"), true},
		{"* is readable by a null origin (step 3)", get("null", false), browserResp(200, "Access-Control-Allow-Origin", "*"), true},
		{"* is not readable with credentials (step 4)", get(browserPage, true), browserResp(200, "Access-Control-Allow-Origin", "*", "Access-Control-Allow-Credentials", "true"), false},
		{"another origin is not readable (step 4)", get(browserPage, false), browserResp(200, "Access-Control-Allow-Origin", "https://b.example"), false},
		{"a trailing slash is another origin (step 4)", get(browserPage, false), browserResp(200, "Access-Control-Allow-Origin", browserPage+"/"), false},
		{"the origin in another case is another origin (step 4)", get(browserPage, false), browserResp(200, "Access-Control-Allow-Origin", strings.ToUpper(browserPage)), false},
		{"two Allow-Origin lines are not readable (step 1)", get(browserPage, false), browserResp(200, "Access-Control-Allow-Origin", browserPage, "Access-Control-Allow-Origin", browserPage), false},
		{"null is readable by a null origin that it names", get("null", false), browserResp(200, "Access-Control-Allow-Origin", "null"), true},
		{"credentials need Allow-Credentials (step 8)", get(browserPage, true), browserResp(200, "Access-Control-Allow-Origin", browserPage), false},
		{"credentials with Allow-Credentials true are readable (step 7)", get(browserPage, true), browserResp(200, "Access-Control-Allow-Origin", browserPage, "Access-Control-Allow-Credentials", "true"), true},
		{"Allow-Credentials TRUE is not true (step 7)", get(browserPage, true), browserResp(200, "Access-Control-Allow-Origin", browserPage, "Access-Control-Allow-Credentials", "TRUE"), false},
		{"a request without Origin is not a CORS request", get("", false), browserResp(200), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckRead(tc.r, tc.resp)
			if (err == nil) != tc.pass {
				t.Errorf("CheckRead = %v, want pass %v", err, tc.pass)
			}
		})
	}
}

func TestExposedHeaders(t *testing.T) {
	base := []string{"Content-Type", "text/plain", "Content-Length", "2", "X-Total-Count", "7", "X-Handler", "ran", "Set-Cookie", "a=b"}
	get := func(credentials bool) BrowserRequest {
		return BrowserRequest{Method: "GET", Origin: browserPage, Credentials: credentials}
	}
	for _, tc := range []struct {
		name string
		r    BrowserRequest
		resp *http.Response
		want []string
	}{
		// "CORS-safelisted response-header name".
		{"without Expose-Headers only safelisted headers are readable", get(false), browserResp(200, append(base, "Access-Control-Allow-Origin", browserPage)...), []string{"content-length", "content-type"}},
		{"an exposed name is readable in any case", get(false), browserResp(200, append(base, "Access-Control-Allow-Origin", browserPage, "Access-Control-Expose-Headers", "x-total-COUNT")...), []string{"content-length", "content-type", "x-total-count"}},
		{"* exposes every header but Set-Cookie without credentials", get(false), browserResp(200, append(base, "Access-Control-Allow-Origin", "*", "Access-Control-Expose-Headers", "*")...), []string{"access-control-allow-origin", "access-control-expose-headers", "content-length", "content-type", "x-handler", "x-total-count"}},
		{"* is a literal name with credentials", get(true), browserResp(200, append(base, "Access-Control-Allow-Origin", browserPage, "Access-Control-Allow-Credentials", "true", "Access-Control-Expose-Headers", "*")...), []string{"content-length", "content-type"}},
		{"Set-Cookie is never readable, even when exposed", get(false), browserResp(200, append(base, "Access-Control-Allow-Origin", browserPage, "Access-Control-Expose-Headers", "Set-Cookie")...), []string{"content-length", "content-type"}},
		{"nothing is readable from a response that fails the CORS check", get(false), browserResp(200, append(base, "Access-Control-Expose-Headers", "X-Total-Count")...), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ExposedHeaders(tc.r, tc.resp); !slices.Equal(got, tc.want) {
				t.Errorf("ExposedHeaders = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCheckCacheSafe(t *testing.T) {
	get := BrowserRequest{Method: "GET", Origin: browserPage}
	for _, tc := range []struct {
		name string
		r    BrowserRequest
		resp *http.Response
		safe bool
	}{
		{"a 200 naming the origin without Vary is unsafe", get, browserResp(200, "Access-Control-Allow-Origin", browserPage), false},
		{"a 200 naming the origin with Vary: Origin is safe", get, browserResp(200, "Access-Control-Allow-Origin", browserPage, "Vary", "Accept-Encoding, origin"), true},
		{"Vary: * is safe", get, browserResp(200, "Access-Control-Allow-Origin", browserPage, "Vary", "*"), true},
		{"a refusal without Allow-Origin depends on Origin too", get, browserResp(200), false},
		{"a constant * needs no Vary", get, browserResp(200, "Access-Control-Allow-Origin", "*"), true},
		// RFC 9110 §15.1: 403 and 500 are not heuristically cacheable.
		{"a 403 is not stored by default", get, browserResp(403), true},
		{"a 500 is not stored by default", get, browserResp(500, "Access-Control-Allow-Origin", browserPage), true},
		{"a 404 is heuristically cacheable", get, browserResp(404, "Access-Control-Allow-Origin", browserPage), false},
		{"a 403 with max-age is stored", get, browserResp(403, "Cache-Control", "max-age=60"), false},
		// RFC 9111 §3: OPTIONS is not a cacheable method.
		{"an OPTIONS response is not stored", BrowserRequest{Method: "OPTIONS", Origin: browserPage}, browserResp(204, "Access-Control-Allow-Origin", browserPage), true},
		{"no-store is not stored", get, browserResp(200, "Access-Control-Allow-Origin", browserPage, "Cache-Control", "no-store"), true},
		// The browser's own cache stores private responses too, and
		// reuses a fresh one for a request from another origin.
		{"a private, fresh answer is reused by the browser's own cache", get, browserResp(200, "Access-Control-Allow-Origin", browserPage, "Cache-Control", "Private, max-age=60"), false},
		{"a private answer without freshness or validator is safe", get, browserResp(200, "Access-Control-Allow-Origin", browserPage, "Cache-Control", "private"), true},
		{"a request with Authorization is stored only with public", BrowserRequest{Method: "GET", Origin: browserPage, Header: http.Header{"Authorization": {"x"}}}, browserResp(200, "Access-Control-Allow-Origin", browserPage), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckCacheSafe(tc.r, tc.resp)
			if (err == nil) != tc.safe {
				t.Errorf("CheckCacheSafe = %v, want safe %v", err, tc.safe)
			}
		})
	}
}

// A browser request is judged in two steps when it needs a preflight.
func ExampleCheckPreflight() {
	r := BrowserRequest{
		Method: "PUT", URL: "https://api.example/items/1", Origin: "https://app.example",
		Header: http.Header{"Content-Type": {"application/json"}},
	}
	preflight := &http.Response{StatusCode: 204, Header: http.Header{
		"Access-Control-Allow-Origin":  {"https://app.example"},
		"Access-Control-Allow-Methods": {"PUT"},
	}}
	fmt.Println(r.NeedsPreflight(), r.UnsafeHeaderNames())
	fmt.Println(CheckPreflight(r, preflight))
	// Output:
	// true [content-type]
	// Request header field content-type is not allowed by Access-Control-Allow-Headers in preflight response.
}
