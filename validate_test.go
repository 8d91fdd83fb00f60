package corsa_test

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// okOrigin precedes the origin under test in Origins, so that a problem is
// reported at index 1, not at a coincidental 0.
const okOrigin = "https://ok.example.com"

// withOrigin is a valid base config plus one origin at index 1.
func withOrigin(origin string, credentials bool) corsa.Config {
	return corsa.Config{Origins: []string{okOrigin, origin}, Credentials: credentials}
}

func TestNewAcceptsTheNearestLegalSettings(t *testing.T) {
	tests := []struct {
		name string
		cfg  corsa.Config
	}{
		{"* without credentials", corsa.Config{Origins: []string{"*"}}},
		{"* methods, request and exposed headers without credentials",
			corsa.Config{Origins: []string{"*"}, Methods: []string{"*"}, RequestHeaders: []string{"*", "Authorization"}, ExposedHeaders: []string{"*"}}},
		{"http://localhost:3000 with credentials", corsa.Config{Origins: []string{"http://localhost:3000"}, Credentials: true}},
		{"http://localhost without a port with credentials", corsa.Config{Origins: []string{"http://localhost"}, Credentials: true}},
		{"http://127.0.0.1:8080 with credentials", corsa.Config{Origins: []string{"http://127.0.0.1:8080"}, Credentials: true}},
		{"another 127/8 address with credentials", corsa.Config{Origins: []string{"http://127.1.2.3"}, Credentials: true}},
		{"http://[::1]:8080 with credentials", corsa.Config{Origins: []string{"http://[::1]:8080"}, Credentials: true}},
		{"a .localhost subdomain with credentials", corsa.Config{Origins: []string{"http://app.localhost:3000"}, Credentials: true}},
		{"a pattern under a .localhost subdomain with credentials", corsa.Config{Origins: []string{"http://*.app.localhost"}, Credentials: true}},
		{"a pattern over localhost with credentials", corsa.Config{Origins: []string{"http://*.localhost:3000"}, Credentials: true}},
		{"a localhost port pattern with credentials", corsa.Config{Origins: []string{"http://localhost:*"}, Credentials: true}},
		{"an https origin with credentials", corsa.Config{Origins: []string{"https://app.example.com"}, Credentials: true}},
		{"an http origin without credentials", corsa.Config{Origins: []string{"http://insecure.example"}}},
		{"an http origin with credentials and the opt-in",
			corsa.Config{Origins: []string{"http://insecure.example"}, Credentials: true, DangerouslyAllowInsecureOrigins: true}},
		{"null with the opt-in", corsa.Config{Origins: []string{"null"}, DangerouslyAllowNullOrigin: true}},
		{"null with the opt-in and credentials", corsa.Config{Origins: []string{"null"}, DangerouslyAllowNullOrigin: true, Credentials: true}},
		{"an explicit non-default port", corsa.Config{Origins: []string{"https://example.com:8443", "http://example.com:443"}}},
		{"port 65535", corsa.Config{Origins: []string{"https://example.com:65535"}}},
		{"a subdomain pattern", corsa.Config{Origins: []string{"https://*.example.com"}}},
		{"a subdomain pattern under a public suffix", corsa.Config{Origins: []string{"https://*.example.co.uk", "https://*.mine.github.io"}}},
		{"a subdomain pattern with a port", corsa.Config{Origins: []string{"https://*.example.com:8443"}}},
		{"a punycode host", corsa.Config{Origins: []string{"https://xn--bcher-kva.example"}}},
		{"an IPv6 origin", corsa.Config{Origins: []string{"https://[2001:db8::1]:8443"}}},
		{"the unspecified IPv6 address", corsa.Config{Origins: []string{"http://[::]:8080"}}},
		{"an IPv6 origin with every hex digit class", corsa.Config{Origins: []string{"https://[2001:db8:a::f9]:8443", "https://[fe80::9:a0f]"}}},
		{"origins of other schemes, as desktop and extension shells send them",
			corsa.Config{Origins: []string{"tauri://localhost", "chrome-extension://abcdefghijklmnop", "web+z0.a-b://app"}}},
		{"custom methods in upper and lower case", corsa.Config{Methods: []string{"PATCH", "patch", "PURGE", "propfind"}}},
		{"the methods that never need listing", corsa.Config{Methods: []string{"GET", "HEAD", "POST", "OPTIONS", "PUT", "DELETE"}}},
		{"ordinary request headers", corsa.Config{RequestHeaders: []string{"Content-Type", "Authorization", "x-request-id", "Accept"}}},
		{"names that only start like forbidden prefixes", corsa.Config{RequestHeaders: []string{"Secret-Token", "Proxyish", "X-Sec-Token"}}},
		{"an ordinary exposed header", corsa.Config{ExposedHeaders: []string{"X-Total-Count", "Set-Cookie-Policy"}}},
		{"max-age 0", corsa.Config{MaxAge: corsa.Seconds(0)}},
		{"max-age 86400", corsa.Config{MaxAge: corsa.Seconds(86400)}},
		{"preflight status 200", corsa.Config{PreflightStatus: 200}},
		{"preflight status 299", corsa.Config{PreflightStatus: 299}},
		{"private network access", corsa.Config{Origins: []string{"https://app.example.com"}, PrivateNetwork: true}},
	}
	for _, tc := range tests {
		t.Run("it accepts "+tc.name, func(t *testing.T) {
			p, err := corsa.New(tc.cfg)
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			if p == nil {
				t.Fatal("New returned a nil policy and no error")
			}
		})
	}
}

