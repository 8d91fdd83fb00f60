// Command release computes, checks and cuts a release of corsa's modules.
//
// Each published module (core, conformance and the adapters) gets its own
// tag, named after its directory: core/v0.1.0, gin/v0.1.0, ... A release
// commit rewrites their go.mod files (requirements on sibling modules at
// the released versions, no replace lines), moves the CHANGELOG's
// Unreleased entries under a heading naming the tags, and is tagged; the
// next commit puts the replace lines back for development.
//
// Before anything is written, the release is checked as users will get it:
// every published module goes into a GOPROXY=file:// module proxy, exactly
// as the module proxy would serve the tags, and fresh modules outside the
// repository go get each one, build the README's one-liner for each
// framework, and check the headers of a preflight and an actual request.
//
// Usage, from the repository root:
//
//	go run ./internal/release -dry-run   # plan and check only (CI: .ci/release-check)
//	go run ./internal/release            # plan, check, commit and tag
//
// Flags choose the version (default: the next minor version after the
// newest tag, v0.1.0 for the first release) and the modules (default:
// every published module). Nothing is pushed: the command prints the git
// push line.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// module is one module of the workspace and, for a published one, what
// the release makes of it.
type module struct {
	entry
	path, dir string // dir is relative to the repository root, "." for the root
	original  []byte // go.mod in the working tree
	release   bool   // tagged by this release
	version   string // the released version, or the newest tag of an unreleased module
	released  []byte // go.mod at the tag
	files     []zipFile
}

// name is the module's directory as a single word, for scratch paths.
func (m *module) name() string { return strings.ReplaceAll(m.dir, "/", "-") }

// tag is the git tag of the module's version.
func (m *module) tag() string {
	if m.dir == "." {
		return m.version // the root module's tags carry no directory
	}
	return m.dir + "/" + m.version
}

func main() {
	dryRun := flag.Bool("dry-run", false, "plan and check the release; write, commit and tag nothing")
	version := flag.String("version", "", "version of every module released, vMAJOR.MINOR.PATCH (default: next minor)")
	only := flag.String("modules", "", "comma-separated directories of the modules to release (default: every published module)")
	checkOnly := flag.String("check", "", "comma-separated directories of the modules to check (default: every published module)")
	keep := flag.Bool("keep", false, "keep the module proxy and the users' modules, and print where they are")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: go run ./internal/release [-dry-run] [-version vX.Y.Z] [-modules core,gin,...]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	o := options{dryRun: *dryRun, version: *version, only: *only, check: *checkOnly, keep: *keep}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

// options are the command's flags, and the repository it works on.
type options struct {
	root          string // the repository; "" for the one holding the working directory
	dryRun, keep  bool
	version, only string
	check         string // module directories to check, "" for all
}

func run(o options) error {
	root := o.root
	if root == "" {
		out, err := git(".", "rev-parse", "--show-toplevel")
		if err != nil {
			return err
		}
		root = strings.TrimSpace(out)
	}
	dryRun, version := o.dryRun, o.version
	if !dryRun {
		if o.check != "" {
			return errors.New("-check is for dry runs: a release checks every module")
		}
		if st, err := git(root, "status", "--porcelain"); err != nil || st != "" {
			return fmt.Errorf("the working tree must be clean to release (git status: %q, %v)", st, err)
		}
	}
	mods, err := workspace(root)
	if err != nil {
		return err
	}
	if version == "" {
		if version, err = nextVersion(root, mods); err != nil {
			return err
		}
	}
	if err := plan(root, mods, version, o.only); err != nil {
		return err
	}
	changelog, err := os.ReadFile(filepath.Join(root, "CHANGELOG.md"))
	if err != nil {
		return err
	}
	newChangelog, notes, err := moveChangelog(string(changelog), mods, time.Now().UTC())
	if err != nil {
		return err
	}
	printPlan(mods, notes)

	work, err := os.MkdirTemp("", "corsa-release-")
	if err != nil {
		return err
	}
	if o.keep {
		fmt.Println("scratch directory (kept):", work)
	} else {
		defer os.RemoveAll(work)
	}
	if err := check(root, work, mods, dirSet(o.check)); err != nil {
		return err
	}
	if dryRun {
		fmt.Println("\ndry run: nothing written, committed or tagged")
		return nil
	}
	return apply(root, mods, newChangelog)
}

// workspace lists go.work's modules, each with its entry in modules.go.
func workspace(root string) ([]*module, error) {
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Path}}\t{{.Dir}}")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK="+filepath.Join(root, "go.work"), "GOFLAGS=")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list -m: %v", err)
	}
	var mods []*module
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		p, dir, _ := strings.Cut(line, "\t")
		e, err := lookup(p)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(root, dir)
		if err != nil {
			return nil, err
		}
		orig, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err != nil {
			return nil, err
		}
		mods = append(mods, &module{entry: e, path: p, dir: filepath.ToSlash(rel), original: orig})
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].path < mods[j].path })
	return mods, nil
}

