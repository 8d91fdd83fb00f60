package corsa_test

import (
	"net/http"
	"testing"

	"github.com/corsa-go/corsa"
)

// A JSON POST's preflight, as a browser sends it for
// fetch(url, {method: "POST", headers: {"Content-Type": "application/json"}}).
var jsonPostPreflight = []string{
	"Origin", appOrigin,
	"Access-Control-Request-Method", "POST",
	"Access-Control-Request-Headers", "content-type",
}

// Issue 14, item 1: with RequestHeaders unset, Content-Type is allowed
// (SPEC.md §2: Allow-Headers then lists it); an explicit empty list
// allows none.
func TestRequestHeadersDefault(t *testing.T) {
	allowed := map[string]string{
		"Access-Control-Allow-Origin":  appOrigin,
		"Access-Control-Allow-Headers": "Content-Type",
	}
	tests := []struct {
		name       string
		cfg        corsa.Config
		headers    []string
		wantStatus int
		want       map[string]string
	}{
		{"a JSON POST's preflight is allowed when requestHeaders is unset",
			corsa.Config{Origins: []string{appOrigin}}, jsonPostPreflight, 204, allowed},
		{"a JSON POST's preflight is refused when requestHeaders is an explicit empty list",
			corsa.Config{Origins: []string{appOrigin}, RequestHeaders: []string{}}, jsonPostPreflight, 403, nil},
		{"the default covers Content-Type in any case",
			corsa.Config{Origins: []string{appOrigin}},
			[]string{"Origin", appOrigin, "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "Content-Type"}, 204, allowed},
		{"the default covers no other header",
			corsa.Config{Origins: []string{appOrigin}},
			[]string{"Origin", appOrigin, "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,x-request-id"}, 403, nil},
		{"listing names replaces the default",
			corsa.Config{Origins: []string{appOrigin}, RequestHeaders: []string{"X-Request-Id"}}, jsonPostPreflight, 403, nil},
		{"a preflight asking for no header gets no Allow-Headers under the default",
			corsa.Config{Origins: []string{appOrigin}},
			[]string{"Origin", appOrigin, "Access-Control-Request-Method", "POST"}, 204,
			map[string]string{"Access-Control-Allow-Origin": appOrigin}},
		{"the default does not allow an origin",
			corsa.Config{}, jsonPostPreflight, 403, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, ran := serve(t, tt.cfg, http.MethodOptions, tt.headers...)
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			if ran {
				t.Error("the handler ran for a preflight")
			}
			checkCORSHeaders(t, resp.Header, tt.want, varyPreflight)
		})
	}
}

func TestPolicyFileKeepsUnsetApartFromEmptyRequestHeaders(t *testing.T) {
	tests := []struct {
		name       string
		json       string
		wantStatus int
	}{
		{"an absent requestHeaders allows Content-Type", `{"origins":["https://app.example.com"]}`, 204},
		{"a null requestHeaders allows Content-Type", `{"origins":["https://app.example.com"],"requestHeaders":null}`, 204},
		{"an empty requestHeaders allows no header", `{"origins":["https://app.example.com"],"requestHeaders":[]}`, 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := corsa.ParseConfig([]byte(tt.json))
			if err != nil {
				t.Fatal(err)
			}
			d := decide(t, mustPolicy(t, cfg), http.MethodOptions, jsonPostPreflight...)
			if d.Status() != tt.wantStatus {
				t.Errorf("preflight status = %d (%v), want %d", d.Status(), d.Reason(), tt.wantStatus)
			}
		})
	}
}
