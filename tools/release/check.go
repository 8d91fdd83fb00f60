package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	modpath "golang.org/x/mod/module"
)

// checker runs the go command as a user of the release would: outside the
// repository, GOWORK=off, the release's module proxy first and the usual
// proxy after it for the frameworks.
type checker struct {
	proxy    string // directory of the GOPROXY=file:// module proxy
	upstream string // the usual GOPROXY, from go env
	work     string // scratch directory for modules and caches
	version  string // the released version
}

// check serves the published modules from a module proxy, checks the
// root module's zip, and checks the modules in the comma-separated list
// only (all when it is empty) alone and as users get them.
func check(work string, mods []*module, version, only string) error {
	upstream, err := exec.Command("go", "env", "GOPROXY").Output()
	if err != nil {
		return fmt.Errorf("go env GOPROXY: %v", err)
	}
	c := &checker{filepath.Join(work, "proxy"), strings.TrimSpace(string(upstream)), work, version}
	checked := func(dir string) bool { return only == "" || strings.Contains(","+only+",", ","+dir+",") }
	for _, m := range mods {
		if m.role == internal {
			continue
		}
		if err := publish(c.proxy, m.path, version, m.gomod, m.zip, time.Now()); err != nil {
			return err
		}
		if m.dir == "." {
			if err := checkRootZip(m, version, mods); err != nil {
				return err
			}
		}
	}
	defer c.cleanCache(filepath.Join(work, "modcache"))
	fmt.Print("\nchecks: each module alone (tidy, build, vet); a user's module (go get, build, nothing downloaded that it does\n" +
		"not need, go mod tidy, the README's one-liner served); go install of the corsa command, which runs. What a\n" +
		"user's first build downloads into an empty module cache (module zips, MB zipped; after go mod tidy too):\n")
	row := func(name, checks, build, tidy, cache string, start time.Time) {
		v, took := "version", "time"
		if !start.IsZero() {
			v, took = version, time.Since(start).Round(time.Second).String()
		}
		fmt.Printf("%-12s %-7s %-6s %19s %19s %10s %6s\n", name, v, checks, build, tidy, cache, took)
	}
	zips := func(d download) string { return fmt.Sprintf("%3d zips %6.1f MB", len(d.names), d.zipMB) }
	row("module", "checks", "go get + go build", "+ go mod tidy", "GOMODCACHE", time.Time{})
	var failed []string
	for _, m := range mods {
		if m.role == internal || !checked(m.dir) {
			continue
		}
		start, name := time.Now(), m.dir
		if name == "." {
			name = ". (root)"
		}
		err := c.checkModule(m)
		var build, tidy download
		if err == nil {
			build, tidy, err = c.checkUser(m)
		}
		if err != nil {
			failed = append(failed, fmt.Sprintf("%s: %v", m.dir, err))
			row(name, "FAIL", "", "", "", start)
			continue
		}
		row(name, "ok", zips(build), zips(tidy), fmt.Sprintf("%.1f MB", tidy.cacheMB), start)
	}
	if checked(".") {
		start := time.Now()
		if d, err := c.checkInstall(); err != nil {
			failed = append(failed, fmt.Sprintf("go install %s/cmd/corsa@%s: %v", repoPath, version, err))
			row("cmd/corsa", "FAIL", "", "", "", start)
		} else {
			row("cmd/corsa", "ok", zips(d), "(go install)", fmt.Sprintf("%.1f MB", d.cacheMB), start)
		}
	}
	if len(failed) > 0 {
		return errors.New("the release would not install:\n" + strings.Join(failed, "\n"))
	}
	return nil
}

// goCmd runs the go command in dir with the module cache modcache and
// returns its standard output. The checksum database cannot know corsa's
// unpublished versions, so corsa's modules (and only they) skip it.
// -trimpath keeps module cache paths out of the build cache's keys, so
// that each fresh module cache reuses what was compiled before.
func (c *checker) goCmd(dir, modcache string, args ...string) (string, error) {
	env := append(os.Environ(), // the last value of a variable is the one used
		"GOWORK=off",
		"GOFLAGS=-mod=mod -trimpath",
		"GOPROXY=file://"+filepath.ToSlash(c.proxy)+","+c.upstream,
		"GONOSUMDB="+repoPath, "GOPRIVATE=", "GONOPROXY=", "GOINSECURE=",
		"GOMODCACHE="+modcache,
		"GOTOOLCHAIN=local",
		"GOBIN="+filepath.Join(c.work, "bin"),
	)
	var stderr bytes.Buffer
	cmd := exec.Command("go", args...)
	cmd.Dir, cmd.Env, cmd.Stderr = dir, env, &stderr
	out, err := cmd.Output()
	if err != nil {
		return string(out), fmt.Errorf("go %s (in %s): %v\n%s%s", strings.Join(args, " "), dir, err, out, stderr.Bytes())
	}
	return string(out), nil
}

