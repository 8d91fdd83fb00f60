package corsa_test

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// captureDefaultLog makes slog.Default write to a buffer, without times,
// until the test ends, and returns the buffer.
func captureDefaultLog(t *testing.T) *bytes.Buffer {
	var buf bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	})))
	t.Cleanup(func() { slog.SetDefault(prev) })
	return &buf
}

// New logs each warning it returns from Warnings through slog.Default,
// so that it shows at start-up however the policy is built.
func TestConstructorsLogEachWarningThroughSlogDefault(t *testing.T) {
	twoWarnings := corsa.Config{Origins: []string{appOrigin, appOrigin}, MaxAge: corsa.Seconds(7201)}
	tests := []struct {
		name  string
		build func() error
		want  []string // the log lines, in order
	}{
		{"New logs every warning at level WARN", func() error {
			_, err := corsa.New(twoWarnings)
			return err
		}, []string{
			`level=WARN msg="corsa: origins[1] \"https://app.example.com\" is listed twice"`,
			`level=WARN msg="corsa: maxAge 7201 exceeds Chromium's cap of 7200 seconds: Chromium caches for 7200"`,
		}},
		{"New logs nothing for a policy without warnings", func() error {
			_, err := corsa.New(corsa.Config{Origins: []string{appOrigin}})
			return err
		}, nil},
		{"New logs nothing for a policy it refuses", func() error {
			_, err := corsa.New(corsa.Config{Origins: []string{"*", "*"}, Credentials: true})
			if err == nil {
				t.Error("New accepted * with credentials")
			}
			return nil
		}, nil},
		{"Must logs like New", func() error {
			corsa.Must(corsa.Config{})
			return nil
		}, []string{`level=WARN msg="corsa: origins is empty: every cross-origin request is refused"`}},
		{"NewMiddleware and Reconfigure log like New", func() error {
			m, err := corsa.NewMiddleware(corsa.Config{})
			if err != nil {
				return err
			}
			return m.Reconfigure(corsa.Config{Origins: []string{"*", appOrigin}})
		}, []string{
			`level=WARN msg="corsa: origins is empty: every cross-origin request is refused"`,
			`level=WARN msg="corsa: origins: \"*\" allows every origin; the other entries are redundant"`,
		}},
		{"NewPaths logs each policy's warnings with its prefix", func() error {
			_, err := corsa.NewPaths(map[string]corsa.Config{"/": {Origins: []string{appOrigin}}, "/api": {}})
			return err
		}, []string{`level=WARN msg="corsa: paths[\"/api\"]: origins is empty: every cross-origin request is refused"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			buf := captureDefaultLog(t)
			if err := tt.build(); err != nil {
				t.Fatal(err)
			}
			var got []string
			if s := strings.TrimSuffix(buf.String(), "\n"); s != "" {
				got = strings.Split(s, "\n")
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("log =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
