//go:build unix

package corsa_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestWatchRefusesWhatIsNotARegularFileWithoutBlocking(t *testing.T) {
	for _, tt := range []struct {
		name string
		make func(t *testing.T, path string)
		skip string
	}{
		{"a FIFO", func(t *testing.T, path string) {
			if err := syscall.Mkfifo(path, 0o644); err != nil {
				t.Skip("no FIFO here:", err)
			}
		}, ""},
		{"a directory", func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o755); err != nil {
				t.Fatal(err)
			}
		}, ""},
		{"a device behind a symbolic link", func(t *testing.T, path string) {
			if err := os.Symlink(os.DevNull, path); err != nil {
				t.Skip("no symbolic link here:", err)
			}
		}, ""},
	} {
		t.Run(tt.name+" is refused and a later regular file is served", func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "policy.json")
			tt.make(t, path)
			m, rl := watching(t, path)
			deadline := time.Now().Add(400 * watchInterval)
			for rl.last() == nil {
				if time.Now().After(deadline) {
					t.Fatal("Watch reported nothing: it blocked, or took the path for a policy")
				}
				time.Sleep(watchInterval)
			}
			if err := rl.last(); !strings.Contains(err.Error(), "not a regular file") {
				t.Errorf("reload error %v, want it to say the path is not a regular file", err)
			}
			if got := allowed(m); got != "" {
				t.Errorf("the middleware allows %q, want nothing", got)
			}
			// Replaced by a regular file, renamed into place.
			tmp := filepath.Join(dir, "new.json")
			write(t, tmp, policyB)
			if err := os.RemoveAll(path); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(tmp, path); err != nil {
				t.Fatal(err)
			}
			eventually(t, m, "https://b.example")
		})
	}
}
