package corsa

import "strings"

// foreignKeys maps the settings of other Go CORS libraries, as they appear
// in configuration copied from them, to the policy field that does the
// same job. Keys are normalized (see normalizeKey), so that AllowedOrigins,
// allowedOrigins and allowed_origins all match. Settings with no field
// of their own are in foreignHints.
var foreignKeys = map[string]string{
	// rs/cors and go-chi/cors: Options.
	"allowedorigins":       "origins",
	"allowedmethods":       "methods",
	"allowedheaders":       "requestHeaders",
	"exposedheaders":       "exposedHeaders",
	"allowcredentials":     "credentials",
	"maxage":               "maxAge",
	"allowprivatenetwork":  "privateNetwork",
	"optionssuccessstatus": "preflightStatus",
	// gin-contrib/cors, echo's CORSConfig and fiber's cors.Config.
	"alloworigins":  "origins",
	"allowmethods":  "methods",
	"allowheaders":  "requestHeaders",
	"exposeheaders": "exposedHeaders",
	// Frequent shorter spellings.
	"origin":               "origins",
	"alloworigin":          "origins",
	"allowedorigin":        "origins",
	"headers":              "requestHeaders",
	"allownullorigin":      "dangerouslyAllowNullOrigin",
	"allowinsecureorigins": "dangerouslyAllowInsecureOrigins",
}

// foreignHints answers the settings of other libraries that have no
// policy field, saying what corsa does instead.
var foreignHints = map[string]string{
	// gin-contrib/cors
	"allowallorigins": `corsa has no such switch: write "origins": ["*"]`,
	"allowwildcard":   `corsa needs no switch for wildcards: list patterns such as "https://*.example.com" in "origins"`,
	// rs/cors, go-chi/cors, gin-contrib/cors, echo, fiber
	"alloworiginfunc":            originFuncHint,
	"alloworiginrequestfunc":     originFuncHint,
	"alloworiginvaryrequestfunc": originFuncHint,
	"alloworiginsfunc":           originFuncHint,
	// rs/cors, go-chi/cors
	"optionspassthrough": "corsa always answers preflights itself and never passes them on",
	// echo
	"unsafewildcardoriginwithallowcredentials": `corsa never combines "*" with credentials: list the origins in "origins"`,
}

// originFuncHint points other libraries' origin functions at
// Config.OriginFunc, which is Go only: a func has no JSON form.
const originFuncHint = `an origin function is set in Go, as corsa.Config.OriginFunc, not in the policy file: list the origins, or patterns such as "https://*.example.com", in "origins"`

// suggest returns the policy field that key most likely means, or else a
// hint about a setting with no field, or neither.
func suggest(key string) (field, hint string) {
	norm := normalizeKey(key)
	if f, ok := foreignKeys[norm]; ok {
		return f, ""
	}
	if h, ok := foreignHints[norm]; ok {
		return "", h
	}
	best, bestDist := "", 0
	for name := range jsonFieldNames {
		d := editDistance(norm, strings.ToLower(name))
		if d <= maxTypos(name) && (best == "" || d < bestDist || d == bestDist && name < best) {
			best, bestDist = name, d
		}
	}
	return best, ""
}

// maxTypos is how far a key may be from a field's name and still be taken
// for a misspelling of it: one slip in a short name, two in a longer one,
// three in the long opt-ins.
func maxTypos(name string) int {
	switch {
	case len(name) < 8:
		return 1
	case len(name) < 20:
		return 2
	}
	return 3
}

// normalizeKey folds case and drops the separators of snake_case and
// kebab-case.
func normalizeKey(key string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '_', '-', ' ', '.':
			return -1
		}
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, key)
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
