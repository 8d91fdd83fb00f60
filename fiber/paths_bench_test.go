package corsafiber_test

import (
	"testing"

	"github.com/corsa-go/corsa/conformance/adaptertest"
	"github.com/corsa-go/corsa/conformance/scenario"
	corsafiber "github.com/corsa-go/corsa/fiber"
)

// pathsBenchSetups serve one policy through FromPolicy and the same policy
// under "/" (plus two other prefixes) through FromPaths: the difference is
// the per-path lookup, including fiber's case setting.
func pathsBenchSetups() (policy, paths adaptertest.Setup) {
	cfg := scenario.Policy()
	return fasthttpSetup("policy", true, benchApp(corsafiber.Must(cfg))),
		fasthttpSetup("paths", true, benchApp(corsafiber.MustPaths(map[string]corsafiber.Config{"/": cfg, "/api": cfg, "/admin": cfg})))
}

func BenchmarkFromPaths(b *testing.B) {
	policy, paths := pathsBenchSetups()
	adaptertest.BenchmarkScenarios(b, policy, paths)
}

func TestFromPathsAddsNoAllocationToFromPolicy(t *testing.T) {
	policy, paths := pathsBenchSetups()
	adaptertest.CheckAllocsAdded(t, 0, policy, paths)
}