// plan decides which modules are tagged at which version and what their
// go.mod files become.
func plan(root string, mods []*module, version, only string) error {
	if err := checkVersion(version); err != nil {
		return err
	}
	want := dirSet(only)
	versions, dirs := map[string]string{}, map[string]string{}
	for _, m := range mods {
		dirs[m.path] = m.dir
		if m.role == internal {
			if want[m.dir] {
				return fmt.Errorf("%s is not published and cannot be released", m.dir)
			}
			continue
		}
		m.release = len(want) == 0 || want[m.dir]
		delete(want, m.dir)
		if m.release {
			m.version = version
			if _, err := git(root, "rev-parse", "-q", "--verify", "refs/tags/"+m.tag()); err == nil {
				return fmt.Errorf("tag %s already exists", m.tag())
			}
		} else {
			v, err := newestTag(root, m.dir)
			if err != nil {
				return err
			}
			if v == "" {
				return fmt.Errorf("%s has never been released: release it too (-modules)", m.dir)
			}
			m.version = v
		}
		versions[m.path] = m.version
	}
	for d := range want {
		return fmt.Errorf("-modules: no published module in directory %q", d)
	}
	for _, m := range mods {
		if m.role == internal {
			continue
		}
		var src source = worktree{root}
		if m.release {
			rel, err := rewrite(string(m.original), m.dir, versions, dirs, true)
			if err != nil {
				return err
			}
			m.released = []byte(rel)
		} else {
			src = tagTree{root, m.tag()}
			rel, err := src.read(m.dir + "/go.mod")
			if err != nil {
				return err
			}
			m.released = rel
		}
		files, err := moduleFiles(src, m.dir, m.released)
		if err != nil {
			return err
		}
		m.files = files
	}
	return nil
}

// dirSet parses a comma-separated list of module directories.
func dirSet(list string) map[string]bool {
	set := map[string]bool{}
	for _, d := range strings.Split(list, ",") {
		if d = strings.TrimSpace(d); d != "" {
			set[d] = true
		}
	}
	return set
}

