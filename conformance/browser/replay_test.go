package browser

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"testing"

	"github.com/corsa-go/corsa/internal/fetch"
)

func replayRequest(method, rawURL string, header ...string) *http.Request {
	u, err := url.Parse(rawURL)
	if err != nil {
		panic(err)
	}
	r := &http.Request{Method: method, URL: u, Header: http.Header{}}
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	return r
}

// The replay answers the checker with what Chromium got, and says where
// the checker's requests are not Chromium's.
func TestReplayAnswersWithWhatChromiumGot(t *testing.T) {
	const page = "http://app.example.test"
	grant := &fetch.Response{Status: 204, Fields: []fetch.Field{{Name: "Access-Control-Allow-Origin", Value: page}}}
	private := &fetch.Response{Status: 200, Fields: []fetch.Field{{Name: "Cache-Control", Value: "private, max-age=60"}}}
	noStore := &fetch.Response{Status: 200, Fields: []fetch.Field{{Name: "Cache-Control", Value: "no-store"}}}
	preflight := wire{method: "OPTIONS", uri: "/a", origin: page, acrm: "PUT", acrh: "x-id", resp: grant}

	t.Run("a request Chromium sent is answered once, its Origin compared", func(t *testing.T) {
		p := newReplay([]wire{{method: "GET", uri: "/a", origin: page, resp: grant}}, nil)
		if got, err := p.do(replayRequest("GET", "http://api.example.test/a", "Origin", "null")); got != grant || err != nil {
			t.Fatalf("do = %v, %v; want the recorded answer", got, err)
		}
		if len(p.differs) != 1 {
			t.Errorf("differs = %q, want the Origin noted", p.differs)
		}
		if _, err := p.do(replayRequest("GET", "http://api.example.test/a", "Origin", page)); !errors.Is(err, errNotSent) {
			t.Errorf("a second request: %v, want errNotSent", err)
		}
	})
	t.Run("a preflight Chromium did not send is answered from an earlier one", func(t *testing.T) {
		p := newReplay(nil, []wire{preflight})
		got, err := p.do(replayRequest("OPTIONS", "http://api.example.test/a", "Origin", page, "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "x-id"))
		if got != grant || err != nil || len(p.cached) != 1 {
			t.Errorf("do = %v, %v, cached %q; want the earlier preflight's answer, from the cache", got, err, p.cached)
		}
	})
	t.Run("a request Chromium did not send is answered from its HTTP cache only when a cache may reuse it", func(t *testing.T) {
		for _, tt := range []struct {
			resp   *fetch.Response
			cached bool
		}{{private, true}, {noStore, false}} {
			p := newReplay(nil, []wire{{method: "GET", uri: "/a", resp: tt.resp}})
			got, err := p.do(replayRequest("GET", "http://api.example.test/a", "Origin", page))
			if (err == nil) != tt.cached || tt.cached && got != tt.resp {
				t.Errorf("%v: do = %v, %v; want from the cache %v", tt.resp.Fields, got, err, tt.cached)
			}
		}
	})
	t.Run("what Chromium sent and the checker did not is listed", func(t *testing.T) {
		p := newReplay([]wire{preflight, {method: "PUT", uri: "/a", origin: page, resp: grant}}, nil)
		if _, err := p.do(replayRequest("PUT", "http://api.example.test/a", "Origin", page)); err != nil {
			t.Fatal(err)
		}
		if got := p.unsent(); !slices.Equal(got, []string{"OPTIONS /a"}) {
			t.Errorf("unsent = %q, want the preflight", got)
		}
	})
}
