package corsa_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/corsa-go/corsa"
)

// eventTimeout bounds every wait for Watch: generous for a loaded two-core
// machine under -race, while the poll interval is milliseconds.
const eventTimeout = 10 * time.Second

// configMapDir lays out a directory the way the kubelet mounts a
// ConfigMap: policy.json is a symbolic link to ..data/policy.json, ..data
// is a symbolic link to a timestamped directory, and an update writes a
// new directory and renames a new ..data link over the old one.
type configMapDir struct {
	t   *testing.T
	dir string
	gen int
}

func newConfigMapDir(t *testing.T, content string) *configMapDir {
	c := &configMapDir{t: t, dir: t.TempDir()}
	c.swap(content, time.Now())
	if err := os.Symlink(filepath.Join("..data", "policy.json"), c.path()); err != nil {
		t.Fatal(err)
	}
	return c
}

// path is the name a program reads, as a pod sees it.
func (c *configMapDir) path() string { return filepath.Join(c.dir, "policy.json") }

// swap publishes content in a new directory whose file has modification
// time mtime, and atomically points ..data at it.
func (c *configMapDir) swap(content string, mtime time.Time) {
	c.t.Helper()
	c.gen++
	gen := fmt.Sprintf("..2026_11_30_%02d", c.gen)
	file := filepath.Join(c.dir, gen, "policy.json")
	if err := os.Mkdir(filepath.Join(c.dir, gen), 0o755); err != nil {
		c.t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
		c.t.Fatal(err)
	}
	if err := os.Chtimes(file, mtime, mtime); err != nil {
		c.t.Fatal(err)
	}
	tmp := filepath.Join(c.dir, "..data_tmp")
	if err := os.Symlink(gen, tmp); err != nil {
		c.t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(c.dir, "..data")); err != nil {
		c.t.Fatal(err)
	}
}

// rewrite replaces the current file's content the way editors and
// configuration tools do: a temporary file renamed over it, so that a
// reader sees the old content or the new, never a mix.
func (c *configMapDir) rewrite(content string) {
	c.t.Helper()
	target := filepath.Join(c.dir, "..data", "policy.json")
	tmp := target + ".tmp"
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		c.t.Fatal(err)
	}
	if err := os.Rename(tmp, target); err != nil {
		c.t.Fatal(err)
	}
}

func (c *configMapDir) remove() {
	c.t.Helper()
	if err := os.Remove(filepath.Join(c.dir, "..data", "policy.json")); err != nil {
		c.t.Fatal(err)
	}
}

// Three policies told apart by origin and max-age: for each origin, an
// allowed preflight must carry exactly its own policy's headers.
var watchPolicies = map[string]string{
	"https://a.example": `{"origins": ["https://a.example"], "methods": ["PUT"], "maxAge": 10}`,
	"https://b.example": `{"origins": ["https://b.example"], "methods": ["PUT"], "maxAge": 20}`,
	"https://c.example": `{"origins": ["https://c.example"], "methods": ["PUT"], "maxAge": 30}`,
}

// allowedPUT is the complete answer doc.go prescribes for an allowed
// PUT preflight from origin under the policy above with maxAge.
func allowedPUT(origin, maxAge string) http.Header {
	return http.Header{
		"Access-Control-Allow-Origin":  {origin},
		"Access-Control-Allow-Methods": {"PUT"},
		"Access-Control-Max-Age":       {maxAge},
		"Vary":                         {"Origin, Access-Control-Request-Method, Access-Control-Request-Headers"},
	}
}

var (
	watchAllowed = map[string]http.Header{
		"https://a.example": allowedPUT("https://a.example", "10"),
		"https://b.example": allowedPUT("https://b.example", "20"),
		"https://c.example": allowedPUT("https://c.example", "30"),
	}
	watchRefused = http.Header{"Vary": {"Origin, Access-Control-Request-Method, Access-Control-Request-Headers"}}
)

