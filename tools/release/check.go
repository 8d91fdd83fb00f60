package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// checker runs the go command as a user of the release would: outside the
// repository, GOWORK=off, the release's module proxy first and the usual
// proxy after it for the frameworks.
type checker struct {
	proxy    proxy
	upstream string // the usual GOPROXY, from go env
	work     string // scratch directory for modules and caches
	readme   string
	versions map[string]string // module path -> released version
}

// env is the environment of every go command the check runs. The
// checksum database cannot know corsa's unpublished versions, so corsa's
// modules (and only they) skip it.
func (c *checker) env(modcache string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "GOWORK", "GOFLAGS", "GOPROXY", "GONOSUMDB", "GOPRIVATE", "GONOPROXY", "GOMODCACHE", "GOINSECURE", "GOTOOLCHAIN":
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"GOWORK=off",
		// -trimpath keeps module cache paths out of the build cache's keys,
		// so that each fresh module cache reuses what was compiled before.
		"GOFLAGS=-mod=mod -trimpath",
		"GOPROXY="+c.proxy.url()+","+c.upstream,
		"GONOSUMDB="+repoPath,
		"GOMODCACHE="+modcache,
		"GOTOOLCHAIN=local",
	)
}

func (c *checker) goCmd(dir, modcache string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir, cmd.Env = dir, c.env(modcache)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("go %s (in %s): %v\n%s", strings.Join(args, " "), dir, err, out)
	}
	return string(out), nil
}

// checkModule unpacks a released module as its own main module and checks
// that its go.mod is complete (go mod tidy changes nothing: no requirement
// missing, none of a version the proxy lacks) and that it builds and vets.
func (c *checker) checkModule(m *module) error {
	dir := filepath.Join(c.work, "module-"+m.name())
	for _, f := range m.files {
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			return err
		}
	}
	cache := filepath.Join(c.work, "modcache")
	if _, err := c.goCmd(dir, cache, "mod", "tidy"); err != nil {
		return err
	}
	after, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return err
	}
	if !bytes.Equal(after, m.released) {
		return fmt.Errorf("%s@%s: go mod tidy changes the released go.mod, so users would resolve other requirements than the ones tested:\n--- released\n%s--- after go mod tidy\n%s",
			m.path, m.version, m.released, after)
	}
	if _, err := c.goCmd(dir, cache, "build", "./..."); err != nil {
		return err
	}
	_, err = c.goCmd(dir, cache, "vet", "./...")
	return err
}

// download is what a user's first build fetched into an empty module cache.
type download struct {
	names   []string // module@version of each zip downloaded
	modules int      // module zips downloaded
	zipMB   float64
	cacheMB float64 // the module cache on disk, extracted
}

// usage is what a user downloads: for go get and go build, and after go
// mod tidy, which also fetches the zip of every module in the build list
// (conformance among them) to record its checksum in go.sum.
type usage struct{ build, tidy download }

// checkUser builds, in a fresh module with a fresh module cache, what a
// user writes: go get the module, the README's one-liner in a server (or a
// plain import for a library), go build, go mod tidy; then serves a
// preflight and an actual request and checks their headers exactly.
func (c *checker) checkUser(m *module) (usage, error) {
	var u usage
	dir := filepath.Join(c.work, "user-"+m.name())
	cache := filepath.Join(c.work, "modcache-"+m.name())
	defer func() { _, _ = c.goCmd(c.work, cache, "clean", "-modcache") }() // its files are read-only
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return u, err
	}
	for _, args := range [][]string{{"mod", "init", "example.com/user"}, {"get", m.path + "@" + m.version}} {
		if _, err := c.goCmd(dir, cache, args...); err != nil {
			return u, err
		}
	}
	main := "package main\n\nimport _ \"" + m.path + "\"\n\nfunc main() {}\n"
	if m.role == adapter {
		line, err := oneLiner(c.readme, m.framework)
		if err != nil {
			return u, err
		}
		main = fmt.Sprintf(m.server, line)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(main), 0o644); err != nil {
		return u, err
	}
	bin := filepath.Join(dir, "server")
	if _, err := c.goCmd(dir, cache, "build", "-o", bin, "."); err != nil {
		return u, err
	}
	var err error
	if u.build, err = measure(cache); err != nil {
		return u, err
	}
	for _, name := range u.build.names {
		if strings.HasPrefix(name, repoPath+"/conformance@") && m.role == adapter {
			return u, fmt.Errorf("user of %s: go get and go build download %s, which only the adapter's tests need", m.path, name)
		}
	}
	if _, err := c.goCmd(dir, cache, "mod", "tidy"); err != nil {
		return u, err
	}
	if u.tidy, err = measure(cache); err != nil {
		return u, err
	}
	if err := c.checkUserGraph(dir, cache, m); err != nil {
		return u, err
	}
	if _, err := c.goCmd(dir, cache, "build", "-o", bin, "."); err != nil {
		return u, err
	}
	if m.role == adapter {
		err = serveAndCheck(bin)
	}
	return u, err
}

