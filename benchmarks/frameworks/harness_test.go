package frameworks_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/frameworks"
	"github.com/corsa-go/corsa/conformance"
)

// Every CORS middleware of every framework, set up for a policy, lets
// the policy's origin read a GET that its handler answered.
func TestEveryMiddlewareServesAnAllowedGET(t *testing.T) {
	const origin = "https://app.example.com"
	policies := []struct {
		name string
		cors frameworks.CORS
		acao string
	}{
		{"echoes a listed origin", frameworks.CORS{Policy: corsa.Config{Origins: []string{origin}}}, origin},
		{"answers * for an any-origin policy", frameworks.CORS{Policy: corsa.Config{Origins: []string{"*"}}}, "*"},
		{"set up as its README shows echoes the origin", frameworks.CORS{Policy: corsa.Config{Origins: []string{origin}}, Readme: true}, origin},
	}
	for _, fw := range frameworks.All() {
		for _, kind := range fw.Kinds() {
			if kind == frameworks.Bare || kind == frameworks.Floor {
				continue // no CORS, and a policy of its own: see the suite's tests
			}
			for _, p := range policies {
				if p.cors.Readme && kind == frameworks.Corsa {
					continue
				}
				t.Run(fw.Label+" with "+fw.ImplName(kind)+" "+p.name, func(t *testing.T) {
					c := p.cors
					c.Kind = kind
					app, err := fw.Build(frameworks.Stack{CORS: c, Routes: frameworks.Standard(), Recover: true})
					if err != nil {
						t.Fatal(err)
					}
					req := httptest.NewRequest(http.MethodGet, "http://api.example.com"+conformance.PathResource, nil)
					req.Header.Set("Origin", origin)
					res := do(t, app, req)
					if res.StatusCode != http.StatusOK {
						t.Errorf("status %d, want 200", res.StatusCode)
					}
					if got := res.Header.Get(conformance.HandlerHeader); got != conformance.HandlerRan {
						t.Errorf("%s %q, want %q: the route's handler did not run", conformance.HandlerHeader, got, conformance.HandlerRan)
					}
					if got := res.Header.Values("Access-Control-Allow-Origin"); len(got) != 1 || got[0] != p.acao {
						t.Errorf("Access-Control-Allow-Origin %q, want [%q]", got, p.acao)
					}
				})
			}
		}
	}
}