func TestZeroConfigIsValidAndAllowsNothing(t *testing.T) {
	p, err := corsa.New(corsa.Config{})
	if err != nil {
		t.Fatalf("New(Config{}): %v", err)
	}
	requests := []struct {
		name    string
		method  string
		headers []string
	}{
		{"a simple GET", "GET", []string{"Origin", "https://app.example.com"}},
		{"a preflight for GET", "OPTIONS", []string{"Origin", "https://app.example.com", "Access-Control-Request-Method", "GET"}},
		{"a null origin", "GET", []string{"Origin", "null"}},
	}
	for _, r := range requests {
		t.Run("it refuses "+r.name, func(t *testing.T) {
			d := decide(t, p, r.method, r.headers...)
			if d.Reason() != corsa.OriginNotAllowed {
				t.Errorf("Reason() = %v, want origin not allowed", d.Reason())
			}
			if hs := headersOf(d, "https://app.example.com"); len(hs) != 0 {
				t.Errorf("Headers = %q, want none", hs)
			}
		})
	}
	t.Run("its warnings say origins is empty", func(t *testing.T) {
		if !anyContains(p.Warnings(), "origins", "empty") {
			t.Errorf("Warnings() = %q, want one saying origins is empty", p.Warnings())
		}
	})
}

// anyContains reports whether one of lines contains every word.
func anyContains(lines []string, words ...string) bool {
	for _, line := range lines {
		all := true
		for _, w := range words {
			all = all && strings.Contains(line, w)
		}
		if all {
			return true
		}
	}
	return false
}

func TestWarnings(t *testing.T) {
	base := func(c corsa.Config) corsa.Config {
		if c.Origins == nil {
			c.Origins = []string{"https://app.example.com"}
		}
		return c
	}
	tests := []struct {
		name  string
		cfg   corsa.Config
		words []string // one warning must contain all of them; nil: no warning at all
	}{
		{"a clean policy has none", base(corsa.Config{MaxAge: corsa.Seconds(600)}), nil},
		{"max-age 7200 has none", base(corsa.Config{MaxAge: corsa.Seconds(7200)}), nil},
		{"max-age 7201 exceeds Chromium's cap", base(corsa.Config{MaxAge: corsa.Seconds(7201)}), []string{"maxAge", "7201"}},
		{"max-age 86400 exceeds Chromium's cap", base(corsa.Config{MaxAge: corsa.Seconds(86400)}), []string{"maxAge", "86400"}},
		{"a repeated origin is redundant", corsa.Config{Origins: []string{"https://a.example.com", "https://a.example.com"}}, []string{"origins[1]"}},
		{"origins beside * are redundant", corsa.Config{Origins: []string{"*", "https://a.example.com"}}, []string{"origins"}},
		{"a repeated method is redundant", base(corsa.Config{Methods: []string{"PUT", "PUT"}}), []string{"methods[1]"}},
		{"a request header repeated in another case is redundant", base(corsa.Config{RequestHeaders: []string{"X-Id", "x-id"}}), []string{"requestHeaders[1]"}},
		{"a repeated exposed header is redundant", base(corsa.Config{ExposedHeaders: []string{"X-Total", "X-Total"}}), []string{"exposedHeaders[1]"}},
		{"exposing a safelisted header is redundant", base(corsa.Config{ExposedHeaders: []string{"Content-Type"}}), []string{"exposedHeaders[0]"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := mustPolicy(t, tc.cfg).Warnings()
			if tc.words == nil {
				if len(got) != 0 {
					t.Errorf("Warnings() = %q, want none", got)
				}
				return
			}
			if !anyContains(got, tc.words...) {
				t.Errorf("Warnings() = %q, want one mentioning %q", got, tc.words)
			}
		})
	}
}

