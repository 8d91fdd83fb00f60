package corsa_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

func TestParseConfigRefusesDuplicateKeys(t *testing.T) {
	tests := []struct {
		name string
		json string
		want string // the whole message after the first "corsa: policy JSON: "
	}{
		{"it refuses origins given twice, the issue's example",
			`{"origins":["https://app.example.com"],"origins":["*"]}`,
			`key "origins" given twice, at line 1, column 2 and at line 1, column 40`},
		{"it refuses a boolean given twice on separate lines",
			"{\n  \"credentials\": true,\n  \"maxAge\": 600,\n  \"credentials\": false\n}",
			`key "credentials" given twice, at line 2, column 3 and at line 4, column 3`},
		{"it refuses a key given twice with an escape in one spelling",
			`{"maxAge":1, "max\u0041ge":2}`,
			`key "maxAge" given twice, at line 1, column 2 and at line 1, column 14`},
		{"it refuses a key given twice inside a nested object",
			`{"origins":[{"a":1,"a":2}]}`,
			`key "a" given twice, at line 1, column 14 and at line 1, column 20` +
				"\ncorsa: policy JSON: " + `"origins" at line 1, column 13: want an array of strings, not one holding an object`},
		{"it names an unknown field with its position",
			"{\n\"origin\": []}",
			`unknown field "origin" at line 2, column 1; did you mean "origins"?`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := corsa.ParseConfig([]byte(tc.json))
			if err == nil {
				t.Fatalf("ParseConfig(%q) accepted it", tc.json)
			}
			if got := strings.TrimPrefix(err.Error(), "corsa: policy JSON: "); got != tc.want {
				t.Errorf("error %q, want %q", got, tc.want)
			}
		})
	}

	t.Run("it accepts the same key in two different objects", func(t *testing.T) {
		// Config has no nested objects, so the decoder refuses the value's
		// type; what matters is that the duplicate check does not.
		_, err := corsa.ParseConfig([]byte(`{"origins":[{"a":1},{"a":2}]}`))
		if err == nil || strings.Contains(err.Error(), "twice") {
			t.Errorf("error %v, want a type error, not a duplicate key", err)
		}
	})
	t.Run("it accepts each key once, in any order", func(t *testing.T) {
		got, err := corsa.ParseConfig([]byte(`{"maxAge":0,"origins":["https://a.example.com"],"credentials":true}`))
		want := corsa.Config{Origins: []string{"https://a.example.com"}, Credentials: true, MaxAge: corsa.Seconds(0)}
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("ParseConfig = %+v, %v; want %+v", got, err, want)
		}
	})
}
