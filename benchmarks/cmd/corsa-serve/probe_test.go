package main

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/frameworks"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/internal/fetch"
)

// The page origin the embedded default policy allows.
const defaultOrigin = "https://example.com"

// probed is a server corsa probe is run against: corsa-serve or a peer
// library, each serving the embedded default policy (credentialed) and
// the same policy without credentials (plain), on 127.0.0.1.
type probed struct {
	name                string
	credentialed, plain string // base URLs
}

// peerServer serves the standard routes with the framework's recovery
// and kind of CORS middleware for policy, as the scoreboard and the
// browser tests do, on a 127.0.0.1 listener.
func peerServer(t *testing.T, framework string, cors frameworks.CORS) string {
	t.Helper()
	fw, ok := frameworks.Named(framework)
	if !ok {
		t.Fatalf("no framework %q", framework)
	}
	app, err := fw.Build(frameworks.Stack{CORS: cors, Routes: frameworks.Standard(), Recover: true})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	stop := app.Start(ln)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := stop(ctx); err != nil {
			t.Errorf("stopping %s: %v", framework, err)
		}
	})
	return "http://" + ln.Addr().String()
}

// probedServers starts corsa-serve on gin, the form the README
// recommends (corsa in front of the engine), corsa's gin adapter
// installed with Use, rs/cors on net/http and gin-contrib/cors on gin.
func probedServers(t *testing.T) []probed {
	t.Helper()
	credentialed, err := corsa.ParseConfig(defaultPolicy)
	if err != nil {
		t.Fatal(err)
	}
	plain := credentialed
	plain.Credentials = false
	plainFile := filepath.Join(t.TempDir(), "plain.json")
	if err := os.WriteFile(plainFile, []byte(`{
		"origins": ["https://example.com"],
		"methods": ["GET", "POST", "PUT", "DELETE"],
		"requestHeaders": ["Content-Type", "Authorization", "X-Request-Id"],
		"exposedHeaders": ["X-Total-Count"],
		"maxAge": 600
	}`), 0o600); err != nil {
		t.Fatal(err)
	}
	serve, _ := start(t, "-framework", "gin")
	servePlain, _ := start(t, "-framework", "gin", "-policy", plainFile)
	peer := func(name, framework string, kind frameworks.Kind) probed {
		return probed{
			name:         name,
			credentialed: peerServer(t, framework, frameworks.CORS{Kind: kind, Policy: credentialed}),
			plain:        peerServer(t, framework, frameworks.CORS{Kind: kind, Policy: plain}),
		}
	}
	return []probed{
		{name: "corsa-serve", credentialed: serve, plain: servePlain},
		peer("corsa's gin adapter with Use", "gin", frameworks.Corsa),
		peer("rs/cors", "nethttp", frameworks.RSCors),
		peer("gin-contrib/cors", "gin", frameworks.Builtin),
	}
}

