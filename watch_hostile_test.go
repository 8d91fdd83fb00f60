package corsa_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corsa-go/corsa"
)

// The policies the hostile-file tests switch between: each allows one
// origin, so a request tells which one serves.
const (
	policyA = `{"origins":["https://a.example"]}`
	policyB = `{"origins":["https://b.example"]}` // the same size as policyA
)

// watchInterval is short, so that the tests take milliseconds; the
// deadlines below are many intervals long, so that a slow machine does not
// fail them.
const watchInterval = 5 * time.Millisecond

// allowed reports which of the test origins the middleware allows now.
func allowed(m *corsa.Middleware) string {
	var got []string
	for _, o := range []string{"https://a.example", "https://b.example", "https://c.example"} {
		r := corsa.Request{Method: "GET", Origin: o}
		if d := corsa.Decide(m, &r); d.Reason() == corsa.Allowed {
			got = append(got, o)
		}
	}
	return strings.Join(got, " ")
}

// eventually waits for the middleware to allow want, failing after a
// deadline of many intervals.
func eventually(t *testing.T, m *corsa.Middleware, want string) {
	t.Helper()
	deadline := time.Now().Add(400 * watchInterval)
	for allowed(m) != want {
		if time.Now().After(deadline) {
			t.Fatalf("the middleware allows %q, want %q", allowed(m), want)
		}
		time.Sleep(watchInterval / 2)
	}
}

// watching starts Watch on a Middleware serving the policy that allows
// nothing, and stops it when the test ends, checking that it returned.
func watching(t *testing.T, path string) (*corsa.Middleware, *reloads) {
	t.Helper()
	m := new(corsa.Middleware)
	rl := new(reloads)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Watch(ctx, path, corsa.WatchOptions{Interval: watchInterval, OnReload: rl.add}) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("Watch returned %v, want context.Canceled", err)
			}
		case <-time.After(100 * watchInterval):
			t.Error("Watch did not return after its context was cancelled")
		}
	})
	return m, rl
}

// reloads records OnReload's calls.
type reloads struct {
	mu   sync.Mutex
	errs []error
}

func (r *reloads) add(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, err)
}

func (r *reloads) last() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.errs) == 0 {
		return nil
	}
	return r.errs[len(r.errs)-1]
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWatchSeesARewriteWithTheSameSizeAndTime(t *testing.T) {
	path := filepath.Join(t.TempDir(), "policy.json")
	write(t, path, policyA)
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := watching(t, path)
	eventually(t, m, "https://a.example")

	// cp -p, and configuration managers that restore times: same size,
	// same modification time, other content.
	write(t, path, policyB)
	if err := os.Chtimes(path, before.ModTime(), before.ModTime()); err != nil {
		t.Fatal(err)
	}
	eventually(t, m, "https://b.example")
}

func TestWatchServesAFileWrittenInPlaceOnlyWhenWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "policy.json")
	write(t, path, policyA)
	m, rl := watching(t, path)
	eventually(t, m, "https://a.example")

	// A writer in place: truncate, then write in two steps. A read may
	// land on the empty or half-written file, but content is served, or
	// even parsed, only once two reads an interval apart agree: nothing
	// is refused on the way, and the whole file serves.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{policyB[:12], policyB[12:]} {
		if _, err := f.WriteString(part); err != nil {
			t.Fatal(err)
		}
	}
	f.Close()
	eventually(t, m, "https://b.example")
	rl.mu.Lock()
	defer rl.mu.Unlock()
	for _, err := range rl.errs {
		if err != nil {
			t.Errorf("reload error %v while the file was being written", err)
		}
	}
}

func TestWatchWithdrawsAServedPrefixWhenTheFinishedFileIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "policy.json")
	write(t, path, policyA)
	m, rl := watching(t, path)
	eventually(t, m, "https://a.example")

	// A writer that pauses longer than an interval after a first chunk
	// that is a whole policy: the chunk is served. When the finished file
	// is refused (trailing data), the chunk must not stay in service.
	chunk := `{"origins":["https://c.example"]}`
	write(t, path, chunk)
	eventually(t, m, "https://c.example")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(` {"origins":["*"]}`); err != nil {
		t.Fatal(err)
	}
	f.Close()
	eventually(t, m, "https://a.example")
	if err := rl.last(); err == nil || !strings.Contains(err.Error(), "trailing data") || !strings.Contains(err.Error(), "unfinished write") {
		t.Errorf("last reload error %v, want the trailing data and the withdrawal named", err)
	}
}
