package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/corsa-go/corsa/benchmarks/frameworks"
	"github.com/corsa-go/corsa/benchmarks/suite"
	"github.com/corsa-go/corsa/conformance/scenario"
)

// e2eResult is one implementation's throughput over loopback HTTP on one
// framework, one figure per round.
type e2eResult struct {
	framework, impl string
	kind            frameworks.Kind
	rps             []float64
}

// e2eLimits bound the end-to-end section: every slice lasts at most
// slice and sends at most maxRequests requests, to 127.0.0.1 only.
type e2eLimits struct {
	rounds      int
	slice       time.Duration
	maxRequests int
}

var defaultE2E = e2eLimits{rounds: 5, slice: 300 * time.Millisecond, maxRequests: 200_000}

// measureE2E serves the allowed actual GET of each selected framework over
// real loopback HTTP, bare, with corsa, with the framework's own CORS and
// with rs/cors, and counts the requests one client connection completes
// in a slice of time. Each round runs a slice of every implementation of
// a framework back to back, rotating the order, as measure does.
func measureE2E(cases []suite.Case, lim e2eLimits, progress io.Writer) ([]e2eResult, error) {
	type server struct {
		client *http.Client
		url    string
		stop   func() error
	}
	var results []e2eResult
	var servers []server
	defer func() {
		for _, s := range servers {
			s.stop()
			s.client.CloseIdleConnections()
		}
	}()
	var req scenario.Scenario
	for _, c := range cases {
		if c.Scenario.Name != scenario.Actual || c.Impl.Kind == frameworks.Floor {
			continue
		}
		req = c.Scenario
		s, err := c.NewServer()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.Name(), err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		stop := s.Listen(ln)
		servers = append(servers, server{
			// One connection: the suite's handler records that it ran
			// in a variable every request shares.
			client: &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxConnsPerHost: 1, MaxIdleConnsPerHost: 1, DisableCompression: true}},
			url:    "http://" + ln.Addr().String() + req.Request.Path,
			stop:   stop,
		})
		results = append(results, e2eResult{framework: c.Framework.Name, impl: c.Impl.Name, kind: c.Impl.Kind})
	}
	if len(results) == 0 {
		return nil, nil
	}
	fmt.Fprintf(progress, "corsa-bench: end to end, %d servers on 127.0.0.1, %d rounds of %v each\n", len(results), lim.rounds, lim.slice)
	for round := range lim.rounds {
		for start := 0; start < len(results); {
			end := start
			for end < len(results) && results[end].framework == results[start].framework {
				end++
			}
			k := end - start
			for j := range k {
				i := start + (j+round)%k
				rps, err := slice(servers[i].client, servers[i].url, req, lim)
				if err != nil {
					return nil, fmt.Errorf("%s/%s end to end: %w", results[i].framework, results[i].impl, err)
				}
				results[i].rps = append(results[i].rps, rps)
			}
			start = end
		}
		fmt.Fprintf(progress, "[end to end, round %d/%d]\n", round+1, lim.rounds)
	}
	return results, nil
}

// slice sends the scenario's request until the time or count limit, at
// least once, and returns the requests per second; any status but 200 is
// an error.
func slice(client *http.Client, url string, s scenario.Scenario, lim e2eLimits) (float64, error) {
	start := time.Now()
	n := 0
	for n == 0 || (n < lim.maxRequests && time.Since(start) < lim.slice) {
		req, err := http.NewRequest(s.Request.Method, url, nil)
		if err != nil {
			return 0, err
		}
		for _, h := range s.Request.Header {
			req.Header.Add(h[0], h[1])
		}
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil {
			return 0, err
		}
		if resp.StatusCode != http.StatusOK {
			return 0, fmt.Errorf("status %d", resp.StatusCode)
		}
		n++
	}
	return float64(n) / time.Since(start).Seconds(), nil
}

// writeE2E prints the end-to-end section: requests per second and the
// ratio to the bare framework, round by round.
func writeE2E(w io.Writer, lim e2eLimits, results []e2eResult) {
	if len(results) == 0 {
		return
	}
	fmt.Fprintf(w, "\n## End to end\n\n")
	fmt.Fprintf(w, "An allowed actual GET over real HTTP on 127.0.0.1, one client connection sending one request at a time (client and server share the machine), %d interleaved rounds of %v per implementation. Requests per second are medians; × bare is the median (interquartile range) of the per-round ratios.\n\n", lim.rounds, lim.slice)
	fmt.Fprintln(w, "| framework | implementation | req/s | × bare (IQR) |")
	fmt.Fprintln(w, "|---|---|--:|--:|")
	for _, r := range results {
		ratio := ""
		for _, b := range results {
			if b.framework == r.framework && b.kind == frameworks.Bare && len(b.rps) == len(r.rps) {
				vs := make([]float64, len(r.rps))
				for i := range vs {
					vs[i] = r.rps[i] / b.rps[i]
				}
				ratio = spreadOf(vs).ratioText()
			}
		}
		fmt.Fprintf(w, "| %s | %s | %.0f | %s |\n", r.framework, r.impl, spreadOf(r.rps).med, ratio)
	}
}
