package conformance

import (
	"fmt"
	"strings"

	"github.com/corsa-go/corsa"
)

// headerCases: SPEC.md §2 (Access-Control-Allow-Headers) and §4 (parsing
// Access-Control-Request-Headers).
func headerCases() []Case {
	ok := allowPreflight(hs{acao: app, acam: basicMethods, acah: basicHeaders})
	star, starAuthorization := []string{"*"}, []string{"*", "Authorization"}
	cs := []Case{
		{
			Name:    "a preflight with no Access-Control-Request-Headers gets no Access-Control-Allow-Headers",
			Spec:    "§2",
			Tier:    TierCorsa,
			Policy:  basic(),
			Request: preflight(app, "PUT"),
			Want:    allowPreflight(hs{acao: app, acam: basicMethods}),
		},
		{
			Name:    "a preflight with an empty Access-Control-Request-Headers lists no header and is allowed",
			Spec:    "§4",
			Policy:  basic(),
			Request: preflightH(""),
			Want:    allowPreflight(hs{acao: app, acam: basicMethods}),
		},
		{
			Name:    "a preflight whose Access-Control-Request-Headers has only empty elements lists no header",
			Spec:    "§4",
			Policy:  basic(),
			Request: preflightH(" , ,"),
			Want:    allowPreflight(hs{acao: app, acam: basicMethods}),
		},
		// A PUT policy for app with request headers of its own: each
		// preflight asks for the header list of its case.
		put("a policy without request headers allows a preflight listing none", "§4", nil, "", ""),
		putRefused("a policy without request headers refuses a preflight listing one", "§2", nil, "x-request-id"),
		putRefused("content-type gets no special case: a policy allowing no request header refuses it", "§4", []string{}, "content-type"),
		corsaTier(put("a policy leaving request headers unset allows Content-Type, as every peer does", "§2", nil, "content-type", "Content-Type")),
		corsaTier(put("request headers are answered in configured spelling, not the request's", "§2",
			[]string{"x-request-id", "X-Trace"}, "X-Request-Id", "x-request-id, X-Trace")),
		put("a listed Authorization allows it by name", "§2", []string{"Authorization"}, "authorization", "Authorization"),

		// The header wildcard and the Authorization exception.
		put("a header wildcard allows any valid name and answers *", "§2", star, "x-anything", "*"),
		put("a header wildcard allows several names at once", "§2", star, "content-type,x-a,x-b", "*"),
		put("a header wildcard allows twenty names a browser might list", "§4", star,
			names("x-a", 10, ",")+","+names("x-b", 10, ","), "*"), // sorted, as browsers send them
		putRefused("a header wildcard does not cover authorization", "§2", star, "authorization"),
		putRefused("a header wildcard does not cover Authorization in any case", "§2", star, "AUTHORIZATION"),
		putRefused("a header wildcard does not cover authorization listed among other names", "§2", star, "authorization,content-type,x-a"),
		put("a header wildcard with Authorization listed allows authorization and answers *, Authorization", "§2",
			starAuthorization, "authorization", "*, Authorization"),
		put("a header wildcard with Authorization listed allows it among other names", "§2",
			starAuthorization, "authorization,x-a", "*, Authorization"),
		putRefused("a header wildcard does not allow an invalid name", "§4", star, "x-a,x(b)"),
		putRefused("a header wildcard refuses a name with a space inside", "§4", star, "x-a x-b"),

		// Header lines split by proxies (§4).
		{
			Name:    "request headers split over two lines are all allowed",
			Spec:    "§4",
			Policy:  basic(),
			Request: preflight(app, "PUT", acrh, "content-type", acrh, "x-request-id"),
			Want:    ok,
			Needs:   needsRepeatedLines,
		},
		{
			Name:    "request headers split over lines with trailing and leading commas are allowed",
			Spec:    "§4",
			Policy:  basic(),
			Request: preflight(app, "PUT", acrh, "content-type,", acrh, ",x-request-id"),
			Want:    ok,
			Needs:   needsRepeatedLines,
		},
		{
			Name:    "an empty second Access-Control-Request-Headers line is tolerated",
			Spec:    "§4",
			Policy:  basic(),
			Request: preflight(app, "PUT", acrh, "content-type", acrh, ""),
			Want:    ok,
			Needs:   needsRepeatedLines,
		},
		{
			Name:    "a refused name on a second Access-Control-Request-Headers line refuses the preflight",
			Spec:    "§4",
			Policy:  basic(),
			Request: preflight(app, "PUT", acrh, "content-type", acrh, "x-evil"),
			Want:    refusePreflight(),
			Needs:   needsRepeatedLines,
		},
		{
			Name:    "a refused name on the first of several Access-Control-Request-Headers lines refuses the preflight",
			Spec:    "§4",
			Policy:  basic(),
			Request: preflight(app, "PUT", acrh, "x-evil", acrh, "content-type"),
			Want:    refusePreflight(),
			Needs:   needsRepeatedLines,
		},
		{
			Name:    "authorization on a second line is not covered by a header wildcard",
			Spec:    "§4",
			Policy:  headers(methods(only(app), "PUT"), "*"),
			Request: preflight(app, "PUT", acrh, "x-a", acrh, "authorization"),
			Want:    refusePreflight(),
			Needs:   needsRepeatedLines,
		},
		{
			Name:    "an invalid name on a second line refuses the preflight",
			Spec:    "§4",
			Policy:  basic(),
			Request: preflight(app, "PUT", acrh, "content-type", acrh, "x-request-id x"),
			Want:    refusePreflight(),
			Needs:   needsRepeatedLines,
		},

		// Hostile lists (§4): refused, quickly.
		{
			Name:    "a megabyte of commas is refused",
			Spec:    "§4",
			Policy:  basic(),
			Request: preflightH(strings.Repeat(",", 1<<20)),
			Want:    refusePreflight(),
		},
		{
			Name:    "a megabyte of commas is refused by a header wildcard too",
			Spec:    "§4",
			Policy:  headers(methods(only(app), "PUT"), "*"),
			Request: preflightH(strings.Repeat(",", 1<<20)),
			Want:    refusePreflight(),
		},
		{
			Name:    "a megabyte of commas around an allowed name is refused",
			Spec:    "§4",
			Policy:  basic(),
			Request: preflightH(strings.Repeat(",", 1<<19) + "content-type" + strings.Repeat(",", 1<<19)),
			Want:    refusePreflight(),
		},
		{
			Name:    "a megabyte of spaces and commas is refused",
			Spec:    "§4",
			Policy:  basic(),
			Request: preflightH(strings.Repeat(" ,", 1<<19)),
			Want:    refusePreflight(),
		},
		{
			Name:    "ten thousand distinct names are refused by a header wildcard",
			Spec:    "§4",
			Policy:  headers(methods(only(app), "PUT"), "*"),
			Request: preflightH(names("x-h", 10000, ",")),
			Want:    refusePreflight(),
		},
		{
			Name:    "ten thousand copies of an allowed name are refused",
			Spec:    "§4",
			Policy:  basic(),
			Request: preflightH(strings.TrimSuffix(strings.Repeat("content-type,", 10000), ",")),
			Want:    refusePreflight(),
		},
		{
			Name:    "an allowed name on ten thousand header lines is refused",
			Spec:    "§4",
			Policy:  basic(),
			Request: preflightLines(app, "PUT", 10000, "content-type"),
			Want:    refusePreflight(),
			Needs:   needsRepeatedLines,
		},
		{
			Name:    "a single name of a hundred kilobytes is refused by a header wildcard",
			Spec:    "§4",
			Policy:  headers(methods(only(app), "PUT"), "*"),
			Request: preflightH("x-" + strings.Repeat("a", 100<<10)),
			Want:    refusePreflight(),
		},
	}

	// Spelling variants of an allowed list (§4): all allowed, with the
	// policy's own spelling in the answer.
	for _, v := range []struct{ what, list string }{
		{"the browser's lower-case sorted form", "content-type,x-request-id"},
		{"one name", "x-request-id"},
		{"mixed case", "Content-Type,X-Request-ID"},
		{"upper case", "CONTENT-TYPE"},
		{"a space after the comma", "content-type, x-request-id"},
		{"spaces around the comma", "content-type , x-request-id"},
		{"leading and trailing spaces", "  content-type,x-request-id  "},
		{"tabs around the comma", "content-type\t,\tx-request-id"},
		{"an empty element in the middle", "content-type,,x-request-id"},
		{"a leading empty element", ",content-type"},
		{"a trailing empty element", "x-request-id,"},
		{"empty elements with spaces", " , content-type , , x-request-id , "},
		{"the names in another order", "x-request-id,content-type"},
		{"a name twice", "content-type,content-type"},
	} {
		cs = append(cs, Case{
			Name:    fmt.Sprintf("request headers in %s are allowed", v.what),
			Spec:    "§4",
			Policy:  basic(),
			Request: preflightH(v.list),
			Want:    ok,
		})
	}

	// Lists naming something not allowed, or not a token (§4).
	for _, v := range []struct{ what, list string }{
		{"an unlisted name", "x-other"},
		{"an unlisted name after allowed ones", "content-type,x-request-id,x-other"},
		{"a longer name sharing a listed prefix", "x-request-id-2"},
		{"a prefix of a listed name", "x-request"},
		{"two names separated by a space only", "content-type x-request-id"},
		{"two names separated by a semicolon", "content-type;x-request-id"},
		{"a name with parentheses", "x-request(id)"},
		{"a name with @", "x@request-id"},
		{"a name with a slash", "x/request-id"},
		{"a name with a colon", "x-request-id:"},
		{"a quoted name", `"x-request-id"`},
		{"a name with braces", "x{request}id"},
		{"a name with a non-ASCII letter", "x-requést-id"},
		{"a name with an equals sign", "x-request-id=1"},
		{"a forbidden header name", "cookie"},
	} {
		cs = append(cs, Case{
			Name:    fmt.Sprintf("request headers with %s are refused", v.what),
			Spec:    "§4",
			Policy:  basic(),
			Request: preflightH(v.list),
			Want:    refusePreflight(),
		})
	}
	return cs
}

