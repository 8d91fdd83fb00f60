package corsa_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
)

// acrhListed allows three request headers by name; acrhAny allows any.
var (
	acrhListed = corsa.Config{Origins: []string{appOrigin}, Methods: []string{"PUT"}, RequestHeaders: []string{"Content-Type", "X-Request-Id", "X-Trace"}}
	acrhAny    = corsa.Config{Origins: []string{appOrigin}, Methods: []string{"PUT"}, RequestHeaders: []string{"*"}}
)

// acrhPreflight is a preflight from appOrigin for PUT carrying lines as its
// Access-Control-Request-Headers lines, set directly so that each line
// stays as given.
func acrhPreflight(lines ...string) corsa.Request {
	r, _ := http.NewRequest("OPTIONS", "http://api.example.test/", nil)
	r.Header["Origin"] = []string{appOrigin}
	r.Header["Access-Control-Request-Method"] = []string{"PUT"}
	if lines != nil {
		r.Header["Access-Control-Request-Headers"] = lines
	}
	var req corsa.Request
	req.ReadHTTP(r)
	return req
}

// repeatList returns n names made by name(i), joined with sep.
func repeatList(n int, sep string, name func(i int) string) string {
	names := make([]string, n)
	for i := range names {
		names[i] = name(i)
	}
	return strings.Join(names, sep)
}

// sixteenLines is n Access-Control-Request-Headers lines of one name each.
func sixteenLines(n int) []string {
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf("x-l%02d", i)
	}
	return lines
}

func TestRequestHeadersParsing(t *testing.T) {
	tests := []struct {
		name   string
		cfg    corsa.Config
		lines  []string
		reason corsa.Reason
	}{
		{"the browser form is allowed", acrhListed, []string{"content-type,x-request-id"}, corsa.Allowed},
		{"the browser form naming every allowed header is allowed", acrhListed, []string{"content-type,x-request-id,x-trace"}, corsa.Allowed},
		{"a single name is allowed", acrhListed, []string{"x-trace"}, corsa.Allowed},
		{"upper case is allowed", acrhListed, []string{"CONTENT-TYPE,X-REQUEST-ID"}, corsa.Allowed},
		{"mixed case is allowed", acrhListed, []string{"Content-Type,x-Request-ID"}, corsa.Allowed},
		{"spaces around commas are allowed", acrhListed, []string{"content-type , x-request-id ,x-trace"}, corsa.Allowed},
		{"tabs around commas are allowed", acrhListed, []string{"content-type\t,\tx-request-id"}, corsa.Allowed},
		{"leading and trailing whitespace is allowed", acrhListed, []string{" \tcontent-type\t "}, corsa.Allowed},
		{"an empty element in the middle is allowed", acrhListed, []string{"content-type,,x-request-id"}, corsa.Allowed},
		{"empty elements at both ends are allowed", acrhListed, []string{",content-type,"}, corsa.Allowed},
		{"blank elements are allowed", acrhListed, []string{"content-type, ,\t,x-trace"}, corsa.Allowed},
		{"a list split over two lines is allowed", acrhListed, []string{"content-type", "x-request-id"}, corsa.Allowed},
		{"a list split over three lines with spaces is allowed", acrhListed, []string{"content-type, x-trace", " X-Request-Id", "x-trace"}, corsa.Allowed},
		{"a duplicate name is allowed", acrhListed, []string{"content-type,content-type"}, corsa.Allowed},
		{"a duplicate name in another case is allowed", acrhListed, []string{"content-type,CONTENT-TYPE,Content-Type"}, corsa.Allowed},
		{"names out of order are allowed", acrhListed, []string{"x-trace,content-type,x-request-id"}, corsa.Allowed},
		{"an unlisted name is refused", acrhListed, []string{"x-other"}, corsa.HeadersNotAllowed},
		{"an unlisted name among listed ones is refused", acrhListed, []string{"content-type,x-other,x-trace"}, corsa.HeadersNotAllowed},
		{"an unlisted name on a later line is refused", acrhListed, []string{"content-type", "x-other"}, corsa.HeadersNotAllowed},
		{"a name that only prefixes a listed one is refused", acrhListed, []string{"x-request"}, corsa.HeadersNotAllowed},
		{"a name that a listed one prefixes is refused", acrhListed, []string{"x-request-id-2"}, corsa.HeadersNotAllowed},
		{"content-type is checked like any other name", corsa.Config{Origins: []string{appOrigin}, Methods: []string{"PUT"}, RequestHeaders: []string{}}, []string{"content-type"}, corsa.HeadersNotAllowed},
		{"authorization is refused when not listed", acrhListed, []string{"authorization"}, corsa.HeadersNotAllowed},
		{"a space inside a name is refused", acrhListed, []string{"content type"}, corsa.Malformed},
		{"a semicolon is refused", acrhListed, []string{"content-type;x-trace"}, corsa.Malformed},
		{"a colon is refused", acrhListed, []string{"x-trace:"}, corsa.Malformed},
		{"a non-ASCII name is refused", acrhListed, []string{"x-trac\u00e9"}, corsa.Malformed},
		{"a separator inside a list is refused", acrhListed, []string{"content-type,(x-trace)"}, corsa.Malformed},
		{"a control byte is refused", acrhListed, []string{"x-trace\x00"}, corsa.Malformed},
		{"any valid name is allowed by *", acrhAny, []string{"x-anything,content-type, X-Other"}, corsa.Allowed},
		{"a list split over lines is allowed by *", acrhAny, []string{"x-a", "x-b ,x-c"}, corsa.Allowed},
		{"a browser list of 50 names is allowed by *", acrhAny, []string{repeatList(50, ",", func(i int) string { return fmt.Sprintf("x-h%02d", i) })}, corsa.Allowed},
		{"an invalid name is refused by *", acrhAny, []string{"x-a,x b"}, corsa.Malformed},
		{"authorization is refused by *", acrhAny, []string{"x-a,Authorization"}, corsa.HeadersNotAllowed},
		// The bound on lines is 16 (SPEC.md §4): the 16th line is read, a
		// 17th makes the list malformed, whatever the lines hold.
		{"a list split over 16 lines is allowed", acrhAny, sixteenLines(16), corsa.Allowed},
		{"a list split over 17 lines is refused unread", acrhAny, sixteenLines(17), corsa.Malformed},
		{"17 empty lines are refused unread", acrhListed, make([]string, 17), corsa.Malformed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := mustPolicy(t, tc.cfg)
			req := acrhPreflight(tc.lines...)
			d := corsa.Decide(p, &req)
			if !d.Preflight() || d.Reason() != tc.reason {
				t.Errorf("Decide(%q) = preflight %v, %v; want a preflight, %v", tc.lines, d.Preflight(), d.Reason(), tc.reason)
			}
			wantStatus := 204
			if tc.reason != corsa.Allowed {
				wantStatus = 403
			}
			if d.Status() != wantStatus {
				t.Errorf("Status() = %d, want %d", d.Status(), wantStatus)
			}
		})
	}
}

