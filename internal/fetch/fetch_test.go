package fetch

import (
	"bufio"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

const page = "https://app.example"

func resp(status int, fields ...string) *Response {
	r := &Response{Status: status}
	for i := 0; i < len(fields); i += 2 {
		r.Fields = append(r.Fields, Field{fields[i], fields[i+1]})
	}
	return r
}

func TestForbiddenHeadersAreDroppedAndNeverMakeARequestUnsafe(t *testing.T) {
	for _, tt := range []struct {
		name, value string
		unsafe      bool
	}{
		{"Cookie", "a=b", false},
		{"Sec-Fetch-Mode", "cors", false},
		{"Proxy-Authorization", "x", false},
		{"Keep-Alive", "timeout=5", false},
		{"X-HTTP-Method-Override", "TRACE", false},
		{"X-Method-Override", "put, track", false},
		{"X-HTTP-Method-Override", "PUT", true},
		{"User-Agent", "bot", true},
		{"X-Request-Id", "1", true},
		{"Content-Type", "text/plain", false},
		{"Content-Type", "application/json", true},
		{"Range", "bytes=0-99", false},
		{"Range", "Bytes=0-99", true},
		{"Range", "bytes=-99", true},
	} {
		t.Run(tt.name+": "+tt.value, func(t *testing.T) {
			r := Request{Method: "GET", Origin: page, Header: http.Header{tt.name: {tt.value}}}
			if got := r.NeedsPreflight(); got != tt.unsafe {
				t.Errorf("NeedsPreflight = %v, want %v (unsafe names %q)", got, tt.unsafe, r.UnsafeHeaderNames())
			}
		})
	}
}

func TestChromiumDepartsFromFetchWhereItIsKnownTo(t *testing.T) {
	star := resp(204, "Access-Control-Allow-Origin", page, "Access-Control-Allow-Headers", "*", "Access-Control-Allow-Methods", "*")
	auth := Request{Method: "GET", Origin: page, Header: http.Header{"Authorization": {"Bearer x"}}}
	if err := CheckPreflight(auth, star); err == nil || err.Message != "Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response." {
		t.Errorf("Fetch: Authorization under \"*\": %v, want refused", err)
	}
	auth.Chromium = true
	if err := CheckPreflight(auth, star); err != nil {
		t.Errorf("Chromium: Authorization under \"*\": %v, want allowed (with a deprecation warning)", err)
	}
	for _, tt := range []struct {
		h                  http.Header
		fetch, chromiumToo bool // preflighted by Fetch, by Chromium
	}{
		{http.Header{"User-Agent": {"bot"}}, true, false},
		// Chromium 156 preflights a Range unit in upper case, as Fetch
		// does (conformance/browser's "Range unit in upper case").
		{http.Header{"Range": {"Bytes=0-9"}}, true, true},
		{http.Header{"Range": {"bytes=0-9"}}, false, false},
	} {
		fetch := Request{Method: "GET", Origin: page, Header: tt.h}
		chromium := fetch
		chromium.Chromium = true
		if fetch.NeedsPreflight() != tt.fetch || chromium.NeedsPreflight() != tt.chromiumToo {
			t.Errorf("%v: Fetch preflights %v, Chromium %v; want %v, %v", tt.h, fetch.NeedsPreflight(), chromium.NeedsPreflight(), tt.fetch, tt.chromiumToo)
		}
	}
}

func TestTheCORSCheckSpeaksAsChromiumsConsole(t *testing.T) {
	for _, tt := range []struct {
		name        string
		credentials bool
		resp        *Response
		want        string
	}{
		{"no grant", false, resp(200), "No 'Access-Control-Allow-Origin' header is present on the requested resource. If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled."},
		{"credentials without Allow-Credentials", true, resp(200, "Access-Control-Allow-Origin", page), "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'."},
		{"a wildcard with credentials", true, resp(200, "Access-Control-Allow-Origin", "*"), "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."},
		{"two lines", false, resp(200, "Access-Control-Allow-Origin", page, "Access-Control-Allow-Origin", page), "The 'Access-Control-Allow-Origin' header contains multiple values 'https://app.example, https://app.example', but only one is allowed."},
		{"another origin", false, resp(200, "Access-Control-Allow-Origin", "https://other.example"), "The 'Access-Control-Allow-Origin' header has a value 'https://other.example' that is not equal to the supplied origin."},
		{"the page's origin", true, resp(200, "Access-Control-Allow-Origin", page, "Access-Control-Allow-Credentials", "true"), ""},
		{"a wildcard", false, resp(200, "Access-Control-Allow-Origin", "*"), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckRead(Request{Origin: page, Credentials: tt.credentials}, tt.resp)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestReadResponseParsesHeadersAsABrowserDoes(t *testing.T) {
	raw := "HTTP/1.1 200 OK\r\n" +
		"Access-Control-Allow-Origin : https://evil.example\r\n" +
		"Access-Control-Allow-Origin: https://app.example\r\n" +
		"X(A): dropped\r\n" +
		"X A: dropped\r\n" +
		"Transfer-Encoding: chunked\r\n" +
		"no colon line\r\n" +
		": empty name\r\n" +
		"X-Folded: a\r\n\tb\r\n" +
		"\r\n"
	r, err := ReadResponse(bufio.NewReader(strings.NewReader(raw)))
	if err != nil {
		t.Fatal(err)
	}
	want := []Field{
		{"Access-Control-Allow-Origin", "https://evil.example"},
		{"Access-Control-Allow-Origin", "https://app.example"},
		{"Transfer-Encoding", "chunked"},
		{"X-Folded", "a b"},
	}
	if r.Status != 200 || !reflect.DeepEqual(r.Fields, want) {
		t.Fatalf("got %d %q\nwant 200 %q", r.Status, r.Fields, want)
	}
	// Chromium drops a line whose name is not a token, and keeps the rest
	// (conformance/browser's "a header name that is not a token"). With
	// both Allow-Origin lines, it refuses: the space before the colon does
	// not hide the first one.
	if err := CheckRead(Request{Origin: page}, r); err == nil || !strings.Contains(err.Error(), "multiple values") {
		t.Errorf("CheckRead = %v, want the multiple values refusal", err)
	}
}

// server is a Transport answering from a table of responses by URL and
// method, and recording the requests.
type server struct {
	answers map[string]*Response // "METHOD URL"
	got     []*http.Request
}

func (s *server) do(r *http.Request) (*Response, error) {
	s.got = append(s.got, r)
	if a, ok := s.answers[r.Method+" "+r.URL.String()]; ok {
		return a, nil
	}
	return nil, errors.New("no answer for " + r.Method + " " + r.URL.String())
}

func TestRunFollowsRedirectsAsFetchDoes(t *testing.T) {
	t.Run("a cross-origin redirect sends Origin null, which the final grant must name", func(t *testing.T) {
		s := &server{answers: map[string]*Response{
			"GET https://api.example/a":   resp(307, "Location", "https://other.example/b", "Access-Control-Allow-Origin", page),
			"GET https://other.example/b": resp(200, "Access-Control-Allow-Origin", page),
		}}
		res := Run(Request{Method: "GET", URL: "https://api.example/a", Origin: page}, s.do)
		if len(s.got) != 2 || s.got[1].Header.Get("Origin") != "null" {
			t.Fatalf("requests %v, want two, the second with Origin: null", s.got)
		}
		var e *Error
		if !errors.As(res.Err, &e) || !strings.Contains(e.Message, "has a value 'https://app.example' that is not equal") {
			t.Errorf("Err = %v, want the mismatch with the null origin", res.Err)
		}
	})
	t.Run("a redirect without a grant fails at once", func(t *testing.T) {
		s := &server{answers: map[string]*Response{
			"GET https://api.example/a": resp(302, "Location", "/b"),
		}}
		res := Run(Request{Method: "GET", URL: "https://api.example/a", Origin: page}, s.do)
		if len(s.got) != 1 || res.Err == nil || !strings.HasPrefix(res.Err.Error(), "No 'Access-Control-Allow-Origin'") {
			t.Errorf("requests %d, Err %v; want one request and no grant", len(s.got), res.Err)
		}
	})
	t.Run("a redirected preflight fails", func(t *testing.T) {
		s := &server{answers: map[string]*Response{
			"OPTIONS https://api.example/a": resp(308, "Location", "https://api.example/a/", "Access-Control-Allow-Origin", page),
		}}
		res := Run(Request{Method: "PUT", URL: "https://api.example/a", Origin: page}, s.do)
		if res.Err == nil || res.Err.Error() != "Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request." {
			t.Errorf("Err = %v", res.Err)
		}
	})
	t.Run("303 turns a PUT into a GET, preflighted again only if needed", func(t *testing.T) {
		grant := []string{"Access-Control-Allow-Origin", page, "Access-Control-Allow-Methods", "PUT"}
		s := &server{answers: map[string]*Response{
			"OPTIONS https://api.example/a": resp(204, grant...),
			"PUT https://api.example/a":     resp(303, append([]string{"Location", "/done"}, grant...)...),
			"GET https://api.example/done":  resp(200, append([]string{"X-Total-Count", "3", "Access-Control-Expose-Headers", "X-Total-Count"}, grant...)...),
		}}
		res := Run(Request{Method: "put", URL: "https://api.example/a", Origin: page, Read: []string{"X-Total-Count", "X-Other"}}, s.do)
		if res.Err != nil || len(s.got) != 3 {
			t.Fatalf("Err %v after %d requests, want none after 3", res.Err, len(s.got))
		}
		if !reflect.DeepEqual(res.Readable, []string{"X-Total-Count"}) || !reflect.DeepEqual(res.Unreadable, []string{"X-Other"}) {
			t.Errorf("readable %q, unreadable %q", res.Readable, res.Unreadable)
		}
	})
}

func TestCheckCacheSafeCountsTheBrowsersOwnCache(t *testing.T) {
	get := Request{Method: "GET"}
	for _, tt := range []struct {
		name string
		resp *Response
		want string // in the error; "" for none
	}{
		{"a private, fresh answer without Vary", resp(200, "Cache-Control", "private, max-age=60"), "browser's own cache"},
		{"a public answer without Vary", resp(200, "Cache-Control", "max-age=60"), "shared cache"},
		{"an answer with Vary: Origin", resp(200, "Cache-Control", "max-age=60", "Vary", "Origin"), ""},
		{"a constant star answer", resp(200, "Cache-Control", "max-age=60", "Access-Control-Allow-Origin", "*"), ""},
		{"a no-store answer", resp(200, "Cache-Control", "no-store"), ""},
		{"a private answer without freshness or validator", resp(200, "Cache-Control", "private"), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckCacheSafe(get, tt.resp)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("got %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("got %v, want one naming the %s", err, tt.want)
			}
		})
	}
}

func TestCheckPreflightForJudgesTheNamesThePreflightAskedFor(t *testing.T) {
	put := Request{Method: "PUT", Origin: page}
	grant := resp(204, "Access-Control-Allow-Origin", page, "Access-Control-Allow-Methods", "PUT", "Access-Control-Allow-Headers", "X-Request-Id")
	for _, tt := range []struct {
		name  string
		asked []string
		want  string // the error; "" for none
	}{
		{"a listed name in another case passes", []string{"X-REQUEST-ID"}, ""},
		{"nothing asked passes", nil, ""},
		{"a name not listed fails", []string{"x-request-id", "x-other"}, "Request header field x-other is not allowed by Access-Control-Allow-Headers in preflight response."},
		// A browser never asks for Cookie; a preflight that does is judged
		// as asked, not as the script's request would have been.
		{"a forbidden name asked for must be listed too", []string{"cookie"}, "Request header field cookie is not allowed by Access-Control-Allow-Headers in preflight response."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if err := CheckPreflightFor(put, tt.asked, grant); err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// Browsers send Sec-Fetch-Site to potentially trustworthy URLs only, with
// the farthest relation of any URL of the redirect chain to the page: the
// header a server's cross-origin write protection decides on.
func TestRunSendsSecFetchSiteAsBrowsersDo(t *testing.T) {
	grant := func(origin string) *Response {
		return resp(200, "Access-Control-Allow-Origin", origin, "Access-Control-Allow-Methods", "PUT")
	}
	tests := []struct {
		name, origin, url, method string
		answers                   map[string]*Response
		want                      []string // per request, "" for none
	}{
		{"a page of the URL's own origin sends same-origin", "https://api.example.com", "https://api.example.com/a", "POST",
			map[string]*Response{"POST https://api.example.com/a": resp(200)}, []string{"same-origin"}},
		{"a page of another subdomain sends same-site", "https://app.example.com", "https://api.example.com/a", "POST",
			map[string]*Response{"POST https://api.example.com/a": grant("https://app.example.com")}, []string{"same-site"}},
		{"the preflight carries it too", "https://app.example.com", "https://api.example.com/a", "PUT",
			map[string]*Response{"OPTIONS https://api.example.com/a": grant("https://app.example.com"), "PUT https://api.example.com/a": grant("https://app.example.com")},
			[]string{"same-site", "same-site"}},
		{"subdomains of a multi-label public suffix are one site", "https://a.example.co.uk", "https://b.example.co.uk/a", "POST",
			map[string]*Response{"POST https://b.example.co.uk/a": grant("https://a.example.co.uk")}, []string{"same-site"}},
		{"two registrable domains under a public suffix are two sites", "https://a.github.io", "https://b.github.io/a", "POST",
			map[string]*Response{"POST https://b.github.io/a": grant("https://a.github.io")}, []string{"cross-site"}},
		{"another scheme is another site", "http://app.example.com", "https://api.example.com/a", "POST",
			map[string]*Response{"POST https://api.example.com/a": grant("http://app.example.com")}, []string{"cross-site"}},
		{"a sandboxed page is cross-site to everything", "null", "https://api.example.com/a", "POST",
			map[string]*Response{"POST https://api.example.com/a": grant("null")}, []string{"cross-site"}},
		{"a loopback IP address over http is trustworthy", "https://evil.test", "http://127.0.0.1:8080/a", "POST",
			map[string]*Response{"POST http://127.0.0.1:8080/a": resp(403)}, []string{"cross-site"}},
		{"localhost over http is trustworthy, one site on any port", "http://localhost:3000", "http://localhost:8080/a", "POST",
			map[string]*Response{"POST http://localhost:8080/a": grant("http://localhost:3000")}, []string{"same-site"}},
		{"a plain-http host is not trustworthy: nothing is sent", "http://app.example.com", "http://api.example.com/a", "POST",
			map[string]*Response{"POST http://api.example.com/a": grant("http://app.example.com")}, []string{""}},
		{"a cross-site hop makes the rest of the chain cross-site", "https://api.example.com", "https://api.example.com/a", "GET",
			map[string]*Response{
				"GET https://api.example.com/a": resp(307, "Location", "https://evil.example/b"),
				"GET https://evil.example/b":    resp(307, "Location", "https://api.example.com/c", "Access-Control-Allow-Origin", "*"),
				"GET https://api.example.com/c": resp(200, "Access-Control-Allow-Origin", "*"),
			}, []string{"same-origin", "cross-site", "cross-site"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := &server{answers: tc.answers}
			Run(Request{Method: tc.method, URL: tc.url, Origin: tc.origin}, s.do)
			var got []string
			for _, r := range s.got {
				got = append(got, r.Header.Get("Sec-Fetch-Site"))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Sec-Fetch-Site per request %q, want %q", got, tc.want)
			}
		})
	}
}

// A 403 to a write, without a grant, is a cross-origin write protection's
// refusal: probe says the handler most likely did not run, and what the
// server must trust.
func TestProbeNamesACrossOriginWriteRefusal(t *testing.T) {
	for _, tc := range []struct {
		name, method string
		status       int
		says         bool
	}{
		{"a POST answered 403 is a refused write", "POST", 403, true},
		{"a DELETE answered 403 is a refused write", "DELETE", 403, true},
		{"a GET answered 403 is not a write", "GET", 403, false},
		{"a POST answered 500 is not a refusal", "POST", 500, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &server{answers: map[string]*Response{
				"OPTIONS https://api.example/a":      resp(204, "Access-Control-Allow-Origin", page, "Access-Control-Allow-Methods", "DELETE"),
				tc.method + " https://api.example/a": resp(tc.status, "Vary", "Origin, Sec-Fetch-Site"),
			}}
			report, ok, err := Probe(Request{Method: tc.method, URL: "https://api.example/a", Origin: page}, s.do)
			if err != nil || ok {
				t.Fatalf("Probe: ok %v, err %v; want a refusal", ok, err)
			}
			said := strings.Contains(report, "server: 403 to a cross-origin write, without a CORS grant: the server refuses the write itself") &&
				strings.Contains(report, "fix: the server must trust "+page+" for writes and grant it (Access-Control-Allow-Origin: "+page+")")
			if said != tc.says {
				t.Errorf("report names a refused write: %v, want %v:\n%s", said, tc.says, report)
			}
		})
	}
}