// corsa probe's verdicts on corsa-serve and on peers, through the same
// report the command prints (fetch.Probe over fetch.Wire).
func TestProbeJudgesCorsaServeAndPeers(t *testing.T) {
	servers := probedServers(t)
	const (
		blocked       = "browser: blocked: Access to fetch at 'URL' from origin '" + defaultOrigin + "' has been blocked by CORS policy: "
		preflightNoAO = blocked + "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource."
		refusedFix    = "fix: the server must allow the page's origin " + defaultOrigin + ", the method PUT, the headers x-request-id, x-unlisted: it refused the preflight without saying which"
		readable      = "browser: the script can read the response"
		stops         = "the browser stops here: the request itself is never sent"
	)
	for _, tt := range []struct {
		name  string
		req   fetch.Request
		plain bool // against the policy without credentials
		path  string
		// ok and want, by server name; "" holds for every server.
		ok   map[string]bool
		want map[string][]string
	}{
		{
			name: "an allowed PUT with a JSON body is preflighted, then read",
			req:  fetch.Request{Method: "PUT", Header: hdr("Content-Type", "application/json", "X-Request-Id", "1")},
			path: conformance.PathResource,
			ok:   map[string]bool{"": true},
			want: map[string][]string{"": {
				"preflight: OPTIONS URL",
				"  > Access-Control-Request-Method: PUT",
				"  > Access-Control-Request-Headers: content-type,x-request-id",
				"  < Access-Control-Allow-Origin: " + defaultOrigin,
				"request: PUT URL",
				"  < 200 OK",
				readable,
			}},
		},
		{
			name: "a credentialed GET with Allow-Credentials reads the exposed header",
			req:  fetch.Request{Credentials: true, Read: []string{conformance.TotalCountHeader}},
			path: conformance.PathResource,
			ok:   map[string]bool{"": true},
			want: map[string][]string{"": {
				"  < Access-Control-Allow-Credentials: true",
				readable,
				"  reads X-Total-Count: yes",
			}},
		},
		{
			name:  "a credentialed GET without Allow-Credentials is blocked",
			req:   fetch.Request{Credentials: true},
			plain: true,
			path:  conformance.PathResource,
			ok:    map[string]bool{"": false},
			want: map[string][]string{"": {
				blocked + "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'.",
				"fix: the server must send Access-Control-Allow-Credentials: true for credentialed requests (corsa: credentials: true)",
			}},
		},
		{
			// corsa and rs/cors refuse the preflight without a grant;
			// gin-contrib/cors grants the origin and lists its headers,
			// which the browser then checks.
			name: "a header the policy does not allow fails the preflight",
			req:  fetch.Request{Method: "PUT", Header: hdr("X-Request-Id", "1", "X-Unlisted", "1")},
			path: conformance.PathResource,
			ok:   map[string]bool{"": false},
			want: map[string][]string{
				"":                             {"  > Access-Control-Request-Headers: x-request-id,x-unlisted", stops},
				"corsa-serve":                  {preflightNoAO, refusedFix},
				"corsa's gin adapter with Use": {preflightNoAO, refusedFix},
				"rs/cors":                      {preflightNoAO, refusedFix},
				"gin-contrib/cors": {
					blocked + "Request header field x-unlisted is not allowed by Access-Control-Allow-Headers in preflight response.",
					"fix: the preflight's Access-Control-Allow-Headers must list x-unlisted",
				},
			},
		},
		{
			name: "a header the response does not expose reads null",
			req:  fetch.Request{Read: []string{conformance.TotalCountHeader, conformance.HandlerHeader}},
			path: conformance.PathResource,
			ok:   map[string]bool{"": false},
			want: map[string][]string{"": {
				readable,
				"  reads X-Total-Count: yes",
				"  reads X-Handler: null: the response must list it in Access-Control-Expose-Headers (and have it)",
			}},
		},
		{
			// gin registers /options for OPTIONS: its router redirects
			// OPTIONS /options/ before the middleware installed with Use
			// runs. corsa in front of the engine answers the preflight
			// itself, and net/http's mux does not redirect; the PUT then
			// gets a 404 the script can read.
			name: "a preflight a router redirects fails unless CORS stands in front of it",
			req:  fetch.Request{Method: "PUT", Header: hdr("X-Request-Id", "1")},
			path: conformance.PathOptions + "/",
			ok:   map[string]bool{"": true, "corsa's gin adapter with Use": false, "gin-contrib/cors": false},
			want: map[string][]string{
				"corsa-serve": {"  < 204 No Content", "request: PUT URL", "  < 404 Not Found", readable},
				"rs/cors":     {"  < 204 No Content", "request: PUT URL", "  < 404 Not Found", readable},
				"corsa's gin adapter with Use": {
					"  < 307 Temporary Redirect",
					blocked + "Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request.",
					"fix: the preflight must be answered where it is sent, not redirected: put the CORS middleware in front of the router's redirects (a trailing slash, http to https)",
				},
				"gin-contrib/cors": {
					"  < 307 Temporary Redirect",
					blocked + "Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request.",
				},
			},
		},
	} {
		for _, s := range servers {
			t.Run(s.name+": "+tt.name, func(t *testing.T) {
				base := s.credentialed
				if tt.plain {
					base = s.plain
				}
				req := tt.req
				req.URL, req.Origin = base+tt.path, defaultOrigin
				report, ok, err := fetch.Probe(req, fetch.Wire(10*time.Second, nil))
				if err != nil {
					t.Fatalf("probe: %v", err)
				}
				wantOK, found := tt.ok[s.name]
				if !found {
					wantOK = tt.ok[""]
				}
				if ok != wantOK {
					t.Errorf("ok = %v, want %v\n%s", ok, wantOK, report)
				}
				lines := strings.Split(report, "\n")
				for _, w := range append(tt.want[""], tt.want[s.name]...) {
					w = strings.ReplaceAll(w, "URL", req.URL)
					if !contains(lines, w) {
						t.Errorf("no line %q in the report:\n%s", w, report)
					}
				}
			})
		}
	}
}

// hdr is an http.Header from name, value pairs.
func hdr(nameValues ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(nameValues); i += 2 {
		h.Add(nameValues[i], nameValues[i+1])
	}
	return h
}

func contains(lines []string, line string) bool { return slices.Contains(lines, line) }

// The corsa command itself, built from this repository, probes a running
// corsa-serve: exit status 0 when the page's fetch succeeds and reads
// every -read header, 1 when it fails.
func TestTheCorsaCommandProbesCorsaServe(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("building the corsa command needs the go command: %v", err)
	}
	exe := filepath.Join(t.TempDir(), "corsa")
	build := exec.Command(goCmd, "build", "-o", exe, "github.com/corsa-go/corsa/cmd/corsa")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	base, _ := start(t, "-framework", "gin")
	url := base + conformance.PathResource
	for _, tt := range []struct {
		name   string
		args   []string
		status int
		want   []string
	}{
		{"an allowed PUT that reads the exposed header exits 0",
			[]string{"-origin", defaultOrigin, "-method", "PUT", "-headers", "X-Request-Id", "-read", "X-Total-Count"}, 0,
			[]string{"preflight: OPTIONS " + url, "request: PUT " + url, "browser: the script can read the response", "  reads X-Total-Count: yes"}},
		{"a header the response does not expose exits 1",
			[]string{"-origin", defaultOrigin, "-read", "X-Handler"}, 1,
			[]string{"browser: the script can read the response", "  reads X-Handler: null: the response must list it in Access-Control-Expose-Headers (and have it)"}},
		{"another origin exits 1",
			[]string{"-origin", "https://evil.example", "-credentials"}, 1,
			[]string{
				"browser: blocked: Access to fetch at '" + url + "' from origin 'https://evil.example' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource. If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.",
				"fix: the server must grant the page's origin: Access-Control-Allow-Origin: https://evil.example",
			}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(exe, append(append([]string{"probe"}, tt.args...), url)...)
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			status := 0
			if ee, ok := err.(*exec.ExitError); ok {
				status = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if status != tt.status || stderr.Len() != 0 {
				t.Errorf("exit status %d, stderr %q; want %d and nothing\n%s", status, stderr.String(), tt.status, stdout.String())
			}
			lines := strings.Split(stdout.String(), "\n")
			for _, w := range tt.want {
				if !contains(lines, w) {
					t.Errorf("no line %q in the report:\n%s", w, stdout.String())
				}
			}
		})
	}
}
