package main

import (
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
)

func TestSummary(t *testing.T) {
	rows := []row{
		{Name: "corsa (net/http)", Version: "(devel)", Browser: count{3, 3}, Config: count{2, 2}, Hardening: count{1, 1}},
		{
			Name: "peer (net/http)", Version: "v1.2.3", Browser: count{1, 3}, Config: count{0, 2}, Hardening: count{0, 1},
			Exploitable: []string{"a"}, CacheUnsafe: []string{"b", "c"},
			Differences:   []failure{{Case: "d"}},
			CannotExpress: []reason{{Why: "no PNA", Cases: 2}}, Skipped: 1,
		},
	}
	want := `| library | version | browser outcome as expected | exploitable | cache-unsafe | forbidden configurations refused | hardening | differs from corsa's choices (information) | cannot express |
|---|---|--:|--:|--:|--:|--:|--:|--:|
| corsa (net/http) | (devel) | 3/3 | 0 | 0 | 2/2 | 1/1 | 0 | 0 |
| peer (net/http) | v1.2.3 | 1/3 | 1 | 2 | 0/2 | 0/1 | 1 | 3 |
`
	if got := summary(rows); got != want {
		t.Errorf("summary:\n%s\nwant:\n%s", got, want)
	}
}

func TestRenderNamesTheTransportAndTheNoteUnderTheLibrarysHeading(t *testing.T) {
	tests := []struct {
		name string
		r    row
		want string
	}{
		{
			name: "a library on fasthttp names it and its note",
			r:    row{Name: "fiber", Transport: "github.com/valyala/fasthttp v1.69.0", Note: "Read this.", Skipped: 1},
			want: "\n## fiber\n\nRuns on github.com/valyala/fasthttp v1.69.0. Read this.\n\nCannot express:",
		},
		{
			name: "a library on net/http with a note has the note alone",
			r:    row{Name: "peer", Note: "Read this.", Skipped: 1},
			want: "\n## peer\n\nRead this.\n\nCannot express:",
		},
		{
			name: "a library on net/http without a note goes straight to its cases",
			r:    row{Name: "peer", Skipped: 1},
			want: "\n## peer\n\nCannot express:",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render([]row{tt.r}, nil); !strings.Contains(got, tt.want) {
				t.Errorf("render does not contain %q:\n%s", tt.want, got)
			}
		})
	}
}