// hostileLists are Access-Control-Request-Headers values no browser sends,
// built to make a parser work in proportion to their size.
func hostileLists() []struct {
	name  string
	lines []string
} {
	tenThousandLines := make([]string, 10000)
	for i := range tenThousandLines {
		tenThousandLines[i] = "content-type"
	}
	// Empty lines add no length, so only a bound on the number of lines
	// keeps them from costing time in proportion to their count.
	tenThousandEmptyLines := make([]string, 10000)
	return []struct {
		name  string
		lines []string
	}{
		{"a megabyte of commas", []string{strings.Repeat(",", 1<<20)}},
		{"a megabyte of spaces", []string{strings.Repeat(" ", 1<<20)}},
		{"a megabyte of comma-space", []string{strings.Repeat(", ", 1<<19)}},
		{"10,000 distinct names", []string{repeatList(10000, ",", func(i int) string { return fmt.Sprintf("x-h%d", i) })}},
		{"10,000 copies of an allowed name", []string{repeatList(10000, ",", func(int) string { return "content-type" })}},
		{"10,000 lines of an allowed name", tenThousandLines},
		{"10,000 empty lines", tenThousandEmptyLines},
		{"a megabyte-long name", []string{"x-" + strings.Repeat("a", 1<<20)}},
	}
}

func TestHostileRequestHeadersAreRefusedWithoutAllocating(t *testing.T) {
	for _, pol := range []struct {
		name string
		cfg  corsa.Config
	}{{"a listing policy", acrhListed}, {"an any-header policy", acrhAny}} {
		p := mustPolicy(t, pol.cfg)
		for _, tc := range hostileLists() {
			t.Run(pol.name+" refuses "+tc.name, func(t *testing.T) {
				req := acrhPreflight(tc.lines...)
				d := corsa.Decide(p, &req)
				if d.Reason() == corsa.Allowed || d.Status() != 403 {
					t.Fatalf("Decide = %v, status %d; want refused with 403", d.Reason(), d.Status())
				}
				if d.Reason() != corsa.Malformed && d.Reason() != corsa.HeadersNotAllowed {
					t.Errorf("Reason() = %v, want a request-header reason", d.Reason())
				}
				if allocs := testing.AllocsPerRun(20, func() { d = corsa.Decide(p, &req) }); allocs != 0 {
					t.Errorf("Decide allocated %v times per run, want 0", allocs)
				}
			})
		}
	}
}

func TestHostileRequestHeadersAnswer403ThroughTheHandler(t *testing.T) {
	for _, tc := range hostileLists() {
		t.Run("it answers 403 to "+tc.name, func(t *testing.T) {
			p := mustPolicy(t, acrhAny)
			ran := false
			h := p.Handler(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { ran = true }))
			r := newTestRequest(t, "OPTIONS", preflightFrom(appOrigin, "PUT", "")...)
			r.Header["Access-Control-Request-Headers"] = tc.lines
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			resp := rec.Result()
			if resp.StatusCode != 403 || ran {
				t.Errorf("status = %d, handler ran = %v; want 403 without the handler", resp.StatusCode, ran)
			}
			checkCORSHeaders(t, resp.Header, nil, varyPreflight)
		})
	}
}

// The cost of refusing a megabyte of commas must not grow with its size.
// Timing is compared as a ratio against a browser-form header on the same
// machine, with a margin far below the thousandfold a scan would cost. It
// needs a machine of its own, so it runs only with CORSA_TIMING=1; the
// refusals by length above show the bound without a clock.
func TestHostileRequestHeadersCostAboutAsMuchAsOrdinaryOnes(t *testing.T) {
	if os.Getenv("CORSA_TIMING") == "" {
		t.Skip("timing on a shared machine means nothing: set CORSA_TIMING=1 on an idle one")
	}
	p := mustPolicy(t, acrhAny)
	cost := func(lines ...string) float64 {
		req := acrhPreflight(lines...)
		res := testing.Benchmark(func(b *testing.B) {
			for b.Loop() {
				corsa.Decide(p, &req)
			}
		})
		return float64(res.T.Nanoseconds()) / float64(res.N)
	}
	ordinary := cost("content-type,x-request-id")
	hostile := cost(strings.Repeat(",", 1<<20))
	if hostile > 50*ordinary {
		t.Errorf("refusing a megabyte of commas costs %.0f ns, %.0f times a browser-form header (%.0f ns)", hostile, hostile/ordinary, ordinary)
	}
}