// The file is rewritten, broken, swapped and removed while eight
// goroutines send preflights through the Middleware: after each change
// Watch reports exactly one outcome, the policy serving is the last valid
// file's, every response is wholly one policy's answer, and the race
// detector stays quiet.
func TestWatchFollowsThePolicyFileUnderLoad(t *testing.T) {
	cm := newConfigMapDir(t, watchPolicies["https://a.example"])
	m, err := corsa.NewMiddleware(corsa.Config{Origins: []string{"https://a.example"}, Methods: []string{"PUT"}, MaxAge: corsa.Seconds(10)})
	if err != nil {
		t.Fatal(err)
	}
	h := m.Handler(okHandler)

	events := make(chan error, 16)
	ctx, cancel := context.WithCancel(context.Background())
	watchDone := make(chan error, 1)
	go func() {
		watchDone <- m.Watch(ctx, cm.path(), corsa.WatchOptions{
			Interval: 5 * time.Millisecond,
			OnReload: func(err error) { events <- err },
		})
	}()
	defer func() {
		cancel()
		select {
		case err := <-watchDone:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("Watch returned %v after cancel, want context.Canceled", err)
			}
		case <-time.After(eventTimeout):
			t.Errorf("Watch did not return within %v of cancel", eventTimeout)
		}
	}()

	// The load: every response must be the refusal or the one allowed
	// answer its origin has under any of the three policies.
	var stop atomic.Bool
	var served atomic.Int64
	var clients sync.WaitGroup
	origins := []string{"https://a.example", "https://b.example", "https://c.example"}
	for g := 0; g < 8; g++ {
		clients.Add(1)
		go func() {
			defer clients.Done()
			for i := g; !stop.Load(); i++ {
				origin := origins[i%len(origins)]
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, preflight(origin, "PUT"))
				ok := rec.Code == http.StatusNoContent && sameHeaders(rec.Header(), watchAllowed[origin]) ||
					rec.Code == http.StatusForbidden && sameHeaders(rec.Header(), watchRefused)
				if !ok {
					t.Errorf("preflight from %s: %d %v is no policy's answer", origin, rec.Code, rec.Header())
					return
				}
				served.Add(1)
			}
		}()
	}
	defer func() {
		stop.Store(true)
		clients.Wait()
		if served.Load() == 0 {
			t.Error("no request was served while the file changed")
		}
	}()

	steps := []struct {
		name    string
		change  func()
		wantErr string // "" when the file's policy must now serve; else part of the error
		serving string // the origin whose policy must serve after the step
	}{
		{"the file Watch starts with is served", func() {}, "", "https://a.example"},
		{"a rewritten file is served",
			func() { cm.rewrite(watchPolicies["https://b.example"]) }, "", "https://b.example"},
		{"a half-written file is refused as invalid JSON and the old policy stays",
			func() { cm.rewrite(`{"origins": ["https://c.exa`) }, "policy JSON", "https://b.example"},
		{"a policy New refuses is reported with its rule and the old policy stays",
			func() { cm.rewrite(`{"origins": ["*"], "credentials": true}`) },
			`corsa: origins[0] "*": "*" cannot be combined with credentials`, "https://b.example"},
		{"a ConfigMap swap to a file an hour older is served",
			func() { cm.swap(watchPolicies["https://c.example"], time.Now().Add(-time.Hour)) }, "", "https://c.example"},
		{"a removed file is reported and the old policy stays",
			cm.remove, "no such file", "https://c.example"},
		{"the same content back is served again",
			func() { cm.rewrite(watchPolicies["https://c.example"]) }, "", "https://c.example"},
		{"a swap to the same content is not reported, the next broken file is",
			func() {
				cm.swap(watchPolicies["https://c.example"], time.Now())
				cm.swap(`{"origins": ["https://a.example"], "maxage": 10}`, time.Now())
			}, `unknown field "maxage"`, "https://c.example"},
		{"a ConfigMap swap back to a valid file is served",
			func() { cm.swap(watchPolicies["https://a.example"], time.Now()) }, "", "https://a.example"},
	}
	for _, step := range steps {
		step.change()
		var err error
		select {
		case err = <-events:
		case <-time.After(eventTimeout):
			t.Fatalf("%s: no report within %v", step.name, eventTimeout)
		}
		switch {
		case step.wantErr == "" && err != nil:
			t.Errorf("%s: reported %v, want success", step.name, err)
		case step.wantErr != "" && (err == nil || !strings.Contains(err.Error(), step.wantErr)):
			t.Errorf("%s: reported %v, want an error containing %q", step.name, err, step.wantErr)
		}
		for _, origin := range origins {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, preflight(origin, "PUT"))
			if allowed := rec.Code == http.StatusNoContent; allowed != (origin == step.serving) {
				t.Errorf("%s: preflight from %s answered %d; want the policy for %s serving", step.name, origin, rec.Code, step.serving)
			}
		}
	}
	select {
	case err := <-events:
		t.Errorf("a report nothing caused: %v", err)
	default:
	}
}