func TestLibrariesExpressExactlyWhatTheyCan(t *testing.T) {
	origins := []string{"https://app.example.com"}
	tests := []struct {
		name        string
		framework   string
		kind        frameworks.Kind
		policy      corsa.Config
		expressible bool
	}{
		{"rs/cors sends max-age 0", "nethttp", frameworks.RSCors, corsa.Config{Origins: origins, MaxAge: corsa.Seconds(0)}, true},
		{"rs/cors grants private network access", "nethttp", frameworks.RSCors, corsa.Config{Origins: origins, PrivateNetwork: true}, true},
		{"rs/cors has no method wildcard", "nethttp", frameworks.RSCors, corsa.Config{Origins: origins, Methods: []string{"*"}}, false},
		{"rs/cors on gin has no method wildcard either", "gin", frameworks.RSCors, corsa.Config{Origins: origins, Methods: []string{"*"}}, false},
		{"go-chi/cors has no private network access", "chi", frameworks.Builtin, corsa.Config{Origins: origins, PrivateNetwork: true}, false},
		{"go-chi/cors cannot send max-age 0", "chi", frameworks.Builtin, corsa.Config{Origins: origins, MaxAge: corsa.Seconds(0)}, false},
		{"go-chi/cors cannot answer preflights with 204", "chi", frameworks.Builtin, corsa.Config{Origins: origins, PreflightStatus: http.StatusNoContent}, false},
		{"gin-contrib/cors grants private network access", "gin", frameworks.Builtin, corsa.Config{Origins: origins, PrivateNetwork: true}, true},
		{"gin-contrib/cors cannot send max-age 0", "gin", frameworks.Builtin, corsa.Config{Origins: origins, MaxAge: corsa.Seconds(0)}, false},
		{"gin-contrib/cors refuses a null origin", "gin", frameworks.Builtin, corsa.Config{Origins: []string{"null"}, DangerouslyAllowNullOrigin: true}, false},
		{"echo matches port patterns", "echo", frameworks.Builtin, corsa.Config{Origins: []string{"http://localhost:*"}}, true},
		{"echo has no private network access", "echo", frameworks.Builtin, corsa.Config{Origins: origins, PrivateNetwork: true}, false},
		{"echo cannot answer preflights with 200", "echo", frameworks.Builtin, corsa.Config{Origins: origins, PreflightStatus: http.StatusOK}, false},
		{"fiber matches subdomain patterns", "fiber", frameworks.Builtin, corsa.Config{Origins: []string{"https://*.example.com"}}, true},
		{"fiber has no port pattern", "fiber", frameworks.Builtin, corsa.Config{Origins: []string{"http://localhost:*"}}, false},
		{"fiber has no private network access", "fiber", frameworks.Builtin, corsa.Config{Origins: origins, PrivateNetwork: true}, false},
		{"echo v5 has no subdomain patterns", "echo5", frameworks.Builtin, corsa.Config{Origins: []string{"https://*.example.com"}}, false},
		{"echo v5 has no port patterns", "echo5", frameworks.Builtin, corsa.Config{Origins: []string{"http://localhost:*"}}, false},
		{"echo v5 cannot list a null origin", "echo5", frameworks.Builtin, corsa.Config{Origins: []string{"null"}, DangerouslyAllowNullOrigin: true}, false},
		{"echo v5 has no private network access", "echo5", frameworks.Builtin, corsa.Config{Origins: origins, PrivateNetwork: true}, false},
		{"echo v5 sends max-age 0", "echo5", frameworks.Builtin, corsa.Config{Origins: origins, MaxAge: corsa.Seconds(0)}, true},
		{"fiber v3 matches subdomain patterns", "fiber3", frameworks.Builtin, corsa.Config{Origins: []string{"https://*.example.com"}}, true},
		{"fiber v3 grants private network access", "fiber3", frameworks.Builtin, corsa.Config{Origins: origins, PrivateNetwork: true}, true},
		{"fiber v3 has no port pattern", "fiber3", frameworks.Builtin, corsa.Config{Origins: []string{"http://localhost:*"}}, false},
		{"fiber v3 cannot list a null origin", "fiber3", frameworks.Builtin, corsa.Config{Origins: []string{"null"}, DangerouslyAllowNullOrigin: true}, false},
		{"fiber v3 cannot answer preflights with 200", "fiber3", frameworks.Builtin, corsa.Config{Origins: origins, PreflightStatus: http.StatusOK}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fw, ok := frameworks.Named(tt.framework)
			if !ok {
				t.Fatalf("no framework %q", tt.framework)
			}
			_, err := fw.Build(frameworks.Stack{CORS: frameworks.CORS{Kind: tt.kind, Policy: tt.policy}, Routes: frameworks.Standard()})
			var ce *frameworks.CannotExpress
			switch {
			case tt.expressible && err != nil:
				t.Errorf("error %v, want none", err)
			case !tt.expressible && !(errors.As(err, &ce) && errors.Is(err, conformance.ErrCannotExpress)):
				t.Errorf("error %v, want a *CannotExpress wrapping conformance.ErrCannotExpress", err)
			}
		})
	}
}

func TestAFrameworkRefusesAMiddlewareItHasNot(t *testing.T) {
	for _, key := range []string{"nethttp", "fasthttp"} {
		fw, _ := frameworks.Named(key)
		t.Run(fw.Label+" has no usual CORS middleware", func(t *testing.T) {
			if _, err := fw.Build(frameworks.Stack{CORS: frameworks.CORS{Kind: frameworks.Builtin}}); err == nil {
				t.Error("Build succeeded")
			}
		})
	}
	for _, key := range []string{"fasthttp", "fiber", "fiber3"} {
		fw, _ := frameworks.Named(key)
		t.Run(fw.Label+" has no rs/cors", func(t *testing.T) {
			if _, err := fw.Build(frameworks.Stack{CORS: frameworks.CORS{Kind: frameworks.RSCors}}); err == nil {
				t.Error("Build succeeded")
			}
		})
	}
}
