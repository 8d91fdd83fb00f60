package corsa

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"
)

// WatchOptions configures (*Middleware).Watch. The zero value polls every
// two seconds and reports nothing.
type WatchOptions struct {
	// Interval is the time between two polls of the file; 0 means two
	// seconds. A poll costs one stat, plus one read of the file when it
	// may have changed.
	Interval time.Duration

	// OnReload, when set, is called after every attempt to serve the
	// file's content: when Watch starts, and whenever the content changes
	// or the file becomes unreadable. A nil error means the file's policy
	// now serves every new request (a nil after an error is the
	// recovery); an error means the file was refused (unreadable, not
	// valid JSON, or a policy New refuses) and the previous policy still
	// serves. The same refusal is not reported again while the file stays
	// as it is. Calls come from Watch's goroutine, one at a time.
	OnReload func(err error)

	// Logger, when set, logs the same events: a refusal at level Error
	// with the path and the error, a reload at level Info.
	Logger *slog.Logger
}

// defaultWatchInterval is short enough that an edit shows within seconds
// and long enough that a stat costs nothing.
const defaultWatchInterval = 2 * time.Second

// maxPolicyFileSize bounds what Watch reads: a policy is a few hundred
// bytes, and a file that grew to megabytes is a mistake, not a policy.
const maxPolicyFileSize = 1 << 20

// racyWindow is how long after a file's modification time a stat may
// still miss a rewrite: filesystems store times in steps of up to two
// seconds (FAT), so a file rewritten within one step with the same size
// looks unchanged. Until a read happens this long after the file's
// modification time, Watch reads the file on every poll.
const racyWindow = 2 * time.Second

// Watch keeps m in step with the JSON policy file at path (see
// ParseConfig) until ctx is done, then returns ctx.Err(). Run it in its
// own goroutine; a negative Interval is refused at once.
//
// Watch reads the file when it starts, and then polls it: a change of its
// modification time, size or identity (a different file behind the name)
// makes Watch read it, and a change of its content (its SHA-256 hash)
// makes Watch Reconfigure m with it. Comparing content as well as times is
// what makes Kubernetes ConfigMap volumes work: path is a symbolic link
// into a directory that the kubelet replaces atomically, and the new
// file's modification time may be older than the old one's. Only a change
// that decides something is reported; a touched file or a swap to the same
// content is not.
//
// The Middleware's Config.OriginFunc and Config.OnDecision, which a file
// cannot hold, carry over to every policy read from the file.
//
// A file that is missing, unreadable, partially written (invalid JSON) or
// holds a policy New refuses is reported through opts and never served:
// the policy m had keeps serving, and the next valid content replaces it.
// To refuse an invalid file at start-up instead, build m from it first:
//
//	cfg, err := corsa.LoadConfig(path)
//	if err != nil {
//		log.Fatal(err)
//	}
//	m, err := corsa.NewMiddleware(cfg)
//	if err != nil {
//		log.Fatal(err)
//	}
//	go m.Watch(ctx, path, corsa.WatchOptions{Logger: slog.Default()})
//
// Run one Watch per Middleware: two would take turns replacing each
// other's policy.
func (m *Middleware) Watch(ctx context.Context, path string, opts WatchOptions) error {
	if m == nil {
		return errNilSource
	}
	if opts.Interval < 0 {
		return fmt.Errorf("corsa: Watch: negative interval %v", opts.Interval)
	}
	interval := opts.Interval
	if interval == 0 {
		interval = defaultWatchInterval
	}
	w := watcher{m: m, path: path, opts: opts}
	w.poll()
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
			w.poll()
		}
	}
}

// watcher is the state of one Watch between polls.
type watcher struct {
	m    *Middleware
	path string
	opts WatchOptions

	stat     os.FileInfo // of the last read; nil before it or after a failure
	readAt   time.Time   // when that read happened
	sum      [sha256.Size]byte
	attempts int
	lastErr  error // of the last attempt: nil when the file's policy serves
}

// poll reads the file if it may have changed and serves its content if it
// did.
func (w *watcher) poll() {
	fi, err := os.Stat(w.path)
	if err != nil {
		w.fail(fmt.Errorf("corsa: policy file: %w", err))
		return
	}
	if w.stat != nil && sameStat(w.stat, fi) && w.readAt.Sub(fi.ModTime()) > racyWindow {
		return
	}
	now := time.Now()
	data, err := readPolicyFile(w.path)
	if err != nil {
		w.fail(fmt.Errorf("corsa: policy file: %w", err))
		return
	}
	sum := sha256.Sum256(data)
	unchanged := w.stat != nil && sum == w.sum
	w.stat, w.readAt, w.sum = fi, now, sum
	if unchanged {
		return
	}
	c, err := ParseConfig(data)
	if err == nil {
		// A file cannot hold the Go-only hooks: the Middleware keeps the
		// ones it serves with (from NewMiddleware or Reconfigure).
		cur := w.m.current()
		c.OriginFunc, c.OnDecision = cur.originFunc, cur.onDecision
		err = w.m.Reconfigure(c)
	}
	if err != nil {
		err = fmt.Errorf("%w (in %s)", err, w.path)
	}
	w.report(err)
}

// fail reports a file that could not be read, once for as long as it
// fails the same way, and makes the next successful read serve the file
// even if its content is what was served before.
func (w *watcher) fail(err error) {
	w.stat = nil
	if w.lastErr != nil && w.lastErr.Error() == err.Error() {
		return
	}
	w.report(err)
}

func (w *watcher) report(err error) {
	recovered := err == nil && w.lastErr != nil
	w.lastErr = err
	w.attempts++
	if w.opts.OnReload != nil {
		w.opts.OnReload(err)
	}
	if l := w.opts.Logger; l != nil {
		switch {
		case err != nil:
			l.Error("corsa: policy file refused, the previous policy stays", "path", w.path, "err", err)
		case recovered:
			l.Info("corsa: policy file valid again, now serving it", "path", w.path)
		case w.attempts == 1:
			l.Info("corsa: serving policy file", "path", w.path)
		default:
			l.Info("corsa: policy file changed, now serving it", "path", w.path)
		}
	}
}

// sameStat reports whether two stats describe the same unchanged file:
// os.SameFile compares device and inode, which a ConfigMap swap or a
// rename over the file changes.
func sameStat(a, b os.FileInfo) bool {
	return os.SameFile(a, b) && a.ModTime().Equal(b.ModTime()) && a.Size() == b.Size()
}

// readPolicyFile reads at most maxPolicyFileSize bytes of the file at path.
func readPolicyFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(f, maxPolicyFileSize+1))
	switch {
	case err != nil:
		return nil, err
	case n > maxPolicyFileSize:
		return nil, fmt.Errorf("%s is larger than %d bytes", path, maxPolicyFileSize)
	}
	return buf.Bytes(), nil
}
