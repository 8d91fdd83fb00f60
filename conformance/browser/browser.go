package browser

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/audits"
	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Every browser action is bounded, so that a wedged Chromium fails the run
// instead of hanging it.
const (
	launchTimeout = 30 * time.Second
	// tabTimeout bounds a tab's whole life: one scenario.
	tabTimeout    = 60 * time.Second
	actionTimeout = 10 * time.Second
	// sandboxTimeout bounds a fetch from a sandboxed iframe: Chromium's
	// site isolation gives the iframe's opaque origin a renderer process of
	// its own, which on a loaded machine can take longer than an action.
	sandboxTimeout = 30 * time.Second
	// reasonTimeout is how long a blocked fetch may take to be reported as
	// a DevTools issue after the page saw its TypeError.
	reasonTimeout = 3 * time.Second
)

// chromiumNames are the executables looked up on PATH, in order.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell"}

// findChromium returns the browser to drive: $CORSA_CHROMIUM when set,
// otherwise the first of chromiumNames on PATH.
func findChromium() (string, error) {
	if path := os.Getenv("CORSA_CHROMIUM"); path != "" {
		return exec.LookPath(path)
	}
	for _, name := range chromiumNames {
		if path, err := exec.LookPath(name); err == nil {
			return path, nil
		}
	}
	return "", fmt.Errorf("none of %s on PATH and CORSA_CHROMIUM unset", strings.Join(chromiumNames, ", "))
}

// browser is one headless Chromium for a whole run. Its user-data dir is a
// fresh temporary directory that chromedp creates and, when the browser
// ends, removes after killing every process still using it. On Linux
// chromedp also starts Chromium with a parent-death signal, so a test
// binary killed by -timeout takes the browser with it.
type browser struct {
	ctx     context.Context
	cancel  func()
	version string
	dataDir string // "" where it cannot be found (outside Linux)
}

// launch starts Chromium at execPath, with extra options after the
// defaults: a flag given again there replaces the default's value.
func launch(execPath string, extra ...chromedp.ExecAllocatorOption) (*browser, error) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(execPath),
		chromedp.NoSandbox, // Chromium refuses to run as root with its sandbox
		chromedp.DisableGPU,
		// Without these, Chromium keeps calling home, and this machine's
		// closed network refuses those connections.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		// Every *.test host is this machine, so that one loopback server
		// can be several origins (see site).
		chromedp.Flag("host-resolver-rules", "MAP *.test 127.0.0.1"),
	)
	opts = append(opts, extra...)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	b := &browser{ctx: ctx, cancel: func() { cancelCtx(); cancelAlloc() }}

	// The first Do binds the browser's life to its context, so it cannot
	// carry a deadline itself: the timeout is enforced from outside.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	var err error
	select {
	case err = <-started:
	case <-time.After(launchTimeout):
		err = fmt.Errorf("no answer within %v", launchTimeout)
	}
	if err == nil {
		err = b.describe()
	}
	if err != nil {
		b.cancel()
		return nil, fmt.Errorf("starting %s: %w", execPath, err)
	}
	return b, nil
}

// describe fills in the version and the user-data dir.
func (b *browser) describe() error {
	ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
	defer cancel()
	v, err := chromedp.CallBrowser(ctx, cdpbrowser.GetVersion, cdp.Empty{})
	if err != nil {
		return err
	}
	b.version = v.Product
	cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", chromedp.FromContext(b.ctx).Browser.Process().Pid))
	if err == nil {
		for _, arg := range strings.Split(string(cmdline), "\x00") {
			if dir, ok := strings.CutPrefix(arg, "--user-data-dir="); ok {
				b.dataDir = dir
			}
		}
	}
	return nil
}

// close stops the browser, waits until it has exited, and reports whether
// it left its user-data dir behind.
func (b *browser) close() error {
	b.cancel()
	if b.dataDir == "" {
		return nil
	}
	if _, err := os.Stat(b.dataDir); !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("user-data dir %s still there after the browser closed (stat: %v)", b.dataDir, err)
	}
	return nil
}

// tab is a page in a browser context of its own, which starts with no
// cookies and an empty preflight cache, so that nothing leaks between
// scenarios. It collects why Chromium blocked each request: the DevTools
// Audits CORS issues and the console lines.
type tab struct {
	ctx    context.Context
	cancel func()

	mu      sync.Mutex
	issues  []*audits.CorsIssueDetails
	console []string
}

