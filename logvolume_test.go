package corsa_test

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// The hostile request LogRefusals must not let write more than its bound:
// every value at the length and with the bytes that cost most to log.
func hostileRefusals(t *testing.T, hook func(corsa.DecisionEvent)) {
	t.Helper()
	p, err := corsa.New(corsa.Config{
		Origins:    []string{"https://app.example"},
		Methods:    []string{"PUT"},
		OriginFunc: func(string) bool { panic(strings.Repeat("\x00\"\\<>&\u2028", 500)) },
		OnDecision: hook,
	})
	if err != nil {
		t.Fatal(err)
	}
	nasty := strings.Repeat("\x01\"\\<\u00e9", 2000)
	for _, r := range []corsa.Request{
		{Method: "OPTIONS" + nasty, Path: "/" + nasty, Origin: "https://a.example/" + nasty, RequestMethod: "PUT" + nasty},
		{Method: "OPTIONS", Path: "/" + nasty, Origin: "https://app.example", RequestMethod: "PUT", RequestHeaders: []string{"x-" + strings.Repeat("a", 5000)}},
		{Method: "GET", Path: "/" + nasty, Origin: "https://tenant.example"}, // OriginFunc panics
	} {
		corsa.Decide(p, &r)
	}
}

func TestLogRefusalsBoundsEachRecordWhateverTheRequestCarries(t *testing.T) {
	for _, tt := range []struct {
		name    string
		handler func(*bytes.Buffer) slog.Handler
		max     int
	}{
		{"text", func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) }, 1400},
		{"JSON", func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) }, 1700},
	} {
		t.Run("a "+tt.name+" record stays under its documented size", func(t *testing.T) {
			var buf bytes.Buffer
			hostileRefusals(t, corsa.LogRefusals(slog.New(tt.handler(&buf)), -1))
			lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
			if len(lines) != 3 {
				t.Fatalf("%d records, want 3:\n%s", len(lines), buf.String())
			}
			for _, l := range lines {
				if len(l) > tt.max {
					t.Errorf("record of %d bytes, want at most %d: %.300s...", len(l), tt.max, l)
				}
			}
			if !strings.Contains(lines[2], "OriginFunc panicked") || !strings.Contains(lines[2], "panic=") && !strings.Contains(lines[2], `"panic":`) {
				t.Errorf("the panicking OriginFunc's record lacks its reason or value: %s", lines[2])
			}
		})
	}
}

func TestLogRefusalsWritesAtMostItsRatePerSecond(t *testing.T) {
	var buf bytes.Buffer
	hook := corsa.LogRefusals(slog.New(slog.NewTextHandler(&buf, nil)), 3)
	p, err := corsa.New(corsa.Config{Origins: []string{"https://app.example"}, OnDecision: hook})
	if err != nil {
		t.Fatal(err)
	}
	for range 50 {
		r := corsa.Request{Method: "GET", Origin: "https://evil.example"}
		corsa.Decide(p, &r)
	}
	// Within one second (or two, if the loop crossed a second's end), at
	// most 3 records a second, and a count of the rest with the first
	// record of the next second.
	n := strings.Count(buf.String(), `msg="CORS request refused"`)
	if n < 3 || n > 6 {
		t.Errorf("%d refusals logged for 50 in at most two seconds at 3 a second:\n%s", n, buf.String())
	}
	if n > 3 && !strings.Contains(buf.String(), `msg="CORS refusals not logged"`) {
		t.Errorf("records of a second second without the count of those left out:\n%s", buf.String())
	}
}
