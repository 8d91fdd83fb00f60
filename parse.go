package corsa

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// The policy file's checks, in the order ParseConfig runs them: syntax
// first (nothing else can be trusted without it), then every key, the
// type of every value and every value New refuses, all together. Every
// message names a line and column.

const errPrefix = "corsa: policy JSON: "

// checkSyntax refuses anything but exactly one JSON value, with the
// position where the scanner gave up.
func checkSyntax(data []byte) error {
	var raw json.RawMessage
	err := json.Unmarshal(data, &raw)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return err // nil: Unmarshal into a RawMessage fails only on syntax
	}
	// Offset counts the bytes read, the offending one included.
	at := max(se.Offset-1, 0)
	if json.Valid(data[:at]) {
		// A whole value came first: the rest is a second one, or garbage.
		return fmt.Errorf("%strailing data after the policy object at %s", errPrefix, position(data, at))
	}
	return fmt.Errorf("%ssyntax error at %s: %v", errPrefix, position(data, at), se)
}

// checkKeys walks the (syntactically valid) JSON in data token by token
// and reports every key given twice in one object, at any depth
// (encoding/json keeps the last, other tools the first), and every
// top-level key that is not a field's exact JSON name (encoding/json would
// accept "maxage" or "ORIGINS" as the field), with a suggestion. It also
// returns where each top-level value starts, and each element of a
// top-level array ("origins" and "origins[0]"), for the later checks'
// positions.
func checkKeys(data []byte) (problems []error, at map[string]int64) {
	type object struct {
		keys      map[string]int64 // key -> offset of its opening quote
		expectKey bool
		isArray   bool
		elements  int
	}
	var (
		stack     []*object
		key       string // the top-level key whose value comes next
		unknown   string // a top-level unknown key whose value comes next
		unknownAt int64
	)
	at = map[string]int64{}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return problems, at // io.EOF: checkSyntax saw to the rest
		}
		start := skipSeparators(data, before)
		if unknown != "" {
			problems = append(problems, unknownField(unknown, position(data, unknownAt), tok))
			unknown = ""
		}
		var top *object
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if k, ok := tok.(string); ok && top != nil && top.expectKey {
			if first, dup := top.keys[k]; dup {
				problems = append(problems, fmt.Errorf("%skey %q given twice, at %s and at %s", errPrefix, k, position(data, first), position(data, start)))
			} else {
				top.keys[k] = start
			}
			if len(stack) == 1 {
				key = k
				if !jsonFieldNames[k] {
					unknown, unknownAt = k, start
				}
			}
			top.expectKey = false
			continue
		}
		// A value starts here: at the top level, or as an element of a
		// top-level array.
		closing := tok == json.Delim('}') || tok == json.Delim(']')
		switch {
		case closing:
		case len(stack) == 1 && key != "":
			at[key] = start
		case len(stack) == 2 && top.isArray && key != "":
			at[fmt.Sprintf("%s[%d]", key, top.elements)] = start
			top.elements++
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &object{keys: map[string]int64{}, expectKey: true})
			continue
		case json.Delim('['):
			stack = append(stack, &object{isArray: true})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		// A value ends here; in an object, a key comes next.
		if len(stack) > 0 && stack[len(stack)-1].keys != nil {
			stack[len(stack)-1].expectKey = true
		}
	}
}

// skipSeparators steps over the whitespace, colons and commas that come
// before the token starting after offset.
func skipSeparators(data []byte, offset int64) int64 {
	for offset < int64(len(data)) && strings.IndexByte(" \t\r\n:,", data[offset]) >= 0 {
		offset++
	}
	return offset
}

// decodeFields decodes each known top-level field of data on its own, so
// that every value of the wrong type is reported, not only the first.
func decodeFields(data []byte, at map[string]int64) (Config, []error) {
	var c Config
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return c, []error{typeError(data, 0, "", err)}
	}
	v := reflect.ValueOf(&c).Elem()
	var problems []error
	for i := 0; i < v.NumField(); i++ {
		name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
		value, ok := raw[name]
		if !ok || !jsonFieldNames[name] {
			continue
		}
		p := reflect.New(v.Field(i).Type())
		if err := json.Unmarshal(value, p.Interface()); err != nil {
			problems = append(problems, typeError(data, at[name], name, err))
			continue
		}
		v.Field(i).Set(p.Elem())
	}
	return c, problems
}

