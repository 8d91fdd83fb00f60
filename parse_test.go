package corsa_test

import (
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// Every problem ParseConfig reports names its place in the file, and an
// unknown key gets the field that does its job. The expected messages are
// written out in full: they are the CLI's output.
func TestParseConfigReportsEveryProblemWithItsPosition(t *testing.T) {
	tests := []struct {
		name string
		json string
		want []string // each message after "corsa: policy JSON: ", in order
	}{
		{"it points an rs/cors and go-chi/cors config at corsa's fields, every key at once",
			`{"AllowedOrigins":["https://a.example"],"AllowedMethods":["PUT"],"AllowedHeaders":["X-Id"],"ExposedHeaders":["X-Total"],"AllowCredentials":true,"MaxAge":600,"AllowPrivateNetwork":true,"OptionsSuccessStatus":200}`,
			[]string{
				`unknown field "AllowedOrigins" at line 1, column 2; did you mean "origins"?`,
				`unknown field "AllowedMethods" at line 1, column 41; did you mean "methods"?`,
				`unknown field "AllowedHeaders" at line 1, column 66; did you mean "requestHeaders"?`,
				`unknown field "ExposedHeaders" at line 1, column 92; did you mean "exposedHeaders"?`,
				`unknown field "AllowCredentials" at line 1, column 121; did you mean "credentials"?`,
				`unknown field "MaxAge" at line 1, column 145; did you mean "maxAge"?`,
				`unknown field "AllowPrivateNetwork" at line 1, column 158; did you mean "privateNetwork"?`,
				`unknown field "OptionsSuccessStatus" at line 1, column 185; did you mean "preflightStatus"?`,
			}},
		{"it points a gin-contrib/cors or echo config at corsa's fields, on the lines they are on",
			"{\n  \"allowOrigins\": [\"https://a.example\"],\n  \"allowMethods\": [\"PUT\"],\n  \"allowHeaders\": [\"X-Id\"],\n  \"exposeHeaders\": [\"X-Total\"],\n  \"allowWildcard\": true,\n  \"allowAllOrigins\": false\n}",
			[]string{
				`unknown field "allowOrigins" at line 2, column 3; did you mean "origins"?`,
				`unknown field "allowMethods" at line 3, column 3; did you mean "methods"?`,
				`unknown field "allowHeaders" at line 4, column 3; did you mean "requestHeaders"?`,
				`unknown field "exposeHeaders" at line 5, column 3; did you mean "exposedHeaders"?`,
				`unknown field "allowWildcard" at line 6, column 3; corsa needs no switch for wildcards: list patterns such as "https://*.example.com" in "origins"`,
				`unknown field "allowAllOrigins" at line 7, column 3; corsa has no such switch: write "origins": ["*"]`,
			}},
		{"it says that fiber's comma-separated string must become an array",
			`{"AllowOrigins":"https://a.example, https://b.example"}`,
			[]string{`unknown field "AllowOrigins" at line 1, column 2; did you mean "origins"? It takes a JSON array, such as ["a", "b"], not a comma-separated string.`}},
		{"it reads snake_case and camelCase spellings of other libraries' keys",
			`{"allowed_origins":[],"allowedOrigins":[],"allow_credentials":true,"max_age":1}`,
			[]string{
				`unknown field "allowed_origins" at line 1, column 2; did you mean "origins"?`,
				`unknown field "allowedOrigins" at line 1, column 23; did you mean "origins"?`,
				`unknown field "allow_credentials" at line 1, column 43; did you mean "credentials"?`,
				`unknown field "max_age" at line 1, column 68; did you mean "maxAge"?`,
			}},
		{"it answers origin functions and echo's unsafe wildcard with what corsa does instead",
			`{"AllowOriginFunc":null,"UnsafeWildcardOriginWithAllowCredentials":true,"OptionsPassthrough":true}`,
			[]string{
				`unknown field "AllowOriginFunc" at line 1, column 2; an origin function is set in Go, as corsa.Config.OriginFunc, not in the policy file: list the origins, or patterns such as "https://*.example.com", in "origins"`,
				`unknown field "UnsafeWildcardOriginWithAllowCredentials" at line 1, column 25; corsa never combines "*" with credentials: list the origins in "origins"`,
				`unknown field "OptionsPassthrough" at line 1, column 73; corsa always answers preflights itself and never passes them on`,
			}},
		{"it suggests the nearest field for a typo of corsa's own keys",
			`{"orgins":[],"requestHeader":[],"dangerouslyAllowNullOrigins":true,"preflightstatus":204,"ORIGINS":[]}`,
			[]string{
				`unknown field "orgins" at line 1, column 2; did you mean "origins"?`,
				`unknown field "requestHeader" at line 1, column 14; did you mean "requestHeaders"?`,
				`unknown field "dangerouslyAllowNullOrigins" at line 1, column 33; did you mean "dangerouslyAllowNullOrigin"?`,
				`unknown field "preflightstatus" at line 1, column 68; did you mean "preflightStatus"?`,
				`unknown field "ORIGINS" at line 1, column 90; did you mean "origins"?`,
			}},
		{"it names an unknown key it cannot place without guessing",
			`{"timeout":5}`,
			[]string{`unknown field "timeout" at line 1, column 2`}},
		{"it reports unknown and duplicate keys together",
			"{\"maxAge\":1,\n\"origin\":[],\n\"maxAge\":2}",
			[]string{
				`unknown field "origin" at line 2, column 1; did you mean "origins"?`,
				`key "maxAge" given twice, at line 1, column 2 and at line 3, column 1`,
			}},
		{"it reports a wrongly typed value after the key problems",
			`{"credential":true,"maxAge":"600"}`,
			[]string{
				`unknown field "credential" at line 1, column 2; did you mean "credentials"?`,
				`"maxAge" at line 1, column 29: want an integer, not a string`,
			}},
		{"it places a syntax error on its line and column",
			"{\n  \"origins\": [\"https://a.example\"]\n  \"credentials\": true\n}",
			[]string{`syntax error at line 3, column 3: invalid character '"' after object key:value pair`}},
		{"it places a truncated document at its last byte",
			`{"origins":["https://a.example"]`,
			[]string{`syntax error at line 1, column 32: unexpected end of JSON input`}},
		{"it refuses an empty document",
			``,
			[]string{`syntax error at line 1, column 1: unexpected end of JSON input`}},
		{"it places a second object after the policy",
			"{\"origins\":[]}\n{\"credentials\":true}",
			[]string{`trailing data after the policy object at line 2, column 1`}},
		{"it places a value of the wrong type inside an array",
			"{\"origins\": [\n  \"https://a.example\",\n  42\n]}",
			[]string{`"origins" at line 3, column 3: want an array of strings, not one holding a number`}},
		{"it says a comma-separated string is not an array",
			`{"methods":"GET,PUT"}`,
			[]string{`"methods" at line 1, column 12: want an array of strings, not a string`}},
		{"it refuses a fractional max-age",
			`{"maxAge":1.5}`,
			[]string{`"maxAge" at line 1, column 11: want an integer, not the number 1.5`}},
		{"it refuses a string for a boolean",
			`{"credentials":"yes"}`,
			[]string{`"credentials" at line 1, column 16: want true or false, not a string`}},
		{"it refuses a policy that is not an object",
			`["https://a.example"]`,
			[]string{`the policy must be a JSON object, not an array (at line 1, column 1)`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := corsa.ParseConfig([]byte(tc.json))
			if err == nil {
				t.Fatalf("ParseConfig(%q) accepted it", tc.json)
			}
			want := "corsa: policy JSON: " + strings.Join(tc.want, "\ncorsa: policy JSON: ")
			if got := err.Error(); got != want {
				t.Errorf("ParseConfig(%q) error:\n%s\nwant:\n%s", tc.json, got, want)
			}
		})
	}
}
