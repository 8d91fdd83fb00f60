package corsa_test

import (
	"net/http"
	"testing"

	"github.com/corsa-go/corsa"
)

// corsa installed twice: the outer middleware answers every preflight (the
// inner one never sees it), and the inner one alone decides the CORS
// headers of every other response, replacing the outer grant.
func TestNestedHandlersTheInnerPolicyDecidesActualRequests(t *testing.T) {
	const outerOrigin, innerOrigin = "https://outer.example", "https://inner.example"
	outer := mustPolicy(t, corsa.Config{
		Origins: []string{outerOrigin}, Credentials: true,
		ExposedHeaders: []string{"X-Outer"}, Methods: []string{"PUT"},
	})
	inner := mustPolicy(t, corsa.Config{Origins: []string{innerOrigin}, Methods: []string{"DELETE"}})
	anyInner := mustPolicy(t, corsa.Config{Origins: []string{"*"}})
	// fullInner writes all three headers of a grant, so it replaces the
	// outer ones without looking for them first.
	fullInner := mustPolicy(t, corsa.Config{Origins: []string{innerOrigin}, Credentials: true, ExposedHeaders: []string{"X-Inner"}})
	stack := func(outer, inner *corsa.Policy) func(http.Handler) http.Handler {
		return func(next http.Handler) http.Handler { return outer.Handler(inner.Handler(next)) }
	}
	tests := []struct {
		name     string
		h        func(http.Handler) http.Handler
		r        *http.Request
		status   int
		ran      bool
		want     map[string]string
		wantVary []string
	}{
		{"a request the inner policy refuses loses the outer grant", stack(outer, inner),
			requestTo(t, "GET", "/x", "Origin", outerOrigin), 200, true, nil, []string{"Origin", "Origin"}},
		{"a request the inner policy allows gets only the inner grant, without the outer credentials", stack(outer, inner),
			requestTo(t, "GET", "/x", "Origin", innerOrigin), 200, true,
			map[string]string{"Access-Control-Allow-Origin": innerOrigin}, []string{"Origin", "Origin"}},
		{"an inner any-origin policy drops the outer credentials and exposed headers", stack(outer, anyInner),
			requestTo(t, "GET", "/x", "Origin", outerOrigin), 200, true,
			map[string]string{"Access-Control-Allow-Origin": "*"}, []string{"Origin"}},
		{"a preflight is answered by the outer policy alone", stack(outer, inner),
			requestTo(t, "OPTIONS", "/x", "Origin", outerOrigin, "Access-Control-Request-Method", "PUT"), 204, false,
			map[string]string{"Access-Control-Allow-Origin": outerOrigin, "Access-Control-Allow-Credentials": "true", "Access-Control-Allow-Methods": "PUT"},
			varyPreflight},
		{"a preflight the inner policy would allow is refused by the outer one", stack(outer, inner),
			requestTo(t, "OPTIONS", "/x", "Origin", innerOrigin, "Access-Control-Request-Method", "DELETE"), 403, false,
			nil, varyPreflight},
		{"an inner grant with credentials and exposed headers replaces all three outer headers", stack(outer, fullInner),
			requestTo(t, "GET", "/x", "Origin", innerOrigin), 200, true,
			map[string]string{"Access-Control-Allow-Origin": innerOrigin, "Access-Control-Allow-Credentials": "true", "Access-Control-Expose-Headers": "X-Inner"},
			[]string{"Origin", "Origin"}},
		{"an inner policy with credentials still revokes the outer grant when it refuses", stack(outer, fullInner),
			requestTo(t, "GET", "/x", "Origin", outerOrigin), 200, true, nil, []string{"Origin", "Origin"}},
		{"an outer any-origin grant is replaced by the inner refusal", stack(anyInner, inner),
			requestTo(t, "GET", "/x", "Origin", outerOrigin), 200, true, nil, []string{"Origin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, ran := serveTo(t, tt.h, tt.r)
			if resp.StatusCode != tt.status || ran != tt.ran {
				t.Fatalf("status = %d, handler ran = %v; want %d, %v", resp.StatusCode, ran, tt.status, tt.ran)
			}
			checkCORSHeaders(t, resp.Header, tt.want, tt.wantVary)
		})
	}
}

// A middleware other than corsa may grant and pass a preflight on: the
// inner corsa's answer replaces that grant too, allowed or refused.
func TestAPreflightPassedOnWithAGrantGetsOnlyCorsasAnswer(t *testing.T) {
	p := mustPolicy(t, corsa.Config{Origins: []string{appOrigin}, Methods: []string{"PUT"}})
	granting := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			h.Set("Access-Control-Allow-Origin", "*")
			h.Set("Access-Control-Allow-Credentials", "true")
			h.Set("Access-Control-Expose-Headers", "X-Secret")
			next.ServeHTTP(w, r)
		})
	}
	stack := func(next http.Handler) http.Handler { return granting(p.Handler(next)) }
	tests := []struct {
		name   string
		method string
		status int
		want   map[string]string
	}{
		{"an allowed preflight carries only corsa's grant", "PUT", 204,
			map[string]string{"Access-Control-Allow-Origin": appOrigin, "Access-Control-Allow-Methods": "PUT"}},
		{"a refused preflight carries no grant at all", "DELETE", 403, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := requestTo(t, "OPTIONS", "/x", "Origin", appOrigin, "Access-Control-Request-Method", tt.method)
			resp, _ := serveTo(t, stack, r)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tt.status)
			}
			checkCORSHeaders(t, resp.Header, tt.want, varyPreflight)
		})
	}
}