// locate adds to each of New's problems where its value stands in data:
// the entry ("origins[2]") or else the field ("maxAge").
func locate(data []byte, at map[string]int64, err error) []error {
	var out []error
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var ce *ConfigError
		if errors.As(e, &ce) {
			offset, ok := at[ce.Field]
			if !ok {
				field, _, _ := strings.Cut(ce.Field, "[")
				offset, ok = at[field]
			}
			if ok {
				e = fmt.Errorf("%w (at %s)", ce, position(data, offset))
			}
		}
		out = append(out, e)
	}
	return out
}

// unknownField names an unknown key and, when it can, the field meant;
// first is the first token of the key's value.
func unknownField(key, at string, first json.Token) error {
	msg := fmt.Sprintf("%sunknown field %q at %s", errPrefix, key, at)
	if field, hint := suggest(key); field != "" {
		msg += fmt.Sprintf("; did you mean %q?", field)
		if _, isString := first.(string); isString && listFields[field] {
			msg += ` It takes a JSON array, such as ["a", "b"], not a comma-separated string.`
		}
	} else if hint != "" {
		msg += "; " + hint
	}
	return errors.New(msg)
}

// typeError gives a value of the wrong type that json.Unmarshal found,
// in the field name decoded from base on, a position and words for
// people rather than Go types.
func typeError(data []byte, base int64, name string, err error) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return fmt.Errorf("%s%w", errPrefix, err)
	}
	// Offset is just past the value, or just past the [ or { of an
	// array or object.
	at := position(data, valueStart(data, base+max(te.Offset-1, 0)))
	if name == "" {
		return fmt.Errorf("%sthe policy must be a JSON object, not %s (at %s)", errPrefix, jsonKind(te.Value), at)
	}
	if listFields[name] && te.Type.Kind() != reflect.Slice {
		// An element of the wrong type, where at points.
		return fmt.Errorf("%s%q at %s: want an array of strings, not one holding %s", errPrefix, name, at, jsonKind(te.Value))
	}
	return fmt.Errorf("%s%q at %s: want %s, not %s", errPrefix, name, at, goKind(te.Type), jsonKind(te.Value))
}

// valueStart steps back from the last byte of a string, number or literal
// to its first byte; any other byte (the [ or { of a value) is its own
// start.
func valueStart(data []byte, i int64) int64 {
	if i >= int64(len(data)) {
		return int64(len(data))
	}
	if data[i] == '"' {
		for j := i - 1; j >= 0; j-- {
			if data[j] != '"' {
				continue
			}
			backslashes := 0
			for k := j - 1; k >= 0 && data[k] == '\\'; k-- {
				backslashes++
			}
			if backslashes%2 == 0 {
				return j
			}
		}
		return i
	}
	for i > 0 && strings.IndexByte("0123456789+-.eEtrufalsn", data[i-1]) >= 0 {
		i--
	}
	return i
}

// jsonKind words encoding/json's UnmarshalTypeError.Value.
func jsonKind(v string) string {
	switch {
	case v == "array", v == "object":
		return "an " + v
	case v == "bool":
		return "true or false"
	case strings.HasPrefix(v, "number "):
		return "the number " + strings.TrimPrefix(v, "number ")
	}
	return "a " + v
}

// goKind words the Go type of a Config field for a policy file's author.
func goKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return goKind(t.Elem())
	case reflect.Slice:
		return "an array of " + strings.TrimPrefix(strings.TrimPrefix(goKind(t.Elem()), "a "), "an ") + "s"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int:
		return "an integer"
	}
	return t.String()
}

// position renders a byte offset in data as line:column, both from 1,
// with the column counted in bytes.
func position(data []byte, offset int64) string {
	line := 1 + bytes.Count(data[:offset], []byte("\n"))
	col := offset - int64(bytes.LastIndexByte(data[:offset], '\n'))
	return fmt.Sprintf("line %d, column %d", line, col)
}

// jsonFieldNames are the keys a policy file may use, spelt exactly.
var jsonFieldNames = func() map[string]bool {
	names := map[string]bool{}
	t := reflect.TypeFor[Config]()
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "-" && name != "" { // Go-only fields
			names[name] = true
		}
	}
	return names
}()

// listFields are the fields that take an array of strings.
var listFields = func() map[string]bool {
	lists := map[string]bool{}
	t := reflect.TypeFor[Config]()
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if jsonFieldNames[name] && t.Field(i).Type.Kind() == reflect.Slice {
			lists[name] = true
		}
	}
	return lists
}()