// names returns n names prefix0, prefix1... joined by sep.
func names(prefix string, n int, sep string) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(sep)
		}
		fmt.Fprintf(&b, "%s%d", prefix, i)
	}
	return b.String()
}

// preflightLines is a preflight sending name on n Access-Control-Request-Headers lines.
func preflightLines(o, m string, n int, name string) Request {
	r := preflight(o, m)
	for range n {
		r.Header = append(r.Header, [2]string{acrh, name})
	}
	return r
}

// putPolicy is a PUT policy for app with request headers names, or with
// request headers unset when names is nil.
func putPolicy(names []string) corsa.Config {
	if names == nil {
		return methods(only(app), "PUT")
	}
	return headers(methods(only(app), "PUT"), names...)
}

// put is a case whose preflight for PUT, asking for the header list
// list, putPolicy(names) allows, with Access-Control-Allow-Headers
// allowed (none when "").
func put(name, spec string, names []string, list, allowed string) Case {
	h := hs{acao: app, acam: "PUT"}
	if allowed != "" {
		h[acah] = allowed
	}
	return Case{Name: name, Spec: spec, Policy: putPolicy(names), Request: preflightH(list), Want: allowPreflight(h)}
}

// putRefused is a case whose preflight for PUT, asking for the header
// list list, putPolicy(names) refuses.
func putRefused(name, spec string, names []string, list string) Case {
	return Case{Name: name, Spec: spec, Policy: putPolicy(names), Request: preflightH(list), Want: refusePreflight()}
}

// corsaTier is c in TierCorsa: it checks corsa's own choice.
func corsaTier(c Case) Case { c.Tier = TierCorsa; return c }