// checkUserGraph checks the user's module: no replace line, every corsa
// module at a released version, and no test-only module in the build.
func (c *checker) checkUserGraph(dir, cache string, m *module) error {
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return err
	}
	if strings.Contains(string(gomod), "replace") {
		return fmt.Errorf("user of %s: go.mod needs a replace line:\n%s", m.path, gomod)
	}
	all, err := c.goCmd(dir, cache, "list", "-m", "-f", "{{.Path}} {{.Version}}", "all")
	if err != nil {
		return err
	}
	for _, line := range strings.Split(strings.TrimSpace(all), "\n") {
		f := strings.Fields(line)
		if len(f) == 2 && isOurs(f[0]) && f[1] != c.versions[f[0]] {
			return fmt.Errorf("user of %s: the module graph has %s %s, not the released %q", m.path, f[0], f[1], c.versions[f[0]])
		}
	}
	// Module graph pruning: the adapter's go.mod lists conformance (its
	// tests need it), so the user's graph names it, but never loads its
	// requirements, builds it, or downloads more than its go.mod.
	graph, err := c.goCmd(dir, cache, "mod", "graph")
	if err != nil {
		return err
	}
	for _, line := range strings.Split(graph, "\n") {
		if strings.HasPrefix(line, repoPath+"/conformance@") && m.role == adapter {
			return fmt.Errorf("user of %s: go mod graph loads conformance's requirements (%q): it is not pruned", m.path, line)
		}
	}
	deps, err := c.goCmd(dir, cache, "list", "-deps", "-f", "{{with .Module}}{{.Path}}{{end}}", ".")
	if err != nil {
		return err
	}
	for _, p := range strings.Fields(deps) {
		if p == repoPath+"/conformance" && m.role == adapter {
			return fmt.Errorf("user of %s: the build imports %s, which only tests need", m.path, p)
		}
	}
	return nil
}

// oneLiner returns the code in the README's "one line" table row for a
// framework: the README is what users copy, so the check builds it.
func oneLiner(readme, framework string) (string, error) {
	var found []string
	for _, line := range strings.Split(readme, "\n") {
		if rest, ok := strings.CutPrefix(line, "| "+framework+" | `"); ok {
			if code, ok := strings.CutSuffix(strings.TrimSpace(rest), "` |"); ok {
				found = append(found, code)
			}
		}
	}
	if len(found) != 1 {
		return "", fmt.Errorf("README.md: want one \"| %s | `...` |\" row in the one-line table, found %d", framework, len(found))
	}
	return found[0], nil
}

// measure counts the module zips in a module cache and its size on disk.
func measure(cache string) (download, error) {
	var d download
	var total int64
	err := filepath.WalkDir(cache, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		fi, err := e.Info()
		if err != nil {
			return err
		}
		total += fi.Size()
		if rel, ok := strings.CutSuffix(filepath.ToSlash(p), ".zip"); ok && strings.Contains(rel, "/cache/download/") {
			_, rel, _ = strings.Cut(rel, "/cache/download/")
			d.names = append(d.names, strings.Replace(rel, "/@v/", "@", 1))
			d.modules++
			d.zipMB += float64(fi.Size()) / 1e6
		}
		return nil
	})
	d.cacheMB = float64(total) / 1e6
	return d, err
}

// The check's policy is the README's: Origins: https://app.example only.
const checkOrigin = "https://app.example"

// serveAndCheck runs a built server on a free loopback port and checks one
// allowed preflight and one allowed actual request against core/doc.go.
func serveAndCheck(bin string) error {
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	var logs bytes.Buffer
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "CORSA_CHECK_ADDR="+addr)
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	if err := waitListening(addr); err != nil {
		return fmt.Errorf("%v; server output:\n%s", err, logs.String())
	}
	client := &http.Client{Transport: &http.Transport{}, Timeout: 10 * time.Second}
	for _, tc := range exchanges {
		req, err := http.NewRequest(tc.method, "http://"+addr+"/", nil)
		if err != nil {
			return err
		}
		for k, v := range tc.header {
			req.Header.Set(k, v)
		}
		resp, err := client.Do(req)
		if err != nil {
			return fmt.Errorf("%s: %v", tc.name, err)
		}
		resp.Body.Close()
		if got := corsHeaders(resp.Header); resp.StatusCode != tc.status || got != tc.want {
			return fmt.Errorf("%s: got status %d and headers\n%s\nwant status %d and headers\n%s", tc.name, resp.StatusCode, got, tc.status, tc.want)
		}
	}
	return nil
}

// exchanges are the two requests every framework's server must answer the
// same way; the expected headers are core/doc.go's, for a policy with only
// Origins set (no methods, headers, max-age listed).
var exchanges = []struct {
	name, method string
	header       map[string]string
	status       int
	want         string
}{
	{
		name:   "an allowed preflight",
		method: http.MethodOptions,
		header: map[string]string{"Origin": checkOrigin, "Access-Control-Request-Method": "POST"},
		status: http.StatusNoContent,
		want: "Access-Control-Allow-Origin: https://app.example\n" +
			"Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers\n",
	},
	{
		name:   "an allowed actual request",
		method: http.MethodGet,
		header: map[string]string{"Origin": checkOrigin},
		status: http.StatusOK,
		want:   "Access-Control-Allow-Origin: https://app.example\nVary: Origin\n",
	},
}

// corsHeaders renders the Access-Control-* and Vary headers, one line per
// name in sorted order, repeated lines joined with ", ".
func corsHeaders(h http.Header) string {
	var names []string
	for k := range h {
		if strings.HasPrefix(k, "Access-Control-") || k == "Vary" {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	var b strings.Builder
	for _, k := range names {
		fmt.Fprintf(&b, "%s: %s\n", k, strings.Join(h.Values(k), ", "))
	}
	return b.String()
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func waitListening(addr string) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("server did not listen on %s within 30s", addr)
}
