package browser

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
)

// results collects every run's outcomes for TestMain to print.
var results matrix

func TestMain(m *testing.M) {
	gin.SetMode(gin.ReleaseMode) // before any engine exists: it is global
	code := m.Run()
	var columns, rows []string
	for _, a := range adapters {
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

// TestBrowser runs every scenario with every adapter in one headless
// Chromium, each scenario in a fresh browser context, the adapters side
// by side.
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
	pagePort, stopPage, err := servePage()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stopPage() })
	t.Logf("%s, page on http://%s:%d and http://%s:%d", b.version, appHost, pagePort, evilHost, pagePort)

	for _, a := range adapters {
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
					defer func() { results.record(a.name, sc.label, !t.Failed()) }()
					tab, err := b.newTab()
					if err != nil {
						t.Fatal(err)
					}
					defer tab.cancel()
					sc.run(&session{t: t, tab: tab, site: s, key: strings.ReplaceAll(sc.label, " ", "-")})
				})
			}
		})
	}
}
