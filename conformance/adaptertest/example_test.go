package adaptertest_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
)

// printT stands in for a test's *testing.T: it prints what Expect reports.
type printT struct{ testing.TB }

func (printT) Helper()                           {}
func (printT) Errorf(format string, args ...any) { fmt.Printf(format+"\n", args...) }
func (printT) Fatalf(format string, args ...any) { fmt.Printf(format+"\n", args...) }

// Expect holds one response to the answer SPEC.md prescribes and reports
// every difference; here corsa's own net/http Handler answers an allowed
// preflight, and a refused one that the test wrongly expects to be allowed.
func ExampleExpect() {
	p := corsa.Must(adaptertest.Policy())
	do := conformance.Recorder(p.Handler(http.NotFoundHandler()))
	t := printT{} // in a test, the test's own t
	adaptertest.Expect(t, do, adaptertest.Preflight(conformance.AppOrigin, "/items", http.MethodPut, "content-type"), adaptertest.AllowedPreflight())
	adaptertest.Expect(t, do, adaptertest.Preflight(conformance.EvilOrigin, "/items", http.MethodPut), adaptertest.AllowedPreflight())
	// Output:
	// OPTIONS /items; Origin: "https://evil.example.net"; Access-Control-Request-Method: "PUT": status 403, want 204
	// OPTIONS /items; Origin: "https://evil.example.net"; Access-Control-Request-Method: "PUT": missing Access-Control-Allow-Credentials, want "true"
	// OPTIONS /items; Origin: "https://evil.example.net"; Access-Control-Request-Method: "PUT": missing Access-Control-Allow-Headers, want "Content-Type, X-Request-Id"
	// OPTIONS /items; Origin: "https://evil.example.net"; Access-Control-Request-Method: "PUT": missing Access-Control-Allow-Methods, want "PUT, DELETE"
	// OPTIONS /items; Origin: "https://evil.example.net"; Access-Control-Request-Method: "PUT": missing Access-Control-Allow-Origin, want "https://app.example.com"
	// OPTIONS /items; Origin: "https://evil.example.net"; Access-Control-Request-Method: "PUT": missing Access-Control-Max-Age, want "600"
}
