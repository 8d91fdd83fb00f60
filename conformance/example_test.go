package conformance_test

import (
	"fmt"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
)

// Score runs every case against a harness, here corsa's own net/http
// middleware, and counts the outcomes per tier.
func ExampleScore() {
	report := conformance.Score(func(cfg corsa.Config) (conformance.Server, error) {
		p, err := corsa.New(cfg)
		if err != nil {
			return conformance.Server{}, err
		}
		mux := conformance.NewServeMux() // every standard route
		return conformance.Server{Do: conformance.Recorder(conformance.Recover(p.Handler(mux)))}, nil
	})
	for _, tier := range conformance.Tiers {
		t := report.Tally(tier)
		fmt.Printf("%s: all %t\n", tier, t.Passed == t.Total())
	}
	// Output:
	// browser: all true
	// config: all true
	// hardening: all true
	// corsa: all true
}
