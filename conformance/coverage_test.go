package conformance_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
)

// These tests cover what a Case cannot express: a handler that redirects,
// answers 304 or an upgrade, or sets CORS headers itself; the middleware's
// answers on the wire, over HTTP/1.1 and HTTP/2. They use corsa's net/http
// middleware; each adapter's tests cover its framework's own answers (404,
// 405, groups), and adaptertest's TwiceCases and NestedCases corsa
// installed twice.

const (
	app  = conformance.AppOrigin
	evil = conformance.EvilOrigin
	etag = `"v1"`
)

// coverageMux serves the routes these tests need, each marking that its
// handler ran.
func coverageMux() *http.ServeMux {
	mux := http.NewServeMux()
	ran := func(w http.ResponseWriter) { w.Header().Set(conformance.HandlerHeader, conformance.HandlerRan) }
	mux.HandleFunc("GET /moved", func(w http.ResponseWriter, r *http.Request) {
		ran(w)
		http.Redirect(w, r, "/items", http.StatusFound)
	})
	// A subtree pattern: ServeMux answers /dir with a 301 to /dir/.
	mux.HandleFunc("/dir/", func(w http.ResponseWriter, r *http.Request) {
		ran(w)
		io.WriteString(w, "dir")
	})
	mux.HandleFunc("GET /items", func(w http.ResponseWriter, r *http.Request) {
		ran(w)
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		io.WriteString(w, "items")
	})
	mux.HandleFunc("GET /socket", func(w http.ResponseWriter, r *http.Request) {
		ran(w)
		// An upgrader would check Origin itself here; CORS does not.
		w.WriteHeader(http.StatusSwitchingProtocols)
	})
	mux.HandleFunc("GET /own-cors", func(w http.ResponseWriter, r *http.Request) {
		ran(w)
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Del("Access-Control-Allow-Credentials")
	})
	return mux
}

func coverageHandler(t *testing.T) http.Handler {
	t.Helper()
	p, err := corsa.New(adaptertest.Policy())
	if err != nil {
		t.Fatal(err)
	}
	return p.Handler(coverageMux())
}

// withHeader returns r with one more header line.
func withHeader(r conformance.Request, name, value string) conformance.Request {
	r.Header = append(r.Header, [2]string{name, value})
	return r
}

func TestHandlerAnswers(t *testing.T) {
	do := conformance.Recorder(coverageHandler(t))
	withStatus := func(w conformance.Want, status int, ran bool) conformance.Want {
		w.Status, w.HandlerRan = status, ran
		return w
	}
	// ServeMux's redirect to the subtree is a 301 or a 307 depending on
	// the Go release.
	redirect := func(w conformance.Want) conformance.Want {
		w.Status, w.Class, w.HandlerRan = 0, 3, false
		return w
	}
	tests := []struct {
		name string
		req  conformance.Request
		want conformance.Want
	}{
		{"a redirect from the handler keeps the actual-request headers",
			adaptertest.Actual(http.MethodGet, app, "/moved"), withStatus(adaptertest.AllowedActual(), http.StatusFound, true)},
		{"a redirect to a refused origin keeps Vary: Origin",
			adaptertest.Actual(http.MethodGet, evil, "/moved"), withStatus(adaptertest.RefusedActual(), http.StatusFound, true)},
		{"a preflight to a path ServeMux would redirect is answered by the middleware",
			adaptertest.Preflight(app, "/dir", http.MethodPut, "content-type"), adaptertest.AllowedPreflight()},
		{"an actual request to a path ServeMux redirects gets its redirect with the actual-request headers",
			adaptertest.Actual(http.MethodGet, app, "/dir"), redirect(adaptertest.AllowedActual())},
		// RFC 9111 §4.3.4: a 304 updates the stored response's headers, so
		// it must carry the same CORS headers and Vary as the 200 it
		// revalidates.
		{"a 304 to a conditional request keeps the actual-request headers and Vary",
			withHeader(adaptertest.Actual(http.MethodGet, app, "/items"), "If-None-Match", etag), withStatus(adaptertest.AllowedActual(), http.StatusNotModified, true)},
		{"a 304 to a refused origin keeps Vary: Origin",
			withHeader(adaptertest.Actual(http.MethodGet, evil, "/items"), "If-None-Match", etag), withStatus(adaptertest.RefusedActual(), http.StatusNotModified, true)},
		{"a HEAD from an allowed origin gets the actual-request headers",
			adaptertest.Actual(http.MethodHead, app, "/items"), adaptertest.AllowedActual()},
		// CORS does not protect a WebSocket handshake: browsers send it
		// without a preflight and do not check the answer's CORS headers,
		// so the middleware passes it through and the upgrader must check
		// Origin.
		{"a WebSocket upgrade from a refused origin reaches the handler",
			withHeader(withHeader(adaptertest.Actual(http.MethodGet, evil, "/socket"), "Connection", "Upgrade"), "Upgrade", "websocket"),
			withStatus(adaptertest.RefusedActual(), http.StatusSwitchingProtocols, true)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			adaptertest.Expect(t, do, tt.req, tt.want)
		})
	}

	t.Run("a 304's headers let the browser read the revalidated response", func(t *testing.T) {
		resp, _ := do(withHeader(adaptertest.Actual(http.MethodGet, app, "/items"), "If-None-Match", etag).HTTP())
		br := conformance.BrowserRequest{Method: http.MethodGet, URL: "/items", Origin: app, Credentials: true}
		if err := conformance.CheckRead(br, resp); err != nil {
			t.Errorf("304: %v", err)
		}
		if err := conformance.CheckCacheSafe(br, resp); err != nil {
			t.Errorf("304: %v", err)
		}
	})
}

