package demo

import (
	"flag"
	"fmt"
	"io"
	"net"
	"strings"

	"github.com/corsa-go/corsa"
)

// Default addresses of the two servers.
const (
	DefaultAPI  = "127.0.0.1:8080"
	DefaultPage = "127.0.0.1:8081"
)

// Demo is a demo in progress: both addresses listened on, the page served,
// the API waiting for Run or Serve.
type Demo struct {
	// Policy is the CORS policy the API must serve: the -policy file, or
	// DefaultPolicy for the page's origin. Each example installs it with
	// its adapter's From.
	Policy *corsa.Policy
	// APIOrigin and PageOrigin are the origins of the two servers, as a
	// browser spells them.
	APIOrigin, PageOrigin string
	// PolicySource says where Policy came from, for the start-up message.
	PolicySource string

	name      string // the example's name, for messages and the page
	api, page net.Listener
	out       io.Writer
}

// Setup parses the command line (flags -api, -page and -policy), listens
// on both addresses and loads and checks the policy. Ports may be 0, for any free
// port: the page's origin, and so the built-in policy, use the port
// actually listened on. Only loopback addresses are accepted, since the
// demo has no business on a network. Messages go to out.
func Setup(name string, args []string, out io.Writer) (*Demo, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	apiAddr := fs.String("api", DefaultAPI, "`address` the API listens on (loopback only)")
	pageAddr := fs.String("page", DefaultPage, "`address` the page listens on (loopback only)")
	policyFile := fs.String("policy", "", "CORS policy `file` (JSON) instead of the built-in policy allowing the page's origin")
	fs.Usage = func() {
		fmt.Fprintf(out, "usage: go run ./examples/%s [-api %s] [-page %s] [-policy file.json]\n", name, DefaultAPI, DefaultPage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments %q", fs.Args())
	}

	d := &Demo{name: name, out: out}
	var err error
	if d.api, d.APIOrigin, err = listen("-api", *apiAddr); err != nil {
		return nil, err
	}
	if d.page, d.PageOrigin, err = listen("-page", *pageAddr); err != nil {
		d.api.Close()
		return nil, err
	}
	if err := d.loadPolicy(*policyFile); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

// loadPolicy builds the policy from file, or the built-in one when file
// is empty, so that a broken policy file is reported with every problem
// before anything is served. corsa.New logs the policy's warnings.
func (d *Demo) loadPolicy(file string) error {
	cfg := DefaultPolicy(d.PageOrigin)
	d.PolicySource = "built-in, allowing " + d.PageOrigin
	if file != "" {
		var err error
		if cfg, err = corsa.LoadConfig(file); err != nil {
			return err
		}
		d.PolicySource = file
	}
	p, err := corsa.New(cfg)
	if err != nil {
		return fmt.Errorf("policy %s:\n%w", d.PolicySource, err)
	}
	d.Policy = p
	return nil
}

// listen listens on addr, a loopback host and a port, and returns the
// listener and the origin a browser uses for it: the host as written (a
// page opened as localhost sends Origin: http://localhost:...), with the
// port listened on.
func listen(flagName, addr string) (net.Listener, string, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, "", fmt.Errorf("%s %q: %w", flagName, addr, err)
	}
	if !isLoopback(host) {
		return nil, "", fmt.Errorf("%s %q: the demo only listens on the loopback interface (127.0.0.1, ::1 or localhost)", flagName, addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", flagName, err)
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return ln, "http://" + net.JoinHostPort(host, port), nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Close releases both addresses without serving anything; Run does it
// itself when it returns.
func (d *Demo) Close() {
	d.api.Close()
	d.page.Close()
}