// newTab opens a tab in a new browser context.
func (b *browser) newTab() (*tab, error) {
	life, cancelLife := context.WithTimeout(b.ctx, tabTimeout)
	t := new(tab)
	ctx, cancelTab := chromedp.NewContext(life, chromedp.WithNewBrowserContext(), chromedp.WithListener(t.listen))
	t.ctx, t.cancel = ctx, func() { cancelTab(); cancelLife() }
	// The first Do creates the tab and binds it to ctx, whose deadline is
	// the tab's whole life.
	if err := chromedp.Do(ctx); err != nil {
		t.cancel()
		return nil, fmt.Errorf("opening a tab: %w", err)
	}
	if err := t.do(func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, audits.Enable, cdp.Empty{})
		return err
	}); err != nil {
		t.cancel()
		return nil, fmt.Errorf("enabling DevTools issues: %w", err)
	}
	return t, nil
}

// listen runs on the tab's event loop: it must only record.
func (t *tab) listen(ev any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	switch ev := ev.(type) {
	case *audits.EventIssueAdded:
		if d := ev.Issue.Details.CorsIssueDetails; d != nil && !d.IsWarning && d.CorsErrorStatus != nil && d.Request != nil {
			t.issues = append(t.issues, d)
		}
	case *log.EventEntryAdded:
		t.console = append(t.console, ev.Entry.Text)
	}
}

// do runs f with a context bounded by actionTimeout.
func (t *tab) do(f func(ctx context.Context) error) error {
	ctx, cancel := context.WithTimeout(t.ctx, actionTimeout)
	defer cancel()
	return f(ctx)
}

// open loads the probe page from origin, which becomes the page's origin.
func (t *tab) open(origin string) error {
	return t.do(func(ctx context.Context) error {
		return chromedp.Do(ctx, chromedp.Navigate(origin+"/"))
	})
}

// fetchInit is the subset of fetch()'s RequestInit the scenarios use.
type fetchInit struct {
	Method      string            `json:"method,omitempty"`
	Headers     map[string]string `json:"headers,omitempty"`
	Body        string            `json:"body,omitempty"`
	Credentials string            `json:"credentials,omitempty"`
}

// fetchResult is what the page observed.
type fetchResult struct {
	// Resolved reports that fetch() resolved; otherwise Error holds the
	// rejection, "TypeError: Failed to fetch" for a CORS failure.
	Resolved bool   `json:"resolved"`
	Error    string `json:"error"`
	Status   int    `json:"status"`
	Body     string `json:"body"`
	// Headers maps each name asked for to response.headers.get(name): nil
	// when the page cannot read it.
	Headers map[string]*string `json:"headers"`
}

// navigate loads url as a top-level page, a request without Origin.
func (t *tab) navigate(url string) error {
	return t.do(func(ctx context.Context) error {
		return chromedp.Do(ctx, chromedp.Navigate(url))
	})
}

// The page's probe functions (page.html).
const (
	// probeHere fetches from the page itself.
	probeHere = "probe"
	// probeSandboxed fetches from a sandboxed iframe, whose origin is
	// opaque: its requests carry Origin: null.
	probeSandboxed = "probeSandboxed"
)

// fetch calls fetch(url, init) through the page's probe function fn and
// reads the named response headers.
func (t *tab) fetch(fn, url string, init fetchInit, names ...string) (fetchResult, error) {
	if names == nil {
		names = []string{}
	}
	args, err := json.Marshal([]any{url, init, names})
	if err != nil {
		return fetchResult{}, err
	}
	expr := fn + "(..." + string(args) + ")"
	timeout := actionTimeout
	if fn == probeSandboxed {
		timeout = sandboxTimeout
	}
	ctx, cancel := context.WithTimeout(t.ctx, timeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[fetchResult](expr, chromedp.EvalAwaitPromise))
}

// blockReason waits for Chromium's report of why it blocked url: the CORS
// error of the DevTools issue, and the console line naming url.
func (t *tab) blockReason(url string) (network.CorsError, string, error) {
	deadline := time.Now().Add(reasonTimeout)
	for {
		reason, line := t.reported(url)
		if reason != "" && line != "" {
			return reason, line, nil
		}
		if time.Now().After(deadline) {
			return reason, line, fmt.Errorf("no DevTools issue and console line about %s within %v", url, reasonTimeout)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// blockIssue waits for the CORS error of the DevTools issue about url
// alone: a sandboxed iframe's console lines do not reach the tab's log.
func (t *tab) blockIssue(url string) (network.CorsError, error) {
	deadline := time.Now().Add(reasonTimeout)
	for {
		if reason, _ := t.reported(url); reason != "" {
			return reason, nil
		}
		if time.Now().After(deadline) {
			return "", fmt.Errorf("no DevTools issue about %s within %v", url, reasonTimeout)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (t *tab) reported(url string) (reason network.CorsError, line string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, d := range t.issues {
		if d.Request.URL == url {
			reason = d.CorsErrorStatus.CorsError
		}
	}
	for _, l := range t.console {
		if strings.Contains(l, "'"+url+"'") {
			line = l
		}
	}
	return reason, line
}