// goCmds runs each command in turn until one fails.
func (c *checker) goCmds(dir, modcache string, cmds ...[]string) error {
	for _, args := range cmds {
		if _, err := c.goCmd(dir, modcache, args...); err != nil {
			return err
		}
	}
	return nil
}

// cleanCache removes a module cache, whose files are read-only.
func (c *checker) cleanCache(cache string) { _, _ = c.goCmd(c.work, cache, "clean", "-modcache") }

// checkModule unpacks a module's zip as its own main module and checks
// that its go.mod is complete as the go command reads a dependency's,
// without replace lines (go mod tidy changes no requirement: none missing,
// none at a version the proxy lacks), and that it builds and vets.
func (c *checker) checkModule(m *module) error {
	zr, err := zip.NewReader(bytes.NewReader(m.zip), int64(len(m.zip)))
	if err != nil {
		return err
	}
	files, err := fs.Sub(zr, m.path+"@"+c.version)
	if err != nil {
		return err
	}
	dir := filepath.Join(c.work, "module-"+m.name())
	if err := os.CopyFS(dir, files); err != nil {
		return err
	}
	dep, err := asDependency(m.gomod)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), dep, 0o644); err != nil {
		return err
	}
	cache := filepath.Join(c.work, "modcache")
	if err := c.goCmds(dir, cache, []string{"mod", "tidy"}); err != nil {
		return err
	}
	tidy, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return err
	}
	if want, got := requirements(dep), requirements(tidy); got != want {
		return fmt.Errorf("%s@%s: go mod tidy changes its requirements, so users would resolve other versions than the ones tested:\n--- released\n%s--- after go mod tidy\n%s",
			m.path, c.version, want, got)
	}
	return c.goCmds(dir, cache, []string{"build", "./..."}, []string{"vet", "./..."})
}

// checkUser builds, in a fresh module with a fresh module cache, what a
// user writes: go get the module, the README's one-liner in a server (or a
// plain import for a library), go build; checks that nothing downloaded is
// more than the user needs; runs go mod tidy, which also fetches the zip
// of every module in the build list (conformance among them) to record its
// checksum in go.sum; then serves a preflight and an actual request and
// checks their headers exactly. It returns what was downloaded before and
// after go mod tidy.
func (c *checker) checkUser(m *module) (build, tidy download, err error) {
	dir := filepath.Join(c.work, "user-"+m.name())
	cache := filepath.Join(c.work, "modcache-"+m.name())
	defer c.cleanCache(cache)
	main := "package main\n\nimport _ \"" + m.path + "\"\n\nfunc main() {}\n"
	if m.role == adapter {
		main = fmt.Sprintf(m.server, m.line)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return build, tidy, err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(main), 0o644); err != nil {
		return build, tidy, err
	}
	bin := filepath.Join(dir, "server")
	err = c.goCmds(dir, cache, []string{"mod", "init", "example.com/user"}, []string{"get", m.path + "@" + c.version},
		[]string{"build", "-o", bin, "."})
	if err != nil {
		return build, tidy, err
	}
	if build, err = measure(cache); err != nil {
		return build, tidy, err
	}
	if err := c.checkNeeded(dir, cache, m, build.names); err != nil {
		return build, tidy, err
	}
	if err := c.goCmds(dir, cache, []string{"mod", "tidy"}); err != nil {
		return build, tidy, err
	}
	if tidy, err = measure(cache); err != nil {
		return build, tidy, err
	}
	all, err := c.goCmd(dir, cache, "list", "-m", "-f", "{{.Path}} {{.Version}}", "all")
	if err != nil {
		return build, tidy, err
	}
	for _, line := range strings.Split(strings.TrimSpace(all), "\n") {
		if p, v, _ := strings.Cut(line, " "); isOurs(p) && v != c.version {
			return build, tidy, fmt.Errorf("user of %s: the module graph has %s %s, not the released %s", m.path, p, v, c.version)
		}
	}
	if m.role == adapter {
		err = serveAndCheck(bin)
	}
	return build, tidy, err
}

