package adaptertest

// The Vary checks: what becomes of corsa's "Vary: Origin" (SPEC.md §3)
// when code other than corsa sets Vary, which each adapter's vary test
// holds its framework to, with the cases its package documentation
// describes.

import (
	"net/http"
	"slices"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
)

// VaryOrigin is the origin of the Vary checks' requests.
const VaryOrigin = conformance.AppOrigin

// VaryListed is a policy listing VaryOrigin: its answers vary with Origin.
func VaryListed() corsa.Config { return corsa.Config{Origins: []string{VaryOrigin}} }

// VaryAny is a policy allowing any origin: its answers do not vary.
func VaryAny() corsa.Config { return corsa.Config{Origins: []string{"*"}} }

// CheckVary sends GET /items from origin (none when "") with
// Accept-Encoding: gzip through do, an app whose corsa serves cfg, and
// checks that the answer's Vary lines are exactly want and that its
// Access-Control-Allow-Origin is cfg's: "*" when cfg allows any origin,
// the origin when cfg lists it, none otherwise.
func CheckVary(t *testing.T, do Do, cfg corsa.Config, origin string, want []string) {
	t.Helper()
	r := Actual(http.MethodGet, origin, "/items")
	r.Header = append(r.Header, [2]string{"Accept-Encoding", "gzip"})
	resp, err := do(r.HTTP())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Values("Vary"); !slices.Equal(got, want) {
		t.Errorf("Vary lines %q, want %q", got, want)
	}
	var grant []string
	switch {
	case slices.Contains(cfg.Origins, "*"):
		grant = []string{"*"}
	case origin != "" && slices.Contains(cfg.Origins, origin):
		grant = []string{origin}
	}
	if got := resp.Header.Values("Access-Control-Allow-Origin"); !slices.Equal(got, grant) {
		t.Errorf("Access-Control-Allow-Origin %q, want %q", got, grant)
	}
}