func TestSpliceReadme(t *testing.T) {
	tests := []struct {
		name, readme, want string
		fails              bool
	}{
		{
			name:   "the text between the markers is replaced and the rest kept",
			readme: "intro\n" + readmeBegin + "old table\n" + readmeEnd + "\noutro\n",
			want:   "intro\nNEW" + "\noutro\n",
		},
		{name: "a README without markers is an error", readme: "intro\n", fails: true},
		{name: "markers in the wrong order are an error", readme: readmeEnd + readmeBegin, fails: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := spliceReadme(tt.readme, "NEW")
			if (err != nil) != tt.fails {
				t.Fatalf("err = %v, want failure %v", err, tt.fails)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// response builds a response with the given status and header lines.
func response(status int, lines ...string) *http.Response {
	h := http.Header{}
	for _, l := range lines {
		k, v, _ := strings.Cut(l, ": ")
		h.Add(k, v)
	}
	return &http.Response{StatusCode: status, Header: h}
}

func TestJudge(t *testing.T) {
	exact := corsa.Config{Origins: []string{"https://app.example.com"}, Methods: []string{"PUT", "DELETE"}}
	preflight := func(origin string) conformance.Request {
		return conformance.Request{Method: "OPTIONS", Path: "/resource", Header: [][2]string{{"Origin", origin}, {"Access-Control-Request-Method", "PUT"}}}
	}
	get := func(origin string) conformance.Request {
		r := conformance.Request{Method: "GET", Path: "/resource"}
		if origin != "" {
			r.Header = [][2]string{{"Origin", origin}}
		}
		return r
	}
	allowed := conformance.Want{Status: 204, Headers: map[string]string{"Access-Control-Allow-Origin": "https://app.example.com", "Access-Control-Allow-Methods": "PUT, DELETE"}, Vary: []string{"Origin"}}
	refused := conformance.Want{Status: 403, Vary: []string{"Origin"}}
	read := conformance.Want{Status: 200, Headers: map[string]string{"Access-Control-Allow-Origin": "https://app.example.com"}, Vary: []string{"Origin"}, HandlerRan: true}
	tests := []struct {
		name                            string
		request                         conformance.Request
		want                            conformance.Want
		got                             *http.Response
		differs, exploitable, cacheBare bool
	}{
		{
			name:    "a 200 naming only the requested method is the same outcome as corsa's 204",
			request: preflight("https://app.example.com"), want: allowed,
			got: response(200, "Access-Control-Allow-Origin: https://app.example.com", "Access-Control-Allow-Methods: PUT"),
		},
		{
			name:    "a refused preflight answered 204 without Access-Control-Allow-Origin fails in the browser as a 403 does",
			request: preflight("https://evil.example"), want: refused,
			got: response(204, "Vary: Origin"),
		},
		{
			name:    "a preflight passed for an origin the policy refuses is exploitable",
			request: preflight("https://evil.example"), want: refused,
			got:     response(204, "Access-Control-Allow-Origin: https://evil.example", "Access-Control-Allow-Methods: PUT"),
			differs: true, exploitable: true,
		},
		{
			name:    "a preflight for an allowed origin missing the method fails the browser",
			request: preflight("https://app.example.com"), want: allowed,
			got:     response(204, "Access-Control-Allow-Origin: https://app.example.com", "Access-Control-Allow-Methods: GET"),
			differs: true,
		},
		{
			name:    "a readable GET without Vary: Origin that a shared cache stores is cache-unsafe",
			request: get("https://app.example.com"), want: read,
			got:     response(200, "Access-Control-Allow-Origin: https://app.example.com", "X-Handler: ran"),
			differs: true, cacheBare: true,
		},
		{
			name:    "a response marked no-store needs no Vary: Origin",
			request: get("https://app.example.com"), want: read,
			got: response(200, "Access-Control-Allow-Origin: https://app.example.com", "X-Handler: ran", "Cache-Control: no-store"),
		},
		{
			name:    "a readable GET its handler never answered differs",
			request: get("https://app.example.com"), want: read,
			got:     response(204, "Access-Control-Allow-Origin: https://app.example.com", "Vary: Origin"),
			differs: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := conformance.Result{Case: conformance.Case{Policy: exact, Request: tt.request, Want: tt.want}, Response: tt.got}
			j := judge(res)
			if got := len(j.Differs) > 0 || j.CacheUnsafe; got != tt.differs {
				t.Errorf("differs = %v (%q), want %v", got, j.Differs, tt.differs)
			}
			if j.Exploitable != tt.exploitable {
				t.Errorf("exploitable = %v, want %v", j.Exploitable, tt.exploitable)
			}
			if j.CacheUnsafe != tt.cacheBare {
				t.Errorf("cache-unsafe = %v, want %v", j.CacheUnsafe, tt.cacheBare)
			}
		})
	}
}

// TestCommittedScoreboardIsCurrent fails when benchmarks/SCOREBOARD.md or
// the README's table differs from what the scoreboard generates now.
func TestCommittedScoreboardIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole suite against every library")
	}
	rows := scoreAll()
	board, err := os.ReadFile("../../SCOREBOARD.md")
	if err != nil {
		t.Fatal(err)
	}
	if want := render(rows, sections(conformance.Cases())); string(board) != want {
		t.Errorf("benchmarks/SCOREBOARD.md is stale: run go run ./benchmarks/cmd/scoreboard -o benchmarks/SCOREBOARD.md -readme README.md")
	}
	readme, err := os.ReadFile("../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), readmeFragment(rows)) {
		t.Errorf("README.md's scoreboard table is stale: run go run ./benchmarks/cmd/scoreboard -o benchmarks/SCOREBOARD.md -readme README.md")
	}
}
func TestMergePrefixes(t *testing.T) {
	tests := []struct {
		name  string
		names []string
		want  []string
	}{
		{
			name:  "a run of names sharing the leading words of its first two is written once with the rest in braces",
			names: []string{"exact a refuses a preflight from null", "exact a refuses a preflight from b", "exact a refuses an actual request from b"},
			want:  []string{"exact a refuses a preflight from {null | b}", "exact a refuses an actual request from b"},
		},
		{
			name:  "names sharing fewer than three words stay apart",
			names: []string{"a preflight refused", "a preflight allowed", "the handler runs"},
			want:  []string{"a preflight refused", "a preflight allowed", "the handler runs"},
		},
		{
			name:  "only consecutive names merge",
			names: []string{"one two three four", "other", "one two three five"},
			want:  []string{"one two three four", "other", "one two three five"},
		},
		{
			name:  "words are compared whole",
			names: []string{"max age of 600 is sent", "max age of 6000 is refused"},
			want:  []string{"max age of {600 is sent | 6000 is refused}"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mergePrefixes(tt.names); !slices.Equal(got, tt.want) {
				t.Errorf("mergePrefixes(%q) = %q, want %q", tt.names, got, tt.want)
			}
		})
	}
}

func TestAddCannotExpressCountsEachReasonOnce(t *testing.T) {
	var r row
	for _, why := range []string{"no PNA", "no max-age 0", "no PNA"} {
		r.addCannotExpress(why)
	}
	want := []reason{{"no PNA", 2}, {"no max-age 0", 1}}
	if !slices.Equal(r.CannotExpress, want) {
		t.Errorf("CannotExpress = %v, want %v", r.CannotExpress, want)
	}
}
