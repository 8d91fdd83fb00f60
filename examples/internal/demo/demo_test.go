package demo_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/examples/internal/demo"
)

func TestDefaultPolicyIsValidAndQuiet(t *testing.T) {
	p, err := corsa.New(demo.DefaultPolicy("http://127.0.0.1:8081"))
	if err != nil {
		t.Fatal(err)
	}
	if w := p.Warnings(); len(w) > 0 {
		t.Errorf("warnings %q, want none", w)
	}
}

func TestSetupRefuses(t *testing.T) {
	dir := t.TempDir()
	badJSON := writeFile(t, dir, "bad.json", `{"origins": ["https://a.example"], "maxAgeSeconds": 5}`)
	refused := writeFile(t, dir, "refused.json", `{"origins": ["*"], "credentials": true, "maxAge": 90000}`)
	tests := []struct {
		name string
		args []string
		want string // in the error
	}{
		{"an API address off the loopback interface is refused", []string{"-api", "0.0.0.0:0", "-page", "127.0.0.1:0"}, "loopback"},
		{"a page address off the loopback interface is refused", []string{"-api", "127.0.0.1:0", "-page", "example.com:0"}, "loopback"},
		{"an address without a port is refused", []string{"-api", "127.0.0.1", "-page", "127.0.0.1:0"}, "missing port"},
		{"a missing policy file is refused", []string{"-api", "127.0.0.1:0", "-page", "127.0.0.1:0", "-policy", filepath.Join(dir, "none.json")}, "none.json"},
		{"a policy file with an unknown field is refused", []string{"-api", "127.0.0.1:0", "-page", "127.0.0.1:0", "-policy", badJSON}, "maxAgeSeconds"},
		{"a policy corsa refuses is refused with every problem", []string{"-api", "127.0.0.1:0", "-page", "127.0.0.1:0", "-policy", refused}, `origins[0] "*"`},
		{"a refused policy's error lists its other problems too", []string{"-api", "127.0.0.1:0", "-page", "127.0.0.1:0", "-policy", refused}, `maxAge "90000"`},
		{"a refused policy's error names its file", []string{"-api", "127.0.0.1:0", "-page", "127.0.0.1:0", "-policy", refused}, "refused.json"},
		{"arguments after the flags are refused", []string{"-api", "127.0.0.1:0", "-page", "127.0.0.1:0", "extra"}, "extra"},
		{"an unknown flag is refused", []string{"-port", "8080"}, "-port"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := demo.Setup("test", tt.args, io.Discard)
			if err == nil {
				t.Fatalf("Setup(%q) = %+v, want an error", tt.args, d)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestSetupReportsHelp(t *testing.T) {
	var out bytes.Buffer
	if _, err := demo.Setup("gin", []string{"-h"}, &out); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("error %v, want flag.ErrHelp", err)
	}
	if !strings.Contains(out.String(), "go run ./examples/gin") {
		t.Errorf("usage %q does not say how to run the example", out.String())
	}
}

func TestSetupLoadsAPolicyFile(t *testing.T) {
	file := writeFile(t, t.TempDir(), "policy.json", `{"origins": ["https://app.example"], "maxAge": 5}`)
	d := setup(t, "-api", "127.0.0.1:0", "-page", "127.0.0.1:0", "-policy", file)
	if d.PolicySource != file {
		t.Errorf("policy source %q, want %q", d.PolicySource, file)
	}
	if !d.Policy.AllowsOrigin("https://app.example") {
		t.Error("the file's origin is not allowed")
	}
	if d.Policy.AllowsOrigin(d.PageOrigin) {
		t.Error("the page's origin is allowed: the built-in policy was used instead of the file's")
	}
	r := httptest.NewRequest(http.MethodOptions, demo.PathHello, nil)
	r.Header.Set("Origin", "https://app.example")
	r.Header.Set("Access-Control-Request-Method", "GET")
	w := httptest.NewRecorder()
	d.Policy.Handler(http.NotFoundHandler()).ServeHTTP(w, r)
	if got := w.Header().Get("Access-Control-Max-Age"); got != "5" {
		t.Errorf("Access-Control-Max-Age %q, want the file's 5", got)
	}
}

func TestSetupBuildsThePolicyForThePagePortListenedOn(t *testing.T) {
	d := setup(t, "-api", "127.0.0.1:0", "-page", "localhost:0")
	if !strings.HasPrefix(d.PageOrigin, "http://localhost:") || strings.HasSuffix(d.PageOrigin, ":0") {
		t.Fatalf("page origin %q, want http://localhost with the port listened on", d.PageOrigin)
	}
	if !d.Policy.AllowsOrigin(d.PageOrigin) {
		t.Errorf("the policy does not allow the page's origin %q", d.PageOrigin)
	}
	if d.Policy.AllowsOrigin(d.APIOrigin) {
		t.Errorf("the policy allows the API's own origin %q, another port than the page's", d.APIOrigin)
	}
}

func TestPageHandler(t *testing.T) {
	h := demo.PageHandler(demo.PageData{Name: "gin", API: "http://127.0.0.1:8080", Page: "http://127.0.0.1:8081", Policy: `<b>"x"</b>`})
	tests := []struct {
		name   string
		path   string
		status int
		has    []string
	}{
		{"the page names the API it calls and the framework", "/", http.StatusOK,
			[]string{`data-api="http://127.0.0.1:8080"`, "corsa demo: gin", `fetch(api + "/api/hello")`}},
		{"the page escapes what it is given", "/", http.StatusOK, []string{"&lt;b&gt;&#34;x&#34;&lt;/b&gt;"}},
		{"any other path is not found", "/favicon.ico", http.StatusNotFound, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, tt.path, nil))
			if w.Code != tt.status {
				t.Errorf("status %d, want %d", w.Code, tt.status)
			}
			for _, s := range tt.has {
				if !strings.Contains(w.Body.String(), s) {
					t.Errorf("page lacks %q", s)
				}
			}
		})
	}
}

func TestRunServesBothOriginsAndStopsWhenCancelled(t *testing.T) {
	var out bytes.Buffer
	d, err := demo.Setup("test", []string{"-api", "127.0.0.1:0", "-page", "127.0.0.1:0"}, &out)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	for _, rt := range demo.Routes {
		mux.HandleFunc(rt.Method+" "+rt.Path, rt.Handler)
	}
	srv := &http.Server{Handler: d.Policy.Handler(mux)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx, srv.Serve, srv.Shutdown) }()

	page := get(t, d.PageOrigin+"/", "")
	if !strings.Contains(page, `data-api="`+d.APIOrigin+`"`) {
		t.Errorf("the page does not call %s", d.APIOrigin)
	}
	if hello := get(t, d.APIOrigin+demo.PathHello, d.PageOrigin); !strings.Contains(hello, "Hello from the API") {
		t.Errorf("API answered %q", hello)
	}

	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
	if !strings.Contains(out.String(), "open "+d.PageOrigin) || !strings.HasSuffix(out.String(), "stopped\n") {
		t.Errorf("output %q, want the page's address and a clean stop", out.String())
	}
	if _, err := net.Dial("tcp", strings.TrimPrefix(d.APIOrigin, "http://")); err == nil {
		t.Error("the API still accepts connections after Run returned")
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func setup(t *testing.T, args ...string) *demo.Demo {
	t.Helper()
	d, err := demo.Setup("test", args, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	return d
}

// get fetches url over the loopback interface, with Origin when origin is
// not empty, and returns the body.
func get(t *testing.T, url, origin string) string {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
