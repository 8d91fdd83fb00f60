package scenario_test

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance/scenario"
)

// The shared scenarios must get the answers they promise from the core's
// own middleware, served through a Sink.
func TestScenariosGetTheirStatusFromCore(t *testing.T) {
	p, err := corsa.New(scenario.Policy())
	if err != nil {
		t.Fatal(err)
	}
	h := p.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	for _, sc := range scenario.All() {
		t.Run("the "+sc.Name+" scenario is answered "+strconv.Itoa(sc.Status), func(t *testing.T) {
			w := scenario.NewSink()
			w.Serve(h, sc.Request.HTTP())
			if w.Status == 0 {
				w.Status = http.StatusOK // the handler wrote nothing
			}
			if w.Status != sc.Status {
				t.Errorf("status = %d, want %d", w.Status, sc.Status)
			}
		})
	}
}
