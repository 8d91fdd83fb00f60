package adaptertest

// The shared half of the hook tests of adapters on fasthttp (corsafasthttp,
// fiber, fiber3). fasthttp parses each request of a keep-alive connection
// into the buffers of the one before, and these adapters read request
// values as views of them, so a string corsa handed a hook without copying
// it would change under the hook with the next request. The check keeps
// every string its hooks get, as a hook caching a database lookup would,
// and sends requests from attacker origins of the same length, over the
// same connections, right after each trusted one.

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corsa-go/corsa"
)

// Hook check sizes: HookConns keep-alive connections, each sending
// HookRequestsPerConn requests in turn, four kinds in a cycle (see
// hookRequest).
const (
	HookConns           = 4
	HookRequestsPerConn = 100
)

// hookTrusted is what the check's OriginFunc looks up: four trusted
// origins, each as long as every attacker's, so that one is parsed into
// the bytes that held the other.
func hookTrusted(o string) bool {
	n, ok := strings.CutPrefix(o, "https://good-")
	n, ok2 := strings.CutSuffix(n, ".example")
	i, err := strconv.Atoi(n)
	return ok && ok2 && err == nil && len(n) == 3 && i < 4
}

// hookRequest is the k-th request of connection c: its path, origin,
// whether it is a preflight, and the header name it asks for, which the
// policy refuses. Paths are all the same length, and so are origins.
func hookRequest(c, k int) (path, origin string, preflight bool, header string) {
	n := c*HookRequestsPerConn + k
	path = fmt.Sprintf("/hook/%04d", n)
	switch k % 4 {
	case 0: // a trusted origin, approved and kept by the hook
		origin = fmt.Sprintf("https://good-%03d.example", c)
	case 1, 2: // attackers, where the trusted origin was parsed
		origin = fmt.Sprintf("https://evil-%03d.example", n%1000)
	case 3: // a trusted origin's preflight for a header nobody allows
		origin = fmt.Sprintf("https://good-%03d.example", c)
		preflight, header = true, fmt.Sprintf("x-hook-%04d", n)
	}
	return path, origin, preflight, header
}

// CheckHooksKeepTheirStrings fails t with every problem HookProblems finds
// with the adapter listen serves: the strings corsa hands Config.OriginFunc
// and Config.OnDecision must stay as they were when the hook got them.
func CheckHooksKeepTheirStrings(t *testing.T, listen func(corsa.Config) (addr string)) {
	t.Helper()
	for _, p := range HookProblems(listen) {
		t.Error(p)
	}
}

// What HookProblems reports, each kind once with a count and its first
// occurrence.
const (
	HookNoGrant       = "a trusted origin got no grant"
	HookOtherGrant    = "a grant of another origin than the request's"
	HookAttackGranted = "an attacker's origin granted with credentials"
	HookEventChanged  = "an event whose strings are not its request's"
	HookPathTwice     = "two events with one path"
	HookCacheChanged  = "a cached origin the hook never approved"
	HookFailed        = "the check could not run"
)

