package browser

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/corsa-go/corsa/internal/fetch"
)

// rawServer answers each request with exactly the bytes its answer func
// returns, then closes the connection: responses no HTTP library writes,
// written verbatim, on 127.0.0.1. It logs every request with the
// response as the checker reads it (fetch.ReadResponse), for a replay,
// and the request's whole header, for the scenarios to inspect.
type rawServer struct {
	ln     net.Listener
	answer func(r *http.Request) string

	mu  sync.Mutex
	log []rawExchange
	wg  sync.WaitGroup
}

// rawExchange is one request the raw server received and its answer.
type rawExchange struct {
	wire
	header http.Header
}

// startRaw serves answer on a new 127.0.0.1 listener until close.
func startRaw(answer func(r *http.Request) string) (*rawServer, int, error) {
	ln, port, err := listen()
	if err != nil {
		return nil, 0, err
	}
	s := &rawServer{ln: ln, answer: answer}
	s.wg.Add(1)
	go s.serve()
	return s, port, nil
}

func (s *rawServer) serve() {
	defer s.wg.Done()
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.handle(conn)
		}()
	}
}

// handle reads one request from conn and writes its answer.
func (s *rawServer) handle(conn net.Conn) {
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(shutdownTimeout)); err != nil {
		return
	}
	r, err := http.ReadRequest(bufio.NewReader(conn))
	if err != nil {
		return // a connection Chromium opened ahead and never used
	}
	if _, err := io.Copy(io.Discard, r.Body); err != nil {
		return
	}
	raw := s.answer(r)
	resp, err := fetch.ReadResponse(bufio.NewReader(strings.NewReader(raw)))
	if err != nil {
		panic("an answer that does not parse: " + err.Error()) // the scenarios' own bytes
	}
	s.mu.Lock()
	s.log = append(s.log, rawExchange{
		wire: wire{
			method: r.Method, uri: r.URL.RequestURI(), host: r.Host, origin: r.Header.Get("Origin"),
			acrm: r.Header.Get("Access-Control-Request-Method"), acrh: r.Header.Get("Access-Control-Request-Headers"),
			site: r.Header.Get("Sec-Fetch-Site"), resp: resp,
		},
		header: r.Header.Clone(),
	})
	s.mu.Unlock()
	io.WriteString(conn, raw)
}

// mark returns a position in the log.
func (s *rawServer) mark() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.log)
}

// since returns the exchanges after mark for a scenario's key (its URIs'
// query "s"), and those before mark, as a replay takes them.
func (s *rawServer) since(mark int, key string) (sent []rawExchange, earlier []wire) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, x := range s.log {
		u, err := url.Parse(x.uri)
		switch {
		case err != nil || u.Query().Get("s") != key:
		case i < mark:
			earlier = append(earlier, x.wire)
		default:
			sent = append(sent, x)
		}
	}
	return sent, earlier
}

// close stops the server and waits for its connections to end.
func (s *rawServer) close() error {
	err := s.ln.Close()
	s.wg.Wait()
	if errors.Is(err, net.ErrClosed) {
		return nil
	}
	return err
}
