package main

import (
	"strings"
	"testing"
)

// check's whole output, line by line: the summary reads as English, and
// every JSON problem is listed with its position and, for a key from
// another library or a typo, the field to write instead.
func TestCheckOutput(t *testing.T) {
	tests := []struct {
		name, policy string
		status       int
		want         []string // the lines after "FILE: "
	}{
		{"a valid policy without warnings is just ok",
			`{"origins":["https://a.example"]}`, 0,
			[]string{"ok"}},
		{"one warning is counted in the singular",
			`{"origins":["https://a.example"],"maxAge":9000}`, 0,
			[]string{
				"warning: maxAge 9000 exceeds Chromium's cap of 7200 seconds: Chromium caches for 7200",
				"ok (1 warning)",
			}},
		{"two warnings are counted in the plural",
			`{"origins":["*","https://a.example"],"maxAge":9000}`, 0,
			[]string{
				`warning: origins: "*" allows every origin; the other entries are redundant`,
				"warning: maxAge 9000 exceeds Chromium's cap of 7200 seconds: Chromium caches for 7200",
				"ok (2 warnings)",
			}},
		{"an rs/cors config has every key listed with the field to use",
			"{\n  \"AllowedOrigins\": [\"https://a.example\"],\n  \"AllowCredentials\": true,\n  \"maxage\": 600\n}", 1,
			[]string{
				`error: corsa: policy JSON: unknown field "AllowedOrigins" at line 2, column 3; did you mean "origins"?`,
				`error: corsa: policy JSON: unknown field "AllowCredentials" at line 3, column 3; did you mean "credentials"?`,
				`error: corsa: policy JSON: unknown field "maxage" at line 4, column 3; did you mean "maxAge"?`,
				"3 problems",
			}},
		{"a fiber config is told that origins is an array",
			`{"allow_origins":"https://a.example,https://b.example"}`, 1,
			[]string{
				`error: corsa: policy JSON: unknown field "allow_origins" at line 1, column 2; did you mean "origins"? It takes a JSON array, such as ["a", "b"], not a comma-separated string.`,
				"1 problem",
			}},
		{"a missing comma is placed on its line and column",
			"{\n  \"origins\": [\"https://a.example\"]\n  \"credentials\": true\n}", 1,
			[]string{
				`error: corsa: policy JSON: syntax error at line 3, column 3: invalid character '"' after object key:value pair`,
				"1 problem",
			}},
		{"a value of the wrong type is placed on its line and column",
			"{\n  \"origins\": [\"https://a.example\"],\n  \"maxAge\": \"600\"\n}", 1,
			[]string{
				`error: corsa: policy JSON: "maxAge" at line 3, column 13: want an integer, not a string`,
				"1 problem",
			}},
		{"a file: origin is refused once, saying browsers send null",
			`{"origins":["file://localhost"]}`, 1,
			[]string{
				`error: corsa: origins[0] "file://localhost": invalid origin: browsers send "null" as the origin of file: pages, never a file:// origin; list "null" with dangerouslyAllowNullOrigin if that is really meant (at line 1, column 13)`,
				"1 problem",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writePolicy(t, tt.policy)
			status, out, _ := runCLI(t, "", "check", path)
			want := path + ": " + strings.Join(tt.want, "\n"+path+": ") + "\n"
			if status != tt.status || out != want {
				t.Errorf("exit status %d, output:\n%s\nwant status %d, output:\n%s", status, out, tt.status, want)
			}
		})
	}
}

// explain's exit status tells a script whether the browser would let the
// page read the response; 2 is kept for what stops explain from answering.
func TestExplainExitStatus(t *testing.T) {
	invalid := writePolicy(t, `{"origins":["*"],"credentials":true}`)
	unparsable := writePolicy(t, `{"allowedOrigins":["https://a.example"]}`)
	const policy = "testdata/good.json"
	tests := []struct {
		name   string
		stdin  string
		args   []string
		status int
	}{
		{"an allowed simple request exits 0", "",
			[]string{"-policy", policy, "-origin", "https://app.example.com"}, 0},
		{"an allowed preflight and actual request exit 0", "",
			[]string{"-policy", policy, "-origin", "https://app.example.com", "-method", "PUT", "-headers", "X-Request-Id"}, 0},
		{"a refused origin exits 1", "",
			[]string{"-policy", policy, "-origin", "https://evil.example"}, 1},
		{"a refused preflight exits 1", "",
			[]string{"-policy", policy, "-origin", "https://app.example.com", "-method", "PUT", "-headers", "X-Secret"}, 1},
		{"a refused raw request exits 1", "OPTIONS /x HTTP/1.1\r\nHost: api\r\nOrigin: https://evil.example\r\nAccess-Control-Request-Method: PUT\r\n\r\n",
			[]string{"-policy", policy}, 1},
		{"an allowed raw request exits 0", "GET /x HTTP/1.1\r\nHost: api\r\nOrigin: https://app.example.com\r\n\r\n",
			[]string{"-policy", policy}, 0},
		{"a raw request without Origin is not refused and exits 0", "GET /x HTTP/1.1\r\nHost: api\r\n\r\n",
			[]string{"-policy", policy}, 0},
		{"an unreadable raw request exits 2", "not http",
			[]string{"-policy", policy}, 2},
		{"a policy New refuses exits 2", "",
			[]string{"-policy", invalid, "-origin", "https://a.example"}, 2},
		{"a policy file with an unknown key exits 2", "",
			[]string{"-policy", unparsable, "-origin", "https://a.example"}, 2},
		{"a missing policy file exits 2", "",
			[]string{"-policy", "testdata/missing.json", "-origin", "https://a.example"}, 2},
		{"an unknown flag exits 2", "",
			[]string{"-policy", policy, "-frobnicate"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := runCLI(t, tt.stdin, append([]string{"explain"}, tt.args...)...)
			if status != tt.status {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", status, tt.status, out, errOut)
			}
		})
	}
}

// A page opened from disk sends "Origin: null"; someone who asks about a
// file: origin learns that once, whichever way they ask.
func TestExplainNotesThatFilePagesSendNull(t *testing.T) {
	const note = `note: browsers send "Origin: null" from file: pages, never a file: URL; serve the page over http://localhost instead, or see dangerouslyAllowNullOrigin` + "\n"
	tests := []struct {
		name, stdin string
		args        []string
		noted       bool
	}{
		{"a file: origin given with -origin is noted", "",
			[]string{"-origin", "file:///home/me/index.html"}, true},
		{"a file: origin in a raw request is noted", "GET / HTTP/1.1\r\nHost: api\r\nOrigin: file://\r\n\r\n",
			nil, true},
		{"an https origin is not noted", "",
			[]string{"-origin", "https://evil.example"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, _ := runCLI(t, tt.stdin, append([]string{"explain", "-policy", "testdata/good.json"}, tt.args...)...)
			if status != 1 {
				t.Errorf("exit status %d, want 1 (refused)", status)
			}
			n := strings.Count(out, "note: ")
			if tt.noted && (n != 1 || !strings.HasSuffix(out, note)) || !tt.noted && n != 0 {
				t.Errorf("output (noted: %v):\n%s", tt.noted, out)
			}
		})
	}
}
