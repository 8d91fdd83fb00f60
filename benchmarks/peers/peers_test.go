package peers_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/peers"
	"github.com/corsa-go/corsa/conformance"
)

func TestEveryHarnessServesAnAllowedGET(t *testing.T) {
	const origin = "https://app.example.com"
	policies := []struct {
		name   string
		policy corsa.Config
		acao   string
	}{
		{"echoes a listed origin", corsa.Config{Origins: []string{origin}}, origin},
		{"answers * for an any-origin policy", corsa.Config{Origins: []string{"*"}}, "*"},
	}
	for _, lib := range peers.All() {
		for _, p := range policies {
			t.Run(lib.Name+" "+p.name, func(t *testing.T) {
				srv, err := lib.Harness(p.policy)
				if err != nil {
					t.Fatalf("harness: %v", err)
				}
				req := httptest.NewRequest(http.MethodGet, "http://api.example.com"+conformance.PathResource, nil)
				req.Header.Set("Origin", origin)
				res, err := srv.Do(req)
				if err != nil {
					t.Fatalf("Do: %v", err)
				}
				defer res.Body.Close()
				if res.StatusCode != http.StatusOK {
					t.Errorf("status = %d, want 200", res.StatusCode)
				}
				if got := res.Header.Get(conformance.HandlerHeader); got != conformance.HandlerRan {
					t.Errorf("%s = %q, want %q: the route's handler did not run", conformance.HandlerHeader, got, conformance.HandlerRan)
				}
				if got := res.Header.Values("Access-Control-Allow-Origin"); len(got) != 1 || got[0] != p.acao {
					t.Errorf("%s = %q, want [%q]", "Access-Control-Allow-Origin", got, p.acao)
				}
			})
		}
	}
}

func TestHarnessesExpressExactlyWhatTheirPeerCan(t *testing.T) {
	origins := []string{"https://app.example.com"}
	tests := []struct {
		name        string
		harness     conformance.Harness
		policy      corsa.Config
		expressible bool
	}{
		{"rs/cors sends max-age 0", peers.RSCors, corsa.Config{Origins: origins, MaxAge: corsa.Seconds(0)}, true},
		{"rs/cors grants private network access", peers.RSCors, corsa.Config{Origins: origins, PrivateNetwork: true}, true},
		{"rs/cors has no method wildcard", peers.RSCors, corsa.Config{Origins: origins, Methods: []string{"*"}}, false},
		{"go-chi/cors has no private network access", peers.ChiCors, corsa.Config{Origins: origins, PrivateNetwork: true}, false},
		{"go-chi/cors cannot send max-age 0", peers.ChiCors, corsa.Config{Origins: origins, MaxAge: corsa.Seconds(0)}, false},
		{"go-chi/cors cannot answer preflights with 204", peers.ChiCors, corsa.Config{Origins: origins, PreflightStatus: http.StatusNoContent}, false},
		{"gin-contrib/cors grants private network access", peers.GinCors, corsa.Config{Origins: origins, PrivateNetwork: true}, true},
		{"gin-contrib/cors cannot send max-age 0", peers.GinCors, corsa.Config{Origins: origins, MaxAge: corsa.Seconds(0)}, false},
		{"gin-contrib/cors refuses a null origin", peers.GinCors, corsa.Config{Origins: []string{"null"}, DangerouslyAllowNullOrigin: true}, false},
		{"echo matches port patterns", peers.EchoCors, corsa.Config{Origins: []string{"http://localhost:*"}}, true},
		{"echo has no private network access", peers.EchoCors, corsa.Config{Origins: origins, PrivateNetwork: true}, false},
		{"echo cannot answer preflights with 200", peers.EchoCors, corsa.Config{Origins: origins, PreflightStatus: http.StatusOK}, false},
		{"fiber matches subdomain patterns", peers.FiberCors, corsa.Config{Origins: []string{"https://*.example.com"}}, true},
		{"fiber has no port pattern", peers.FiberCors, corsa.Config{Origins: []string{"http://localhost:*"}}, false},
		{"fiber has no private network access", peers.FiberCors, corsa.Config{Origins: origins, PrivateNetwork: true}, false},
		{"echo v5 has no subdomain patterns", peers.Echo5Cors, corsa.Config{Origins: []string{"https://*.example.com"}}, false},
		{"echo v5 has no port patterns", peers.Echo5Cors, corsa.Config{Origins: []string{"http://localhost:*"}}, false},
		{"echo v5 cannot list a null origin", peers.Echo5Cors, corsa.Config{Origins: []string{"null"}, DangerouslyAllowNullOrigin: true}, false},
		{"echo v5 has no private network access", peers.Echo5Cors, corsa.Config{Origins: origins, PrivateNetwork: true}, false},
		{"echo v5 sends max-age 0", peers.Echo5Cors, corsa.Config{Origins: origins, MaxAge: corsa.Seconds(0)}, true},
		{"fiber v3 matches subdomain patterns", peers.Fiber3Cors, corsa.Config{Origins: []string{"https://*.example.com"}}, true},
		{"fiber v3 grants private network access", peers.Fiber3Cors, corsa.Config{Origins: origins, PrivateNetwork: true}, true},
		{"fiber v3 has no port pattern", peers.Fiber3Cors, corsa.Config{Origins: []string{"http://localhost:*"}}, false},
		{"fiber v3 cannot list a null origin", peers.Fiber3Cors, corsa.Config{Origins: []string{"null"}, DangerouslyAllowNullOrigin: true}, false},
		{"fiber v3 cannot answer preflights with 200", peers.Fiber3Cors, corsa.Config{Origins: origins, PreflightStatus: http.StatusOK}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.harness(tt.policy)
			switch {
			case tt.expressible && err != nil:
				t.Errorf("harness error = %v, want none", err)
			case !tt.expressible && !errors.Is(err, conformance.ErrCannotExpress):
				t.Errorf("harness error = %v, want one wrapping conformance.ErrCannotExpress", err)
			}
		})
	}
}
