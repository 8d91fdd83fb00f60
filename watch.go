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
	// Interval is the time between two reads of the file; 0 means two
	// seconds. New content is served once two reads an interval apart
	// agree, so a change takes effect one to two intervals after it is
	// written.
	Interval time.Duration

	// OnReload, when set, is called after every attempt to serve new
	// content, and when the file becomes unreadable. A nil error means the
	// file's policy now serves every new request (a nil after an error is
	// the recovery); an error means the file was refused (unreadable, not
	// a regular file, larger than 1 MiB, not valid JSON, or a policy New
	// refuses) and the previous policy still serves. The same refusal is
	// not reported again while the file stays as it is. Calls come from
	// Watch's goroutine, one at a time.
	OnReload func(err error)

	// Logger, when set, logs the same events: a refusal at level Error
	// with the path and the error, a reload at level Info.
	Logger *slog.Logger
}

// defaultWatchInterval is short enough that an edit shows within seconds,
// and long enough for a writer that does not rename into place to finish.
const defaultWatchInterval = 2 * time.Second

// maxPolicyFileSize bounds what Watch reads: a policy is a few hundred
// bytes, and a file that grew to megabytes is a mistake, not a policy.
const maxPolicyFileSize = 1 << 20

// maxServed bounds the versions Watch remembers for going back when a
// partial write was served (see Watch).
const maxServed = 8

// Watch keeps m in step with the JSON policy file at path (see
// ParseConfig) until ctx is done, then returns ctx.Err(). Run it in its
// own goroutine; a negative Interval is refused at once.
//
// Watch reads the whole file on every poll and compares its content, not
// its modification time or size: a rewrite with the same size and an old
// time restored (cp -p) is seen, and a Kubernetes ConfigMap, whose path
// is a symbolic link into a directory the kubelet replaces, works. New
// content is served only once two reads one Interval apart agree, so that
// a file written in several steps is served whole: a writer that
// truncates and writes in place has an Interval to finish. Should a
// partial content be served nevertheless (the writer paused longer) and
// the finished file then be refused, the partial one is withdrawn too:
// the newest policy Watch served whose content the refused file does not
// extend serves again, or m's policy from before Watch started. Writing a
// temporary file and renaming it into place avoids all of this.
//
// Only a change that decides something is reported; a touched file or a
// swap to the same content is not. A path that is not a regular file (a
// FIFO, a device, a directory) is refused without blocking.
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
	w := watcher{m: m, path: path, opts: opts, base: m.current()}
	w.poll()
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
			if ctx.Err() == nil {
				w.poll()
			}
		}
	}
}

// watcher is the state of one Watch between polls.
type watcher struct {
	m    *Middleware
	path string
	opts WatchOptions

	base    *Policy   // m's policy when Watch started
	served  []version // what Watch served, newest last
	pending []byte    // new content read once, waiting for a second read
	refused [sha256.Size]byte
	lastErr error // of the last report: nil when the file's policy serves

	attempts int
}

// version is one content Watch served, and its policy.
type version struct {
	data   []byte
	policy *Policy
}

// poll reads the file and serves its content once it is stable.
func (w *watcher) poll() {
	data, err := readPolicyFile(w.path)
	if err != nil {
		w.pending = nil
		w.refused = [sha256.Size]byte{}
		w.fail(fmt.Errorf("corsa: policy file: %w", err))
		return
	}
	if n := len(w.served); n > 0 && bytes.Equal(data, w.served[n-1].data) {
		w.pending = nil
		if w.lastErr != nil {
			w.report(nil) // readable again, as it was served
		}
		return
	}
	if !bytes.Equal(data, w.pending) {
		w.pending = data // new: served once the next read agrees
		return
	}
	w.pending = nil
	sum := sha256.Sum256(data)
	if sum == w.refused && w.lastErr != nil {
		return // refused already, and reported
	}
	c, err := ParseConfig(data)
	if err == nil {
		// A file cannot hold the Go-only hooks: the Middleware keeps the
		// ones it serves with (from NewMiddleware or Reconfigure).
		cur := w.m.current()
		c.OriginFunc, c.OnDecision = cur.originFunc, cur.onDecision
		var p *Policy
		if p, err = New(c); err == nil {
			w.m.policy.Store(p)
			w.served = append(w.served, version{data, p})
			if len(w.served) > maxServed {
				w.served = w.served[1:]
			}
			w.refused = [sha256.Size]byte{}
			w.report(nil)
			return
		}
	}
	w.refused = sum
	err = fmt.Errorf("%w (in %s)", err, w.path)
	if w.withdrawPrefixes(data) {
		err = fmt.Errorf("%w; the content served before was an unfinished write of it, so the policy before that serves again", err)
	}
	w.report(err)
}

// withdrawPrefixes stops serving the newest versions whose content data
// extends (partial writes of the refused data), and reports whether it
// did.
func (w *watcher) withdrawPrefixes(data []byte) bool {
	n := len(w.served)
	for n > 0 && len(w.served[n-1].data) < len(data) && bytes.HasPrefix(data, w.served[n-1].data) {
		n--
	}
	if n == len(w.served) {
		return false
	}
	w.served = w.served[:n]
	if n > 0 {
		w.m.policy.Store(w.served[n-1].policy)
	} else {
		w.m.policy.Store(w.base)
	}
	return true
}

// fail reports a file that could not be read, once for as long as it
// fails the same way.
func (w *watcher) fail(err error) {
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

// readPolicyFile reads the regular file at path, of at most
// maxPolicyFileSize bytes. It opens without blocking (openNonblock), so
// that a FIFO or a device put at path is refused rather than waited on.
func readPolicyFile(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (%v)", path, fi.Mode().Type())
	}
	if fi.Size() > maxPolicyFileSize {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, maxPolicyFileSize)
	}
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