// TestHandlerSetsItsOwnCORSHeaders pins which wins when a handler sets an
// Access-Control-* header itself: the middleware writes its headers before
// the handler runs, so the handler's Set replaces them, and its Del
// removes them. Vary stays, since the handler did not touch it.
func TestHandlerSetsItsOwnCORSHeaders(t *testing.T) {
	resp, err := conformance.Recorder(coverageHandler(t))(adaptertest.Actual(http.MethodGet, app, "/own-cors").HTTP())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, header, want string }{
		{"the handler's Access-Control-Allow-Origin replaces the middleware's", "Access-Control-Allow-Origin", "*"},
		{"the header the handler deleted is gone", "Access-Control-Allow-Credentials", ""},
		{"the middleware's other headers stay", "Access-Control-Expose-Headers", conformance.TotalCountHeader},
		{"the middleware's Vary stays", "Vary", "Origin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := resp.Header.Values(tt.header); len(got) > 1 || (len(got) == 1) != (tt.want != "") || len(got) == 1 && got[0] != tt.want {
				t.Errorf("%s: %q, want %q", tt.header, got, tt.want)
			}
		})
	}
}

// TestOnTheWire serves the middleware from a real server, over HTTP/1.1 and
// over HTTP/2 with TLS, and checks what a client receives: the preflight's
// status, empty body and absent Content-Type, and the actual-request
// headers.
func TestOnTheWire(t *testing.T) {
	for _, proto := range []string{"HTTP/1.1", "HTTP/2.0"} {
		t.Run(proto, func(t *testing.T) {
			srv := httptest.NewUnstartedServer(coverageHandler(t))
			if proto == "HTTP/2.0" {
				srv.EnableHTTP2 = true
				srv.StartTLS()
			} else {
				srv.Start()
			}
			defer srv.Close()
			client := srv.Client()
			client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
			base, err := url.Parse(srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			do := func(r *http.Request) (*http.Response, error) {
				r.URL.Scheme, r.URL.Host = base.Scheme, base.Host
				resp, err := client.Do(r)
				if err == nil && resp.Proto != proto {
					resp.Body.Close()
					return nil, errors.New("served over " + resp.Proto + ", want " + proto)
				}
				return resp, err
			}

			t.Run("an allowed preflight is 204 with an empty body and no Content-Type or Content-Length", func(t *testing.T) {
				body := adaptertest.Expect(t, do, adaptertest.Preflight(app, "/items", http.MethodPut, "content-type"), adaptertest.AllowedPreflight())
				resp, err := do(adaptertest.Preflight(app, "/items", http.MethodPut, "content-type").HTTP())
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if body != "" || resp.Header.Get("Content-Type") != "" || resp.Header.Get("Content-Length") != "" {
					t.Errorf("body %q, Content-Type %q, Content-Length %q: want none", body, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Length"))
				}
			})
			t.Run("a refused preflight is 403 with no Access-Control-Allow-* header", func(t *testing.T) {
				adaptertest.Expect(t, do, adaptertest.Preflight(evil, "/items", http.MethodPut, "content-type"), adaptertest.RefusedPreflight())
			})
			t.Run("an actual request gets the actual-request headers and the handler's body", func(t *testing.T) {
				if body := adaptertest.Expect(t, do, adaptertest.Actual(http.MethodGet, app, "/items"), adaptertest.AllowedActual()); body != "items" {
					t.Errorf("body %q, want %q", body, "items")
				}
			})
		})
	}
}
