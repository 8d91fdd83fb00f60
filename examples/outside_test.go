package examples

import (
	"os"
	"os/exec"
	"testing"
)

// TestOutsideProgram builds and runs examples/outside as a user's program
// would be built: its own module, outside go.work (GOWORK=off), requiring
// corsa. It checks that a program using corsa.Config{OriginFunc: ...,
// OnDecision: ...} and p.AllowsOrigin(...) builds, and behaves as
// documented. The expected lines follow SPEC.md §2 and §3: an approved
// origin is echoed with credentials and Vary: Origin, Content-Type is
// allowed by default, a refused origin gets only Vary.
func TestOutsideProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a separate module")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to build examples/outside: %v", err)
	}
	cmd := exec.Command(goCmd, "run", ".")
	cmd.Dir = "outside"
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("GOWORK=off go run . in examples/outside: %v\n%s", err, out)
	}
	const want = `AllowsOrigin("https://app.example.com") = true
AllowsOrigin("https://tenant.example.net") = true
AllowsOrigin("https://evil.example") = false
AllowsOrigin("null") = false
AllowsOrigin("") = false
OnDecision: preflight OPTIONS /api/orders from https://tenant.example.net: allowed
OPTIONS from "https://tenant.example.net": 204 allow-origin="https://tenant.example.net" credentials="true" allow-headers="Content-Type" vary="Origin, Access-Control-Request-Method, Access-Control-Request-Headers"
OnDecision: actual GET /api/orders from https://tenant.example.net: allowed
GET from "https://tenant.example.net": 200 allow-origin="https://tenant.example.net" credentials="true" allow-headers="" vary="Origin"
OnDecision: actual GET /api/orders from https://evil.example: origin not allowed
GET from "https://evil.example": 200 allow-origin="" credentials="" allow-headers="" vary="Origin"
GET from "": 200 allow-origin="" credentials="" allow-headers="" vary="Origin"
`
	if string(out) != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
}
