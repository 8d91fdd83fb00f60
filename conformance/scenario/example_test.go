package scenario_test

import (
	"fmt"
	"net/http"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance/scenario"
)

// Every scenario served by the core's middleware through one reused Sink,
// as a benchmark does: the status is the one the scenario promises.
func ExampleAll() {
	h := corsa.Must(scenario.Policy()).Handler(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	w := scenario.NewSink()
	for _, sc := range scenario.All() {
		w.Serve(h, sc.Request.HTTP())
		if w.Status == 0 {
			w.Status = http.StatusOK // the handler wrote nothing
		}
		fmt.Println(sc.Name, w.Status == sc.Status)
	}
	// Output:
	// preflight true
	// actual true
	// disallowed-origin true
	// no-origin true
	// preflight-20-headers true
	// hostile-acrh true
	// invalid-acrh true
}