// checkNeeded fails for a zip that go get and go build downloaded but the
// user's module does not need: every one must hold a package that the
// server imports, directly or not, under some build tags, as go mod why
// -vendor finds (tests of dependencies left out), and none may be a
// library the adapters only test with, even one an adapter's code imports.
func (c *checker) checkNeeded(dir, cache string, m *module, downloaded []string) error {
	args := []string{"mod", "why", "-m", "-vendor"}
	for _, d := range downloaded {
		p, _, _ := strings.Cut(d, "@")
		if m.role == adapter && modules[p].role == library {
			return fmt.Errorf("user of %s: go get and go build download %s, which only the adapter's tests need", m.path, d)
		}
		args = append(args, p)
	}
	why, err := c.goCmd(dir, cache, args...)
	if err != nil {
		return err
	}
	if p, reason := notNeeded(why); p != "" {
		return fmt.Errorf("user of %s: go get and go build download %s, which the user's module does not need: %s", m.path, p, reason)
	}
	return nil
}

// notNeeded returns the first module go mod why -m says is not needed,
// and why not. Its output has one block per module: "# path", then the
// import chain that needs it, or a line in parentheses saying nothing does.
func notNeeded(why string) (path, reason string) {
	for _, block := range strings.Split("\n"+why, "\n# ")[1:] {
		if p, chain, _ := strings.Cut(block, "\n"); strings.HasPrefix(chain, "(") {
			return p, strings.TrimSpace(chain)
		}
	}
	return "", ""
}

// checkInstall installs the corsa command as the README says, outside any
// module, and runs it on a valid policy file. go install pkg@version
// refuses a module whose go.mod has replace lines, and the root module has
// no requirements, so the root's zip must be the one download.
func (c *checker) checkInstall() (download, error) {
	cache := filepath.Join(c.work, "modcache-install")
	defer c.cleanCache(cache)
	if err := c.goCmds(c.work, cache, []string{"install", repoPath + "/cmd/corsa@" + c.version}); err != nil {
		return download{}, err
	}
	d, err := measure(cache)
	if err != nil {
		return d, err
	}
	if want := repoPath + "@" + c.version; len(d.names) != 1 || d.names[0] != want {
		return d, fmt.Errorf("go install downloads %v, want %s alone", d.names, want)
	}
	if err := os.WriteFile(filepath.Join(c.work, "policy.json"), []byte(`{"origins": ["https://app.example"]}`), 0o644); err != nil {
		return d, err
	}
	cmd := exec.Command(filepath.Join(c.work, "bin", "corsa"), "check", "policy.json")
	cmd.Dir = c.work
	if out, err := cmd.CombinedOutput(); err != nil || string(out) != "policy.json: ok\n" {
		return d, fmt.Errorf("the installed corsa check on a valid policy: %v, output %q, want exit status 0 and \"policy.json: ok\"", err, out)
	}
	return d, nil
}

// download is what a user's first build fetched into an empty module cache.
type download struct {
	names   []string // module@version of each zip downloaded
	zipMB   float64
	cacheMB float64 // the module cache on disk, extracted
}

// measure lists the module zips in a module cache and its size on disk.
func measure(cache string) (download, error) {
	var d download
	err := filepath.WalkDir(cache, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		fi, err := e.Info()
		if err != nil {
			return err
		}
		d.cacheMB += float64(fi.Size()) / 1e6
		_, rel, _ := strings.Cut(filepath.ToSlash(p), "/cache/download/")
		escPath, escVer, ok := strings.Cut(strings.TrimSuffix(rel, ".zip"), "/@v/")
		if !ok || !strings.HasSuffix(rel, ".zip") {
			return nil
		}
		mp, err1 := modpath.UnescapePath(escPath)
		v, err2 := modpath.UnescapeVersion(escVer)
		d.names = append(d.names, mp+"@"+v)
		d.zipMB += float64(fi.Size()) / 1e6
		return errors.Join(err1, err2)
	})
	return d, err
}
