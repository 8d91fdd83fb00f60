package suite

import (
	"errors"
	"fmt"
	"net"
	"net/http"

	"github.com/valyala/fasthttp"
)

// Listen serves the server's framework stack over HTTP on ln, for end-to-end
// measurements, until the returned stop is called. Its handler records
// that it ran in a variable shared by every request, so a client must
// send one request at a time, on one connection.
func (s *Server) Listen(ln net.Listener) (stop func() error, err error) {
	switch t := s.t.(type) {
	case *httpTarget:
		srv := &http.Server{Handler: t.handler}
		done := make(chan error, 1)
		go func() { done <- srv.Serve(ln) }()
		return func() error {
			err := srv.Close()
			if serr := <-done; !errors.Is(serr, http.ErrServerClosed) {
				return serr
			}
			return err
		}, nil
	case *fastTarget:
		srv := &fasthttp.Server{Handler: t.handler}
		done := make(chan error, 1)
		go func() { done <- srv.Serve(ln) }()
		return func() error {
			err := srv.Shutdown()
			if serr := <-done; serr != nil {
				return serr
			}
			return err
		}, nil
	}
	return nil, fmt.Errorf("suite: no HTTP server for %T", s.t)
}