func TestWatchRefusesANegativeInterval(t *testing.T) {
	var m corsa.Middleware
	err := m.Watch(context.Background(), "policy.json", corsa.WatchOptions{Interval: -time.Second})
	if err == nil || !strings.Contains(err.Error(), "negative interval") {
		t.Errorf("Watch with Interval -1s returned %v, want a negative-interval error", err)
	}
}

func TestWatchReturnsWhenTheContextIsDone(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	var m corsa.Middleware
	done := make(chan error, 1)
	go func() {
		done <- m.Watch(ctx, filepath.Join(t.TempDir(), "missing.json"), corsa.WatchOptions{Interval: time.Hour})
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Watch returned %v, want context.DeadlineExceeded", err)
		}
	case <-time.After(eventTimeout):
		t.Fatalf("Watch did not return within %v of its context's deadline", eventTimeout)
	}
}

// A Logger gets the same events as OnReload: the start, a refusal at
// level ERROR with the path and the reason, and the recovery.
func TestWatchLogsRefusalsAndRecoveryThroughSlog(t *testing.T) {
	cm := newConfigMapDir(t, watchPolicies["https://a.example"])
	var logs syncBuffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{} // drop the time: the lines are compared whole
			}
			return a
		},
	}))
	events := make(chan error, 4)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var m corsa.Middleware
	go func() {
		done <- m.Watch(ctx, cm.path(), corsa.WatchOptions{
			Interval: 5 * time.Millisecond, Logger: logger, OnReload: func(err error) { events <- err },
		})
	}()
	next := func() {
		t.Helper()
		select {
		case <-events:
		case <-time.After(eventTimeout):
			t.Fatalf("no report within %v", eventTimeout)
		}
	}
	next()
	cm.rewrite(`{"origins": ["https://a.example/"]}`)
	next()
	cm.rewrite(watchPolicies["https://b.example"])
	next()
	cancel()
	<-done

	want := []string{
		fmt.Sprintf(`level=INFO msg="corsa: serving policy file" path=%s`, cm.path()),
		fmt.Sprintf(`level=ERROR msg="corsa: policy file refused, the previous policy stays" path=%s err=`, cm.path()),
		fmt.Sprintf(`level=INFO msg="corsa: policy file valid again, now serving it" path=%s`, cm.path()),
	}
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	if len(lines) != len(want) {
		t.Fatalf("log has %d lines, want %d:\n%s", len(lines), len(want), logs.String())
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("log line %d:\n got %s\nwant %s...", i+1, lines[i], w)
		}
	}
	if !strings.Contains(lines[1], `https://a.example/`) {
		t.Errorf("the refusal does not name the bad origin: %s", lines[1])
	}
}

// syncBuffer is a bytes.Buffer that Watch's goroutine writes while the
// test may read it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
