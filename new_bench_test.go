package corsa_test

import (
	"testing"

	"github.com/corsa-go/corsa"
)

// BenchmarkNew measures validating and compiling a policy. The wildcard
// patterns are each checked against the Public Suffix List table, which is
// what this benchmark is for: CONTRIBUTING.md reports it before and after
// the table replaced a built-in list of 41 suffixes.
func BenchmarkNew(b *testing.B) {
	configs := []struct {
		name string
		cfg  corsa.Config
	}{
		{"exact origins", corsa.Config{Origins: []string{
			"https://app.example.com", "https://admin.example.com", "https://example.org:8443",
		}}},
		{"wildcard patterns", corsa.Config{Origins: []string{
			"https://*.example.com", "https://*.shop.example.co.uk", "https://*.mine.github.io",
			"https://*.bucket.s3.amazonaws.com", "https://*.example.com.ar", "https://*.www.ck",
		}}},
	}
	for _, c := range configs {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := corsa.New(c.cfg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