// Issue 22: corsa installed twice, where both could grant. The innermost
// corsa decides every response the handler writes: an outer grant is
// gone unless the inner policy grants the same, and then only the inner
// grant's headers are there, whatever the outer one added.
func TestNestedHandlersTheInnerGrantReplacesTheOuterOne(t *testing.T) {
	outerAny := mustPolicy(t, corsa.Config{Origins: []string{"*"}, ExposedHeaders: []string{"X-Outer"}, Methods: []string{"PUT"}})
	outerCredentialed := mustPolicy(t, corsa.Config{Origins: []string{appOrigin}, Credentials: true, ExposedHeaders: []string{"X-Outer"}})
	innerCredentialed := mustPolicy(t, corsa.Config{Origins: []string{appOrigin}, Credentials: true})
	innerExposing := mustPolicy(t, corsa.Config{Origins: []string{appOrigin}, Credentials: true, ExposedHeaders: []string{"X-Inner"}})
	innerPlain := mustPolicy(t, corsa.Config{Origins: []string{appOrigin}})
	innerMiddleware, err := corsa.NewMiddleware(corsa.Config{Origins: []string{appOrigin}, Credentials: true})
	if err != nil {
		t.Fatal(err)
	}
	innerPaths := mustPaths(t, map[string]corsa.Config{"/": {Origins: []string{appOrigin}, Credentials: true}})
	stack := func(outer, inner corsa.Source) func(http.Handler) http.Handler {
		return func(next http.Handler) http.Handler { return outer.Handler(inner.Handler(next)) }
	}
	get := func(origin string) *http.Request {
		if origin == "" {
			return requestTo(t, "GET", "/x")
		}
		return requestTo(t, "GET", "/x", "Origin", origin)
	}
	tests := []struct {
		name     string
		h        func(http.Handler) http.Handler
		r        *http.Request
		want     map[string]string
		wantVary []string
	}{
		{"a request without Origin under an outer * and an inner credentialed policy gets no Allow-Origin at all",
			stack(outerAny, innerCredentialed), get(""), nil, varyOrigin},
		{"the same through an inner Middleware",
			stack(outerAny, innerMiddleware), get(""), nil, varyOrigin},
		{"the same through an inner Paths",
			stack(outerAny, innerPaths), get(""), nil, varyOrigin},
		{"an origin both allow gets the inner credentialed grant without the outer * or Expose-Headers",
			stack(outerAny, innerCredentialed), get(appOrigin),
			map[string]string{"Access-Control-Allow-Origin": appOrigin, "Access-Control-Allow-Credentials": "true"}, varyOrigin},
		{"an origin both allow gets the inner Expose-Headers in place of the outer ones",
			stack(outerAny, innerExposing), get(appOrigin),
			map[string]string{"Access-Control-Allow-Origin": appOrigin, "Access-Control-Allow-Credentials": "true", "Access-Control-Expose-Headers": "X-Inner"},
			varyOrigin},
		{"an origin only the outer * allows gets no grant",
			stack(outerAny, innerCredentialed), get("https://other.example"), nil, varyOrigin},
		{"an origin both list loses the outer credentials and Expose-Headers under an inner policy without them",
			stack(outerCredentialed, innerPlain), get(appOrigin),
			map[string]string{"Access-Control-Allow-Origin": appOrigin}, []string{"Origin", "Origin"}},
		{"an origin both list gets the inner Expose-Headers in place of the outer ones",
			stack(outerCredentialed, innerExposing), get(appOrigin),
			map[string]string{"Access-Control-Allow-Origin": appOrigin, "Access-Control-Allow-Credentials": "true", "Access-Control-Expose-Headers": "X-Inner"},
			[]string{"Origin", "Origin"}},
		{"a request without Origin under an inner * gets the inner constant headers only",
			stack(outerCredentialed, mustPolicy(t, corsa.Config{Origins: []string{"*"}})), get(""),
			map[string]string{"Access-Control-Allow-Origin": "*"}, varyOrigin},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, ran := serveTo(t, tt.h, tt.r)
			if resp.StatusCode != 200 || !ran {
				t.Fatalf("status = %d, handler ran = %v; want the handler's 200", resp.StatusCode, ran)
			}
			checkCORSHeaders(t, resp.Header, tt.want, tt.wantVary)
		})
	}
	t.Run("a preflight is answered by the outer * alone", func(t *testing.T) {
		r := requestTo(t, "OPTIONS", "/x", "Origin", appOrigin, "Access-Control-Request-Method", "PUT")
		resp, ran := serveTo(t, stack(outerAny, innerCredentialed), r)
		if resp.StatusCode != 204 || ran {
			t.Fatalf("status = %d, handler ran = %v; want 204 from the outer policy", resp.StatusCode, ran)
		}
		checkCORSHeaders(t, resp.Header, map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "PUT"}, varyPreflight)
	})
}
