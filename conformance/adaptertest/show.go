package adaptertest

import (
	"fmt"

	"github.com/corsa-go/corsa/conformance"
)

// shown are the response headers Show prints, in its order.
var shown = []string{
	"Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods",
	"Access-Control-Allow-Headers", "Access-Control-Expose-Headers", "Access-Control-Max-Age",
	"Access-Control-Allow-Private-Network", "Vary",
}

// Show sends r through do and prints what a browser reads of the answer:
// its status, then each CORS response header line (Access-Control-* and
// Vary), in a fixed order. An adapter's examples print their requests'
// answers with it.
func Show(do Do, r conformance.Request) {
	resp, err := do(r.HTTP())
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	fmt.Println(resp.StatusCode)
	for _, name := range shown {
		for _, v := range resp.Header.Values(name) {
			fmt.Printf("%s: %s\n", name, v)
		}
	}
}
