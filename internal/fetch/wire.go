package fetch

import (
	"bufio"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"sort"
	"strings"
	"time"
)

// Wire is a Transport that sends each request over its own connection,
// as HTTP/1.1 bytes written by hand, and reads the response head with
// ReadResponse, as a browser parses it rather than as net/http's client
// does. https URLs go over TLS with tlsConfig (nil: the system's roots).
// Nothing of the body is read.
func Wire(timeout time.Duration, tlsConfig *tls.Config) Transport {
	return func(r *http.Request) (*Response, error) {
		host := r.URL.Host
		if r.URL.Port() == "" {
			if r.URL.Scheme == "https" {
				host = net.JoinHostPort(r.URL.Hostname(), "443")
			} else {
				host = net.JoinHostPort(r.URL.Hostname(), "80")
			}
		}
		d := net.Dialer{Timeout: timeout}
		var conn net.Conn
		var err error
		switch r.URL.Scheme {
		case "http":
			conn, err = d.Dial("tcp", host)
		case "https":
			cfg := tlsConfig
			if cfg == nil {
				cfg = &tls.Config{}
			}
			conn, err = tls.DialWithDialer(&d, "tcp", host, cfg)
		default:
			return nil, fmt.Errorf("cannot fetch %s: only http and https", r.URL)
		}
		if err != nil {
			return nil, err
		}
		defer conn.Close()
		if err := conn.SetDeadline(time.Now().Add(timeout)); err != nil {
			return nil, err
		}
		raw, err := requestBytes(r)
		if err != nil {
			return nil, err
		}
		if _, err := conn.Write(raw); err != nil {
			return nil, err
		}
		return ReadResponse(bufio.NewReader(conn))
	}
}

// requestBytes writes r as a browser would put it on the wire, with an
// empty body: the request line, Host, r's headers sorted by name, and the
// Content-Length a body method sends. A line break in a header is refused,
// as a browser refuses it.
func requestBytes(r *http.Request) ([]byte, error) {
	var b strings.Builder
	target := r.URL.RequestURI()
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: %s\r\n", r.Method, target, r.URL.Host)
	names := make([]string, 0, len(r.Header))
	for name := range r.Header {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		for _, v := range r.Header[name] {
			if strings.ContainsAny(name+v, "\r\n") {
				return nil, fmt.Errorf("header %q holds a line break", name)
			}
			fmt.Fprintf(&b, "%s: %s\r\n", name, v)
		}
	}
	switch r.Method {
	case "GET", "HEAD", "OPTIONS":
	default:
		b.WriteString("Content-Length: 0\r\n")
	}
	b.WriteString("Connection: close\r\n\r\n")
	return []byte(b.String()), nil
}