// check builds the module proxy and checks the published modules (those in
// only, or all when only is empty), alone and as a user gets them.
func check(root, work string, mods []*module, only map[string]bool) error {
	upstream, err := exec.Command("go", "env", "GOPROXY").Output()
	if err != nil {
		return fmt.Errorf("go env GOPROXY: %v", err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		return err
	}
	c := &checker{
		proxy:    proxy{filepath.Join(work, "proxy")},
		upstream: strings.TrimSpace(string(upstream)),
		work:     work,
		readme:   string(readme),
		versions: map[string]string{},
	}
	now := time.Now()
	for _, m := range mods {
		if m.role == internal {
			continue
		}
		c.versions[m.path] = m.version
		if err := c.proxy.add(m.path, m.version, m.released, m.files, now); err != nil {
			return err
		}
	}
	var failed []string
	fmt.Println("\nchecks: the module alone (go mod tidy changes nothing, build, vet); a user's module (go get, build,")
	fmt.Println("go mod tidy; an adapter's README one-liner served, preflight and actual headers). What a user's")
	fmt.Println("first build downloads into an empty module cache (module zips, MB zipped; after go mod tidy too):")
	fmt.Printf("%-12s %-7s %-6s %19s %19s %14s %6s\n", "module", "version", "checks", "go get + go build", "+ go mod tidy", "GOMODCACHE", "time")
	for _, m := range mods {
		if m.role == internal || len(only) > 0 && !only[m.dir] {
			continue
		}
		start := time.Now()
		err := c.checkModule(m)
		var u usage
		if err == nil {
			u, err = c.checkUser(m)
		}
		took := time.Since(start).Round(time.Second)
		if err != nil {
			failed = append(failed, fmt.Sprintf("%s: %v", m.dir, err))
			fmt.Printf("%-12s %-7s %-6s %19s %19s %14s %6s\n", m.dir, m.version, "FAIL", "", "", "", took)
			continue
		}
		fmt.Printf("%-12s %-7s %-6s %3d zips %6.1f MB %3d zips %6.1f MB %9.1f MB %6s\n", m.dir, m.version, "ok",
			u.build.modules, u.build.zipMB, u.tidy.modules, u.tidy.zipMB, u.tidy.cacheMB, took)
	}
	// The module cache's files are read-only; let go remove them.
	_, _ = c.goCmd(work, filepath.Join(work, "modcache"), "clean", "-modcache")
	if len(failed) > 0 {
		return errors.New("the release would not install:\n" + strings.Join(failed, "\n"))
	}
	return nil
}

func printPlan(mods []*module, notes []string) {
	fmt.Println("tags:")
	for _, m := range mods {
		if m.release {
			fmt.Println("  " + m.tag())
		}
	}
	fmt.Println("go.mod at the tags:")
	for _, m := range mods {
		if m.role == internal {
			continue
		}
		how := "unchanged (not released; " + m.tag() + ")"
		if m.release {
			var reqs []string
			for _, r := range ourRequirements(string(m.released)) {
				reqs = append(reqs, strings.TrimPrefix(r, repoPath+"/"))
			}
			how = "requires " + strings.Join(reqs, ", ") + " at the released versions, no replace lines"
			if len(reqs) == 0 {
				how = "no corsa requirement"
			}
		}
		fmt.Printf("  %-12s %s\n", m.dir, how)
	}
	fmt.Println("CHANGELOG.md:")
	for _, n := range notes {
		fmt.Println("  " + n)
	}
}

// apply writes the release commit, tags it, and writes the commit after
// it that restores the development replace lines.
func apply(root string, mods []*module, changelog string) error {
	versions, dirs := map[string]string{}, map[string]string{}
	var tags []string
	for _, m := range mods {
		dirs[m.path] = m.dir
		if m.role != internal {
			versions[m.path] = m.version
		}
		if m.release {
			tags = append(tags, m.tag())
		}
	}
	// Development go.mod files: the same, with sibling requirements at the
	// released versions; internal modules are committed so at the tag too.
	dev := map[*module]string{}
	for _, m := range mods {
		d, err := rewrite(string(m.original), m.dir, versions, dirs, false)
		if err != nil {
			return err
		}
		dev[m] = d
	}
	write := func(release bool) error {
		for _, m := range mods {
			content := dev[m]
			if release && m.release {
				content = string(m.released)
			}
			if err := os.WriteFile(filepath.Join(root, m.dir, "go.mod"), []byte(content), 0o644); err != nil {
				return err
			}
		}
		return nil
	}
	if err := write(true); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(root, "CHANGELOG.md"), []byte(changelog), 0o644); err != nil {
		return err
	}
	msg := "release: " + strings.Join(tags, ", ")
	if _, err := git(root, "commit", "-a", "-m", msg); err != nil {
		return err
	}
	for _, t := range tags {
		if _, err := git(root, "tag", "-a", t, "-m", t); err != nil {
			return err
		}
	}
	if err := write(false); err != nil {
		return err
	}
	if _, err := git(root, "commit", "-a", "-m", "after "+strings.Join(tags, ", ")+": replace lines back for development"); err != nil {
		return err
	}
	fmt.Printf("\ncommitted and tagged. Publish with:\n  git push origin HEAD %s\n", strings.Join(tags, " "))
	return nil
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, ee.Stderr)
		}
		return "", fmt.Errorf("git %s: %v", strings.Join(args, " "), err)
	}
	return string(out), nil
}

// checkVersion accepts vMAJOR.MINOR.PATCH with major 0 or 1: from v2 on,
// Go wants a /vN module path, which is a change to make by hand.
func checkVersion(v string) error {
	p, ok := parseVersion(v)
	if !ok {
		return fmt.Errorf("version %q: want vMAJOR.MINOR.PATCH, such as v0.1.0", v)
	}
	if p[0] > 1 {
		return fmt.Errorf("version %q: a major version from 2 on changes every module path (.../core/v2); this tool does not do that", v)
	}
	return nil
}

func parseVersion(v string) ([3]int, bool) {
	var p [3]int
	parts := strings.Split(strings.TrimPrefix(v, "v"), ".")
	if !strings.HasPrefix(v, "v") || len(parts) != 3 {
		return p, false
	}
	for i, s := range parts {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || (len(s) > 1 && s[0] == '0') {
			return p, false
		}
		p[i] = n
	}
	return p, true
}

func less(a, b [3]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// newestTag returns the highest dir/vX.Y.Z tag's version, or "".
func newestTag(root, dir string) (string, error) {
	out, err := git(root, "tag", "-l", dir+"/v*")
	if err != nil {
		return "", err
	}
	best, bestP := "", [3]int{-1}
	for _, t := range strings.Fields(out) {
		v := strings.TrimPrefix(t, dir+"/")
		if p, ok := parseVersion(v); ok && less(bestP, p) {
			best, bestP = v, p
		}
	}
	return best, nil
}

// nextVersion is the minor version after the newest tag of any published
// module, v0.1.0 when there is none.
func nextVersion(root string, mods []*module) (string, error) {
	newest := [3]int{0, 0, 0}
	for _, m := range mods {
		if m.role == internal {
			continue
		}
		v, err := newestTag(root, m.dir)
		if err != nil {
			return "", err
		}
		if p, ok := parseVersion(v); ok && less(newest, p) {
			newest = p
		}
	}
	return fmt.Sprintf("v%d.%d.0", newest[0], newest[1]+1), nil
}
