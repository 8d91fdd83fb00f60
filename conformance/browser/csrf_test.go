package browser

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/corsa-go/corsa/internal/fetch"
)

// writer is a page that sends a write to the API.
type writer struct {
	name string
	// host is the page's host, on the scheme's default port; "" is the
	// API's own origin.
	host string
	// trusted: the write reaches the handler.
	trusted bool
	// site is the Sec-Fetch-Site Chromium sends over https.
	site string
}

// writers are the pages of every transport: the four ways a write can
// stand to the policy https://*.app.test (http://*.app.test over plain
// http) and to the API's origin.
var writers = []writer{
	{"a page on another site", evilHost, false, "cross-site"},
	{"a subdomain page the pattern allows", shopHost, true, "same-site"},
	{"a page of the API's site the pattern does not allow", siblingHost, false, "same-site"},
	{"a page on the API's own origin", "", true, "same-origin"},
}

// A write is sent as a form post, the request a cross-site request
// forgery makes (a navigation, no preflight, no CORS), or as a
// credentialed fetch() of a text/plain POST, which no preflight precedes
// either.
const (
	formPost  = "form post"
	fetchPost = "credentialed fetch() POST"
)

// transport is one way the pages reach the API.
type transport struct {
	name   string
	scheme string
	config *tls.Config // nil: plain http
	// fetchMetadata: Chromium sends Sec-Fetch-Site, which it does only to
	// potentially trustworthy URLs (https here).
	fetchMetadata bool
}

// TestCrossOriginProtection proves Config.CrossOriginProtection in
// Chromium with every adapter, each serving
// {"origins":["https://*.app.test"],"credentials":true,"crossOriginProtection":true}
// on https://api.app.test:PORT: a form post and a credentialed fetch()
// from a page on another site, and from a page of the API's own site
// that the pattern does not match (the apex app.test), never run the
// handler; from a subdomain the pattern allows, and from the API's own
// origin, they run it, and the allowed page reads the answer. The API
// records that every write carried Sec-Fetch-Site, so that the verdicts
// are Fetch Metadata's (SPEC.md §9). Then the same pages and writes over
// plain http, where Chromium sends no Sec-Fetch-Site to a host that is not
// localhost, with the policy's origins in http: the verdicts must be the
// same, decided by Origin against Host.
func TestCrossOriginProtection(t *testing.T) {
	path := chromiumOrSkip(t)
	cert, err := newTestCert(csrfCertHosts)
	if err != nil {
		t.Fatal(err)
	}
	tlsPagePort, stopTLSPage, err := servePageOn(cert.config)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stopTLSPage() })
	plainPagePort, stopPlainPage, err := servePageOn(nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stopPlainPage() })
	rules := csrfResolverRules(tlsPagePort, plainPagePort)
	b, err := launch(path,
		chromedp.Flag("host-resolver-rules", rules),
		// The run's leaf is accepted by its key alone; every other
		// certificate is checked as usual.
		chromedp.Flag("ignore-certificate-errors-spki-list", cert.spki),
	)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := b.close(); err != nil {
			t.Error(err)
		}
	})
	t.Logf("%s, --host-resolver-rules=%q", b.version, rules)

	for _, tr := range []transport{
		{"over https, by Sec-Fetch-Site", "https", cert.config, true},
		{"over plain http, by Origin and Host", "http", nil, false},
	} {
		t.Run(tr.name, func(t *testing.T) {
			policy, err := writePolicy(tr.scheme)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range adapters {
				t.Run(strings.ReplaceAll(a.name, "/", ""), func(t *testing.T) {
					t.Parallel()
					api, err := startWriteAPI(a, policy, tr.config)
					if err != nil {
						t.Fatal(err)
					}
					t.Cleanup(func() {
						if err := api.stop(); err != nil {
							t.Errorf("stopping the %s server: %v", a.name, err)
						}
					})
					for _, w := range writers {
						for _, how := range []string{formPost, fetchPost} {
							verdict := "is refused"
							if w.trusted {
								verdict = "runs the handler"
							}
							t.Run(fmt.Sprintf("a %s from %s %s", how, w.name, verdict), func(t *testing.T) {
								checkWrite(t, b, tr, api, w, how)
							})
						}
					}
				})
			}
		})
	}
}

