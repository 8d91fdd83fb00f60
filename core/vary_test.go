package corsa_test

import (
	"testing"

	corsa "github.com/corsa-go/corsa/core"
)

func TestVaryListsOrigin(t *testing.T) {
	tests := []struct {
		name  string
		value string
		want  bool
	}{
		{"Origin alone is listed", "Origin", true},
		{"Origin after another name is listed", "Accept-Encoding, Origin", true},
		{"Origin before another name, without a space, is listed", "Origin,Accept-Encoding", true},
		{"a lower-case origin is listed, names being case-insensitive", "accept-encoding, origin", true},
		{"Origin between tabs is listed", "Accept-Encoding,\tOrigin\t", true},
		{"a star varies on everything, Origin included", "*", true},
		{"a star among names varies on everything", "Accept-Encoding, *", true},
		{"an empty value lists nothing", "", false},
		{"another name alone does not list Origin", "Accept-Encoding", false},
		{"a name that starts with Origin is another name", "Origin-Agent-Cluster", false},
		{"a name that ends with Origin is another name", "X-Origin", false},
		{"Origin inside a preflight name is not Origin", "Access-Control-Request-Method", false},
		{"empty elements list nothing", " , ,", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := corsa.VaryListsOrigin(tt.value); got != tt.want {
				t.Errorf("VaryListsOrigin(%q) = %v, want %v", tt.value, got, tt.want)
			}
		})
	}
	t.Run("it never allocates", func(t *testing.T) {
		if n := testing.AllocsPerRun(100, func() { corsa.VaryListsOrigin("Accept-Encoding, origin") }); n != 0 {
			t.Errorf("VaryListsOrigin allocates %.0f times, want 0", n)
		}
	})
}