// HookProblems sends HookConns × HookRequestsPerConn requests, each
// connection's in turn over one keep-alive connection, to the server
// listen starts on 127.0.0.1 for a policy (its address), which must answer
// every path with 200 past corsa. The policy trusts four origins through an
// OriginFunc that keeps what it approves in a map, with the latest
// approval in front of it (a Go map finds a key whose bytes changed only
// by chance, the comparison with the latest always), and an OnDecision
// keeps every event. It returns what went wrong, each kind (the Hook constants)
// once, with how often and its first occurrence: a response granting an
// attacker's origin, or another origin than the request's; an event whose
// strings are not those of its request, as sent or after every request was
// served; a kept origin that is no longer one the hook approved; or
// requests not answered, or connections not reused, which would prove
// nothing.
func HookProblems(listen func(corsa.Config) (addr string)) []string {
	var (
		mu       sync.Mutex
		approved = map[string]bool{}
		last     string // the latest approval, in front of the map
		events   []corsa.DecisionEvent
		kinds    []string
		counts   = map[string]int{}
		firsts   = map[string]string{}
	)
	note := func(kind, format string, args ...any) {
		if counts[kind] == 0 {
			kinds = append(kinds, kind)
			firsts[kind] = fmt.Sprintf(format, args...)
		}
		counts[kind]++
	}
	addr := listen(corsa.Config{
		Credentials: true,
		Methods:     []string{http.MethodPut},
		OriginFunc: func(o string) bool {
			mu.Lock()
			defer mu.Unlock()
			if o == last || approved[o] {
				return true // the cached answer
			}
			if !hookTrusted(o) { // the lookup the cache saves
				return false
			}
			approved[o], last = true, o
			return true
		},
		OnDecision: func(ev corsa.DecisionEvent) {
			mu.Lock()
			defer mu.Unlock()
			events = append(events, ev)
		},
	})

	// The whole check is bounded, whatever the server does.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var reused, sent int
	var wg sync.WaitGroup
	for c := range HookConns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tr := &http.Transport{MaxConnsPerHost: 1, MaxIdleConnsPerHost: 1, DisableCompression: true}
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr}
			for k := range HookRequestsPerConn {
				path, origin, preflight, header := hookRequest(c, k)
				method := http.MethodGet
				if preflight {
					method = http.MethodOptions
				}
				wasReused := false
				trace := &httptrace.ClientTrace{GotConn: func(info httptrace.GotConnInfo) { wasReused = info.Reused }}
				req, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), method, "http://"+addr+path, nil)
				if err == nil {
					req.Header.Set("Origin", origin)
					if preflight {
						req.Header.Set("Access-Control-Request-Method", http.MethodPut)
						req.Header.Set("Access-Control-Request-Headers", header)
					}
				}
				var resp *http.Response
				if err == nil {
					resp, err = client.Do(req)
				}
				mu.Lock()
				if err != nil {
					note(HookFailed, "%s %s from %s: %v", method, path, origin, err)
					mu.Unlock()
					return
				}
				// Read to the end, so that the connection is reused.
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err != nil {
					note(HookFailed, "%s %s from %s: reading the body: %v", method, path, origin, err)
					mu.Unlock()
					return
				}
				sent++
				if wasReused {
					reused++
				}
				granted := resp.Header.Values("Access-Control-Allow-Origin")
				switch {
				case len(granted) == 0:
					if !preflight && hookTrusted(origin) {
						note(HookNoGrant, "%s %s from %s", method, path, origin)
					}
				case len(granted) > 1 || granted[0] != origin:
					note(HookOtherGrant, "%s %s from %s: Access-Control-Allow-Origin %q", method, path, origin, granted)
				case !hookTrusted(origin):
					note(HookAttackGranted, "%s %s from %s: Access-Control-Allow-Credentials %q",
						method, path, origin, resp.Header.Get("Access-Control-Allow-Credentials"))
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()

	mu.Lock()
	defer mu.Unlock()
	if want := HookConns * HookRequestsPerConn; sent < want {
		note(HookFailed, "%d requests answered of %d", sent, want)
	}
	if reused < sent/2 {
		note(HookFailed, "%d of %d requests on a reused connection: the check proves nothing", reused, sent)
	}
	for o := range approved {
		if !hookTrusted(o) {
			note(HookCacheChanged, "the OriginFunc's cache holds %q", o)
		}
	}
	if len(events) != sent {
		note(HookFailed, "%d events for %d requests", len(events), sent)
	}
	seen := map[string]bool{}
	for _, ev := range events {
		if seen[ev.Request.Path] {
			note(HookPathTwice, "%q", ev.Request.Path)
		}
		seen[ev.Request.Path] = true
		var n int
		if _, err := fmt.Sscanf(ev.Request.Path, "/hook/%04d", &n); err != nil || n >= HookConns*HookRequestsPerConn {
			note(HookEventChanged, "path %q, which no request had", ev.Request.Path)
			continue
		}
		path, origin, preflight, header := hookRequest(n/HookRequestsPerConn, n%HookRequestsPerConn)
		if !preflight {
			header = ""
		}
		if ev.Request.Path != path || ev.Request.Origin != origin || ev.RefusedHeader != header {
			note(HookEventChanged, "for %s from %s (refused header %q): path %q, origin %q, refused header %q",
				path, origin, header, ev.Request.Path, ev.Request.Origin, ev.RefusedHeader)
		}
	}
	problems := make([]string, len(kinds))
	for i, kind := range kinds {
		problems[i] = fmt.Sprintf("%s (%d times), the first: %s", kind, counts[kind], firsts[kind])
	}
	return problems
}