// checkWrite opens w's page in a fresh browser context that has logged in
// to the API, sends the write how says, and checks what the API received,
// whether its handler ran, what it answered, and what the page saw.
func checkWrite(t *testing.T, b *browser, tr transport, api *writeAPI, w writer, how string) {
	tab, err := b.newTab()
	if err != nil {
		t.Fatal(err)
	}
	defer tab.cancel()
	if err := tab.navigate(api.origin + pathLogin); err != nil {
		t.Fatalf("logging in: %v", err)
	}
	pageOrigin := api.origin
	if w.host != "" {
		pageOrigin = tr.scheme + "://" + w.host
	}
	if err := tab.navigate(pageOrigin + pathPage); err != nil {
		t.Fatalf("opening the page: %v", err)
	}
	// A URI of its own per case, in characters no browser escapes: the
	// API's log never mixes two.
	uri := pathWrite + "?case=" + strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return r
		}
		return '-'
	}, w.name+" "+how)
	url := api.origin + uri

	var fetched fetchResult
	switch how {
	case formPost:
		err = tab.submitForm(url)
	case fetchPost:
		fetched, err = tab.fetch(probeHere, url, fetchInit{Method: "POST", Body: "note=fetch", Credentials: "include"})
	}
	if err != nil {
		t.Fatalf("sending the write: %v", err)
	}

	// What the API received: the write, once, from the page, with
	// Sec-Fetch-Site exactly when the transport is https. A fetch has
	// been answered when it settles; a form's navigation is awaited here.
	hits := api.log.await(uri, actionTimeout)
	if len(hits) != 1 {
		t.Fatalf("the API received %d requests for %s, want 1: %+v", len(hits), uri, hits)
	}
	h := hits[0]
	t.Logf("Origin %q, Sec-Fetch-Site %q, Host %q: %d", h.Origin, h.SecFetchSite, h.Host, h.Status)
	wantSite := ""
	if tr.fetchMetadata {
		wantSite = w.site
	}
	// The session cookie is SameSite=Lax: a same-site page's write
	// carries it, so protection is what stops a refused one.
	wantCookie := ""
	if w.site != "cross-site" {
		wantCookie = cookieName + "=" + cookieValue
	}
	for _, c := range []struct{ what, got, want string }{
		{"method", h.Method, "POST"},
		{"Origin", h.Origin, pageOrigin},
		{"Host", h.Host, hostOf(api.origin)},
		{"Sec-Fetch-Site", h.SecFetchSite, wantSite},
		{"Cookie", h.Cookie, wantCookie},
	} {
		if c.got != c.want {
			t.Errorf("the API received %s %q, want %q", c.what, c.got, c.want)
		}
	}
	// corsa probe and Explain send the Sec-Fetch-Site the browser model
	// computes: it must be the one Chromium sent.
	var modelled string
	fetch.Run(fetch.Request{Method: "POST", URL: url, Origin: pageOrigin, Credentials: true}, func(r *http.Request) (*fetch.Response, error) {
		modelled = r.Header.Get("Sec-Fetch-Site")
		return nil, errors.New("not sent")
	})
	if modelled != h.SecFetchSite {
		t.Errorf("the browser model sends Sec-Fetch-Site %q, Chromium sent %q", modelled, h.SecFetchSite)
	}

	runs := len(api.log.handlerRuns(uri))
	if w.trusted {
		if runs != 1 || h.Status != 200 {
			t.Errorf("the handler ran %d times and the API answered %d, want once and 200", runs, h.Status)
		}
	} else {
		// SPEC.md §9: 403, no CORS grant, Vary: Origin, Sec-Fetch-Site.
		if runs != 0 || h.Status != 403 {
			t.Errorf("the handler ran %d times and the API answered %d, want never and 403", runs, h.Status)
		}
		if h.Vary != "Origin, Sec-Fetch-Site" || h.AllowOrigin != "" || h.AllowCredentials != "" {
			t.Errorf("the refusal has Vary %q, Access-Control-Allow-Origin %q and -Credentials %q, want %q and none",
				h.Vary, h.AllowOrigin, h.AllowCredentials, "Origin, Sec-Fetch-Site")
		}
	}
	if w.trusted && w.host != "" && (h.AllowOrigin != pageOrigin || h.AllowCredentials != "true") {
		t.Errorf("the write from %s was granted Access-Control-Allow-Origin %q and -Credentials %q, want %q and %q",
			pageOrigin, h.AllowOrigin, h.AllowCredentials, pageOrigin, "true")
	}

	// What the page saw of a fetch: a form's answer is the next page,
	// which this page cannot read. A refusal has no CORS grant, so the
	// fetch fails as any CORS failure does.
	if how != fetchPost {
		return
	}
	if !w.trusted {
		if fetched.Resolved || fetched.Error != "TypeError: Failed to fetch" {
			t.Errorf("the page saw %+v, want fetch() to fail with TypeError: Failed to fetch", fetched)
		}
		return
	}
	var answer writeAnswer
	if !fetched.Resolved || fetched.Status != 200 || json.Unmarshal([]byte(fetched.Body), &answer) != nil {
		t.Fatalf("the page did not read the write's answer: %+v", fetched)
	}
	if answer.Cookie != wantCookie {
		t.Errorf("the page read that the handler got Cookie %q, want %q", answer.Cookie, wantCookie)
	}
}

// submitForm calls the page's submitForm(url), which starts a navigation
// and returns before the request is sent.
func (t *tab) submitForm(url string) error {
	arg, err := json.Marshal(url)
	if err != nil {
		return err
	}
	return t.do(func(ctx context.Context) error {
		_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void]("submitForm("+string(arg)+")"))
		return err
	})
}

// chromiumOrSkip returns the browser to drive, or skips the test as
// TestBrowser does when there is none.
func chromiumOrSkip(t *testing.T) string {
	path, err := findChromium()
	if err == nil {
		return path
	}
	msg := fmt.Sprintf("no Chromium found: %v", err)
	if os.Getenv("CORSA_REQUIRE_BROWSER") == "1" || os.Getenv("CORSA_CHROMIUM") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg + " (install Chromium or set CORSA_CHROMIUM; CORSA_REQUIRE_BROWSER=1 makes this a failure)")
	return ""
}
