package corsa

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
)

// Config is a CORS policy as a user writes it: in Go, or as JSON in a policy
// file (see ParseConfig). The zero Config allows no cross-origin request at
// all; every permission is spelled out, including "*" for any origin.
//
// New validates a Config and compiles it into a Policy; a Config is never
// consulted at request time.
type Config struct {
	// Origins lists the origins allowed to read responses. Each entry is
	//   - an exact serialized origin, "https://app.example.com" or
	//     "http://localhost:8080", compared byte for byte with the request's
	//     Origin header;
	//   - a subdomain pattern, "https://*.example.com", matching any depth of
	//     subdomain of example.com but not example.com itself;
	//   - a port pattern, "http://localhost:*", matching any port (or none);
	//   - "*", any origin, "null" included as in Fetch (only without
	//     Credentials; other entries are then redundant, which Warnings
	//     reports); every response but a preflight's then gets the same
	//     constant headers, without Vary;
	//   - "null", only with DangerouslyAllowNullOrigin.
	Origins []string `json:"origins,omitempty"`

	// Credentials allows requests made with credentials (cookies, HTTP
	// authentication, client certificates): responses carry
	// Access-Control-Allow-Credentials: true. It rules out every "*".
	Credentials bool `json:"credentials,omitempty"`

	// Methods lists the methods a preflight may ask for, beyond GET, HEAD and
	// POST which never need listing. Methods are case-sensitive tokens. "*"
	// allows any method (only without Credentials).
	Methods []string `json:"methods,omitempty"`

	// RequestHeaders lists the request header names a preflight may ask for,
	// compared case-insensitively. "*" allows any name except Authorization,
	// which browsers never let a wildcard cover: list it by name as well
	// (only without Credentials).
	RequestHeaders []string `json:"requestHeaders,omitempty"`

	// ExposedHeaders lists the response header names scripts may read beyond
	// the CORS-safelisted ones. "*" exposes all (only without Credentials).
	ExposedHeaders []string `json:"exposedHeaders,omitempty"`

	// MaxAge is how many seconds browsers may cache a preflight answer, sent
	// as Access-Control-Max-Age. Nil sends no header (browsers then cache for
	// 5 seconds); a pointer to 0 sends "0", which disables caching. Use
	// Seconds to write one inline. At most 86400; browsers cap it anyway
	// (Chromium at 7200).
	MaxAge *int `json:"maxAge,omitempty"`

	// PrivateNetwork answers Private Network Access preflights (requests
	// carrying Access-Control-Request-Private-Network: true) with
	// Access-Control-Allow-Private-Network: true. When false, such
	// preflights are answered as if they did not ask, without that header,
	// and the browser decides (Chromium never enforced these preflights).
	PrivateNetwork bool `json:"privateNetwork,omitempty"`

	// PreflightStatus is the status of an allowed preflight response: 0 means
	// 204 No Content; otherwise it must be in 200-299 (some old clients want
	// 200).
	PreflightStatus int `json:"preflightStatus,omitempty"`

	// DangerouslyAllowNullOrigin permits "null" in Origins. The null origin
	// is shared by sandboxed iframes, file: pages and redirected requests, so
	// allowing it allows all of them at once.
	DangerouslyAllowNullOrigin bool `json:"dangerouslyAllowNullOrigin,omitempty"`

	// DangerouslyAllowInsecureOrigins permits plain http:// origins other
	// than loopback together with Credentials. Anyone on the network path of
	// such an origin can act as it, and so read credentialed responses.
	DangerouslyAllowInsecureOrigins bool `json:"dangerouslyAllowInsecureOrigins,omitempty"`
}

// Seconds returns a pointer to n, for Config.MaxAge:
//
//	corsa.Config{MaxAge: corsa.Seconds(600)}
func Seconds(n int) *int { return &n }

// ParseConfig decodes a JSON policy file. Unknown fields, keys given
// twice (at any depth) and trailing data are errors, so that a misspelt
// setting is never silently ignored and every tool reads the file the same
// way. It does not validate the policy: New does.
func ParseConfig(data []byte) (Config, error) {
	if err := checkKeys(data); err != nil {
		return Config{}, fmt.Errorf("corsa: policy JSON: %w", err)
	}
	var c Config
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Config{}, fmt.Errorf("corsa: policy JSON: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Config{}, errors.New("corsa: policy JSON: trailing data after the policy object")
	}
	return c, nil
}

// checkKeys walks the first JSON value in data token by token and refuses
// a key given twice in one object, at any depth (encoding/json keeps the
// last, other tools the first), and a top-level key that differs from a
// field's JSON name only in case (encoding/json would accept "maxage" or
// "ORIGINS" as the field). Syntax errors are left to the decoder, which
// reports them with more context.
func checkKeys(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	type object struct {
		keys      map[string]int64 // key -> offset of its opening quote
		expectKey bool
	}
	var stack []*object
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		var top *object
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if key, ok := tok.(string); ok && top != nil && top.expectKey {
			at := keyStart(data, before)
			if first, dup := top.keys[key]; dup {
				return fmt.Errorf("key %q given twice, at %s and at %s", key, position(data, first), position(data, at))
			}
			top.keys[key] = at
			if len(stack) == 1 && !jsonFieldNames[key] {
				return fmt.Errorf("unknown field %q at %s", key, position(data, at))
			}
			top.expectKey = false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &object{keys: map[string]int64{}, expectKey: true})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return nil
			}
		case json.Delim('['):
			stack = append(stack, &object{}) // arrays have no keys
			continue
		}
		if len(stack) == 0 {
			return nil // a scalar policy: the decoder refuses it
		}
		// A value ends here; in an object, a key comes next.
		if top := stack[len(stack)-1]; top.keys != nil {
			top.expectKey = true
		}
	}
}

// keyStart finds the opening quote of the key whose token begins after
// offset: only whitespace and a comma can come between.
func keyStart(data []byte, offset int64) int64 {
	for offset < int64(len(data)) && data[offset] != '"' {
		offset++
	}
	return offset
}

// position renders a byte offset in data as line:column, both from 1,
// with the column counted in bytes.
func position(data []byte, offset int64) string {
	line := 1 + bytes.Count(data[:offset], []byte("\n"))
	col := offset - int64(bytes.LastIndexByte(data[:offset], '\n'))
	return fmt.Sprintf("line %d, column %d", line, col)
}

var jsonFieldNames = func() map[string]bool {
	names := map[string]bool{}
	t := reflect.TypeFor[Config]()
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		names[name] = true
	}
	return names
}()

// LoadConfig reads and decodes the JSON policy file at path (see ParseConfig).
func LoadConfig(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("corsa: %w", err)
	}
	c, err := ParseConfig(data)
	if err != nil {
		return Config{}, fmt.Errorf("%w (in %s)", err, path)
	}
	return c, nil
}
