package corsafiber3_test

import (
	"testing"

	"github.com/corsa-go/corsa/conformance/adaptertest"
	"github.com/corsa-go/corsa/conformance/scenario"
	corsafiber3 "github.com/corsa-go/corsa/fiber3"
)

// pathsBenchSetups serve one policy through FromPolicy and the same policy
// under "/" (plus two other prefixes) through FromPaths: the difference is
// the per-path lookup, including fiber's case setting.
func pathsBenchSetups() (policy, paths adaptertest.Setup) {
	cfg := scenario.Policy()
	return fasthttpSetup("policy", true, benchApp(corsafiber3.Must(cfg))),
		fasthttpSetup("paths", true, benchApp(corsafiber3.MustPaths(map[string]corsafiber3.Config{"/": cfg, "/api": cfg, "/admin": cfg})))
}

func BenchmarkFromPaths(b *testing.B) {
	policy, paths := pathsBenchSetups()
	adaptertest.BenchmarkScenarios(b, policy, paths)
}

func TestFromPathsAddsNoAllocationToFromPolicy(t *testing.T) {
	policy, paths := pathsBenchSetups()
	adaptertest.CheckAllocsAdded(t, 0, policy, paths)
}
