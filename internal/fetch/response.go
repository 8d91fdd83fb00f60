package fetch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
)

// Response is a response as a browser parsed it: its status and its
// header fields in order, names as sent.
type Response struct {
	Status int
	Fields []Field
}

// Field is one header line of a response.
type Field struct {
	Name, Value string
}

// Values returns the values of every field named name, compared
// case-insensitively, in order.
func (r *Response) Values(name string) []string {
	var out []string
	for _, f := range r.Fields {
		if strings.EqualFold(f.Name, name) {
			out = append(out, f.Value)
		}
	}
	return out
}

// Get is Fetch's "get": every value of name joined with ", ", and whether
// there was one.
func (r *Response) Get(name string) (string, bool) {
	v := r.Values(name)
	return strings.Join(v, ", "), len(v) > 0
}

// Header returns the fields as an http.Header.
func (r *Response) Header() http.Header {
	h := http.Header{}
	for _, f := range r.Fields {
		h[textproto.CanonicalMIMEHeaderKey(f.Name)] = append(h[textproto.CanonicalMIMEHeaderKey(f.Name)], f.Value)
	}
	return h
}

// FromHTTP is resp as a browser saw it, for responses net/http's client
// read. Go's reading differs from a browser's in corner cases (see
// ReadResponse): use ReadResponse on the raw bytes where they matter.
func FromHTTP(status int, h http.Header) *Response {
	r := &Response{Status: status}
	for name, values := range h {
		for _, v := range values {
			r.Fields = append(r.Fields, Field{name, v})
		}
	}
	return r
}

// maxHead bounds the response head ReadResponse reads: a browser gives up
// on larger ones too (Chromium at 256 KB).
const maxHead = 256 << 10

// ReadResponse reads a response's status line and header block from br
// as Chromium parses them, which is not as net/http's client does: a
// field name keeps no space before its colon ("Access-Control-Allow-Origin
// : x" is that header, where Go files it under another name); a line
// whose name is not a token ("X(A)"), without a colon, or with an empty
// name is skipped, where Go fails the whole response; Transfer-Encoding
// stays among the fields; a line starting with a space or tab continues
// the previous value. It reads nothing of the body.
func ReadResponse(br *bufio.Reader) (*Response, error) {
	line, err := readLine(br)
	if err != nil {
		return nil, fmt.Errorf("reading the status line: %w", err)
	}
	proto, rest, _ := strings.Cut(line, " ")
	code, _, _ := strings.Cut(rest, " ")
	if !strings.HasPrefix(proto, "HTTP/") || len(code) != 3 {
		return nil, fmt.Errorf("malformed status line %q", line)
	}
	status, err := strconv.Atoi(code)
	if err != nil || status < 100 {
		return nil, fmt.Errorf("malformed status line %q", line)
	}
	r := &Response{Status: status}
	size := len(line)
	for {
		line, err := readLine(br)
		if err != nil {
			return nil, fmt.Errorf("reading the header: %w", err)
		}
		if line == "" {
			return r, nil
		}
		if size += len(line); size > maxHead {
			return nil, errors.New("response header too large")
		}
		if line[0] == ' ' || line[0] == '\t' {
			if n := len(r.Fields); n > 0 {
				r.Fields[n-1].Value = strings.TrimRight(r.Fields[n-1].Value+" "+trimLWS(line), " \t")
			}
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if name = strings.TrimRight(name, " \t"); !ok || name == "" || !isToken(name) {
			continue
		}
		r.Fields = append(r.Fields, Field{name, trimLWS(value)})
	}
}

// readLine reads one line, without its CRLF or LF.
func readLine(br *bufio.Reader) (string, error) {
	line, err := br.ReadString('\n')
	if err != nil {
		if errors.Is(err, io.EOF) && line != "" {
			return strings.TrimRight(line, "\r"), nil
		}
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func trimLWS(s string) string { return strings.Trim(s, " \t") }
