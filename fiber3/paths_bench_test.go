package corsafiber3_test

import (
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	"github.com/corsa-go/corsa/conformance/scenario"
	corsafiber3 "github.com/corsa-go/corsa/fiber3"
)

// pathsBenchSetups serve one policy through a Policy and the same policy
// under "/" (plus two other prefixes) through Paths: the difference is the
// per-path lookup, letter case included.
func pathsBenchSetups() (policy, paths adaptertest.Setup) {
	cfg := scenario.Policy()
	pp, err := corsa.NewPaths(map[string]corsa.Config{"/": cfg, "/api": cfg, "/admin": cfg})
	if err != nil {
		panic(err)
	}
	return fasthttpSetup("policy", true, benchApp(corsafiber3.Must(cfg))),
		fasthttpSetup("paths", true, benchApp(corsafiber3.From(pp)))
}

func BenchmarkFromPaths(b *testing.B) {
	policy, paths := pathsBenchSetups()
	adaptertest.BenchmarkScenarios(b, policy, paths)
}

func TestFromPathsAddsNoAllocationToAPolicy(t *testing.T) {
	policy, paths := pathsBenchSetups()
	adaptertest.CheckAllocsAdded(t, 0, policy, paths)
}