func TestParseConfig(t *testing.T) {
	designExample := `{
  "origins": ["https://app.example.com", "https://*.example.org", "http://localhost:*"],
  "credentials": true,
  "methods": ["GET", "POST", "PUT", "DELETE", "PATCH"],
  "requestHeaders": ["Content-Type", "Authorization", "X-Request-Id"],
  "exposedHeaders": ["X-Total-Count"],
  "maxAge": 600,
  "privateNetwork": false,
  "preflightStatus": 204
}`
	tests := []struct {
		name    string
		json    string
		want    corsa.Config
		wantErr bool
	}{
		{"it decodes every field of the documented example", designExample, corsa.Config{
			Origins:         []string{"https://app.example.com", "https://*.example.org", "http://localhost:*"},
			Credentials:     true,
			Methods:         []string{"GET", "POST", "PUT", "DELETE", "PATCH"},
			RequestHeaders:  []string{"Content-Type", "Authorization", "X-Request-Id"},
			ExposedHeaders:  []string{"X-Total-Count"},
			MaxAge:          corsa.Seconds(600),
			PreflightStatus: 204,
		}, false},
		{"it decodes the opt-ins", `{"origins":["null"],"dangerouslyAllowNullOrigin":true,"dangerouslyAllowInsecureOrigins":true,"privateNetwork":true}`,
			corsa.Config{Origins: []string{"null"}, DangerouslyAllowNullOrigin: true, DangerouslyAllowInsecureOrigins: true, PrivateNetwork: true}, false},
		{"it leaves an absent maxAge nil", `{"origins":["https://a.example.com"]}`, corsa.Config{Origins: []string{"https://a.example.com"}}, false},
		{"it keeps a maxAge of 0 apart from an absent one", `{"maxAge":0}`, corsa.Config{MaxAge: corsa.Seconds(0)}, false},
		{"it accepts trailing whitespace", "{}\n\t \n", corsa.Config{}, false},
		{"it rejects an unknown field", `{"origin":["https://a.example.com"]}`, corsa.Config{}, true},
		{"it rejects a field in the wrong case convention", `{"max_age":600}`, corsa.Config{}, true},
		{"it rejects a field name in another case", `{"maxage":600}`, corsa.Config{}, true},
		{"it rejects an upper-case field name", `{"ORIGINS":["https://a.example.com"]}`, corsa.Config{}, true},
		{"it rejects a second object", `{"origins":[]} {"credentials":true}`, corsa.Config{}, true},
		{"it rejects trailing garbage", `{} x`, corsa.Config{}, true},
		{"it rejects a wrongly typed field", `{"credentials":"yes"}`, corsa.Config{}, true},
		{"it rejects an empty document", ``, corsa.Config{}, true},
		{"it rejects a truncated document", `{"origins":["https://a.example.com"]`, corsa.Config{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := corsa.ParseConfig([]byte(tc.json))
			if tc.wantErr {
				if err == nil {
					t.Fatalf("ParseConfig(%q) = %+v, want an error", tc.json, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseConfig: %v", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ParseConfig = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestLoadConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	t.Run("it reads a policy file", func(t *testing.T) {
		got, err := corsa.LoadConfig(write("good.json", `{"origins":["https://a.example.com"],"maxAge":0}`))
		if err != nil {
			t.Fatalf("LoadConfig: %v", err)
		}
		want := corsa.Config{Origins: []string{"https://a.example.com"}, MaxAge: corsa.Seconds(0)}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("LoadConfig = %+v, want %+v", got, want)
		}
	})
	t.Run("it names the path of an invalid file", func(t *testing.T) {
		path := write("bad.json", `{"orgins":[]}`)
		if _, err := corsa.LoadConfig(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("LoadConfig error = %v, want one naming %s", err, path)
		}
	})
	t.Run("it names the path of a missing file", func(t *testing.T) {
		path := filepath.Join(dir, "missing.json")
		_, err := corsa.LoadConfig(path)
		if err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("LoadConfig error = %v, want one naming %s", err, path)
		}
		if !errors.Is(err, os.ErrNotExist) {
			t.Errorf("LoadConfig error = %v, want it to wrap os.ErrNotExist", err)
		}
	})
}

// A request header listed twice, in two spellings, is allowed once: its
// first spelling, in Access-Control-Allow-Headers.
func TestRequestHeadersListedTwiceAreAllowedOnce(t *testing.T) {
	p := mustPolicy(t, corsa.Config{Origins: []string{"https://app.example.com"}, RequestHeaders: []string{"X-Request-Id", "x-request-id", "Content-Type"}, Methods: []string{"PUT"}})
	d := corsa.Decide(p, &corsa.Request{Method: "OPTIONS", Origin: "https://app.example.com", RequestMethod: "PUT", RequestHeaders: []string{"x-request-id"}})
	h := http.Header{}
	d.SetHeaders(h)
	if got := h.Values("Access-Control-Allow-Headers"); len(got) != 1 || got[0] != "X-Request-Id, Content-Type" {
		t.Errorf("Access-Control-Allow-Headers %q, want [\"X-Request-Id, Content-Type\"]", got)
	}
}

// Every Reason has words of its own; a value no Decision carries says so.
func TestReasonsReadAsWords(t *testing.T) {
	for r, want := range map[corsa.Reason]string{
		corsa.Allowed:            "allowed",
		corsa.OriginNotAllowed:   "origin not allowed",
		corsa.CrossOriginRefused: "cross-origin write refused",
		corsa.Reason(255):        "unknown reason",
	} {
		if got := r.String(); got != want {
			t.Errorf("Reason(%d).String() = %q, want %q", r, got, want)
		}
	}
	// The first value past the last reason is unknown too, not a panic.
	last := corsa.CrossOriginRefused
	for r := corsa.Allowed; r <= last; r++ {
		if r.String() == "unknown reason" {
			t.Errorf("Reason(%d) has no words", r)
		}
	}
	if got := (last + 1).String(); got != "unknown reason" {
		t.Errorf("Reason(%d).String() = %q, want \"unknown reason\"", last+1, got)
	}
}
