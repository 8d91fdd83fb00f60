package browser

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// results collects every run's outcomes for TestMain to print.
var results matrix

// update rewrites RESULTS.md from the run instead of comparing with it.
var update = flag.Bool("update", false, "rewrite "+resultsFile+" from this run")

// defaultParallel is how many servers run their scenarios at once unless
// -parallel says otherwise. The suite mostly waits (on Chromium, on max-age
// expiry, on DevTools reports), so go test's default of GOMAXPROCS would
// leave a 2-core machine idle for minutes; more than this makes tabs slow
// to open on a loaded one.
const defaultParallel = "4"

func TestMain(m *testing.M) {
	flag.Parse()
	parallelSet := false
	flag.Visit(func(f *flag.Flag) { parallelSet = parallelSet || f.Name == "test.parallel" })
	if !parallelSet {
		if err := flag.Set("test.parallel", defaultParallel); err != nil {
			fmt.Fprintln(os.Stderr, "setting -parallel:", err)
			os.Exit(2)
		}
	}
	code := m.Run()
	var columns, rows []string
	for _, a := range servers {
		columns = append(columns, a.name)
	}
	for _, s := range scenarios {
		rows = append(rows, s.label)
	}
	if err := results.write(os.Stdout, columns, rows); err != nil {
		fmt.Fprintln(os.Stderr, "printing the matrix:", err)
	}
	os.Exit(code)
}

// TestBrowser runs every scenario with every server, corsa's adapters and
// the peers, in one headless Chromium, each scenario in a fresh browser
// context, the servers side by side. Then it compares RESULTS.md with what
// it saw, or rewrites it with -update.
func TestBrowser(t *testing.T) {
	path, err := findChromium()
	if err != nil {
		msg := fmt.Sprintf("no Chromium found: %v", err)
		// A browser asked for by name is never skipped silently.
		if os.Getenv("CORSA_REQUIRE_BROWSER") == "1" || os.Getenv("CORSA_CHROMIUM") != "" {
			t.Fatal(msg)
		}
		msg += " (install Chromium or set CORSA_CHROMIUM; CORSA_REQUIRE_BROWSER=1 makes this a failure)"
		results.skip(msg)
		t.Skip(msg)
	}

	start := time.Now()
	b, err := launch(path)
	if err != nil {
		t.Fatal(err)
	}
	// Cleanups run last first, after the parallel subtests: the run's time
	// is taken before the browser closes.
	t.Cleanup(func() {
		if err := b.close(); err != nil {
			t.Error(err)
		}
	})
	t.Cleanup(func() { results.finishRun(b.version, time.Since(start)) })
	t.Cleanup(func() { checkResults(t, b.version) })
	pagePort, stopPage, err := servePage()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stopPage() })
	t.Logf("%s, page on http://%s:%d and http://%s:%d", b.version, appHost, pagePort, evilHost, pagePort)

	for _, a := range servers {
		t.Run(strings.ReplaceAll(a.name, "/", ""), func(t *testing.T) {
			// In parallel, so that the adapters' max-age waits overlap.
			t.Parallel()
			s, err := startSite(a, pagePort)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				if err := s.close(); err != nil {
					t.Errorf("stopping the %s servers: %v", a.name, err)
				}
			})
			for _, sc := range scenarios {
				t.Run(sc.name, func(t *testing.T) {
					ss := &session{t: t, site: s, server: a, key: strings.ReplaceAll(sc.label, " ", "-")}
					defer func() { results.record(a.name, sc.label, ss) }()
					tab, err := b.newTab()
					if err != nil {
						t.Fatal(err)
					}
					defer tab.cancel()
					ss.tab = tab
					sc.run(ss)
				})
			}
		})
	}
	t.Run("adversarial responses", func(t *testing.T) {
		t.Parallel()
		runAdversaries(t, b, pagePort)
	})
}

// checkResults compares RESULTS.md with this run, or rewrites it with
// -update, when every scenario ran with every server.
func checkResults(t *testing.T, browser string) {
	got, complete := results.markdown(browser)
	if !complete {
		t.Logf("%s not checked: not every scenario ran with every server", resultsFile)
		return
	}
	if *update {
		if err := os.WriteFile(resultsFile, got, 0o644); err != nil {
			t.Error(err)
		}
		return
	}
	want, err := os.ReadFile(resultsFile)
	if err != nil {
		t.Fatalf("%v (go test -run TestBrowser -update writes it)", err)
	}
	if !sameResults(got, want) {
		t.Errorf("%s differs from this run; rerun with -update and review the diff. This run:\n%s", resultsFile, got)
	}
}
