// Command release checks and cuts a release of corsa's modules.
//
// Every published module is released at once, at one version. The root
// module (package corsa, the engine and the corsa command) is tagged
// vX.Y.Z; every other published module, in a subdirectory, is tagged with
// its directory in front: gin/v0.1.0, conformance/v0.1.0, ... A release
// commit only sets every requirement on a published module, in every
// go.mod of the workspace, to the new version, and moves the CHANGELOG's
// Unreleased entries under a heading for it. Replace lines stay in the
// tagged go.mod files: the go command reads them only in the main module,
// so users never see them, and the repository keeps building against its
// own working copies.
//
// Before anything is written, the release is checked as users will get it:
// every published module goes into a GOPROXY=file:// module proxy, zipped
// as the module proxy would serve the tags; outside the repository each
// module must be tidy and build alone, fresh user modules go get each one,
// build the README's one-liner for each framework and check the headers of
// a preflight and an actual request, go install of the corsa command must
// work, and the root module's zip must hold the engine only.
//
// Usage, from the repository root:
//
//	go run ./tools/release -dry-run   # plan and check only (CI: .ci/release-check)
//	go run ./tools/release            # plan, check, commit and tag
//
// -version chooses the version (default: the next minor version after the
// newest tag, v0.1.0 for the first release). Nothing is pushed: the
// command prints the git push line.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/mod/semver"
)

// module is one module of the workspace and what the release makes of it.
type module struct {
	entry
	path, dir string // dir is relative to the repository root, "." for the root
	gomod     []byte // go.mod at the release
	zip       []byte // a published module's zip, as the module proxy serves it
	line      string // an adapter's one-liner, from the README
}

// name is the module's directory as one word, for scratch directories.
func (m *module) name() string {
	if m.dir == "." {
		return "root"
	}
	return strings.ReplaceAll(m.dir, "/", "-")
}

// tag is the git tag of the module at version.
func (m *module) tag(version string) string {
	if m.dir == "." {
		return version
	}
	return m.dir + "/" + version
}

func main() {
	var o options
	flag.BoolVar(&o.dryRun, "dry-run", false, "plan and check the release; write, commit and tag nothing")
	flag.StringVar(&o.version, "version", "", "the release's version, vMAJOR.MINOR.PATCH (default: next minor)")
	flag.StringVar(&o.check, "check", "", "comma-separated directories of the modules to check as users get them, . for the root (default: every published module)")
	flag.BoolVar(&o.keep, "keep", false, "keep the module proxy and the users' modules, and print where they are")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

// options are the command's flags, and the repository it works on.
type options struct {
	root           string // the repository; "" for the one holding the working directory
	dryRun, keep   bool
	version, check string // check: module directories to check, "" for all
}

func run(o options) error {
	if o.root == "" {
		out, err := git(".", "rev-parse", "--show-toplevel")
		if err != nil {
			return err
		}
		o.root = strings.TrimSpace(out)
	}
	if !o.dryRun {
		if o.check != "" {
			return errors.New("-check is for dry runs: a release checks every module")
		}
		if st, err := git(o.root, "status", "--porcelain"); err != nil || st != "" {
			return fmt.Errorf("the working tree must be clean to release (git status: %q, %v)", st, err)
		}
	}
	mods, err := workspace(o.root)
	if err != nil {
		return err
	}
	if o.version == "" {
		if o.version, err = nextVersion(o.root); err != nil {
			return err
		}
	}
	if err := checkVersion(o.version); err != nil {
		return err
	}
	notes, err := plan(o.root, mods, o.version, o.dryRun)
	if err != nil {
		return err
	}
	changelog, err := os.ReadFile(filepath.Join(o.root, "CHANGELOG.md"))
	if err != nil {
		return err
	}
	changelog, moved, err := moveChangelog(changelog, o.version, time.Now().UTC())
	if err != nil {
		return err
	}
	var tags []string
	for _, m := range mods {
		if m.role != internal {
			tags = append(tags, m.tag(o.version))
		}
	}
	fmt.Println("release", o.version+": tags", strings.Join(tags, " "))
	fmt.Println("every go.mod requires the published modules at", o.version+"; replace lines stay")
	for _, n := range append(notes, moved) {
		fmt.Println("note:", n)
	}

	work, err := os.MkdirTemp("", "corsa-release-")
	if err != nil {
		return err
	}
	if o.keep {
		fmt.Println("scratch directory (kept):", work)
	} else {
		defer os.RemoveAll(work)
	}
	if err := check(work, mods, o.version, o.check); err != nil {
		return err
	}
	if o.dryRun {
		fmt.Println("\ndry run: nothing written, committed or tagged")
		return nil
	}
	return apply(o.root, mods, tags, o.version, changelog)
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
		mods = append(mods, &module{entry: e, path: p, dir: filepath.ToSlash(rel)})
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].path < mods[j].path })
	return mods, nil
}

// plan computes every go.mod at the release, the published modules' zips
// and the adapters' one-liners. notes say what a dry run let pass that a
// release refuses.
func plan(root string, mods []*module, version string, dryRun bool) (notes []string, err error) {
	published := map[string]string{}
	for _, m := range mods {
		if m.role != internal {
			published[m.path] = m.dir
		}
	}
	names, err := worktreeFiles(root)
	if err != nil {
		return nil, err
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		return nil, err
	}
	for _, m := range mods {
		gomod, err := os.ReadFile(filepath.Join(root, m.dir, "go.mod"))
		if err != nil {
			return nil, err
		}
		if m.gomod, err = bump(m.dir, gomod, version, published, m.role != internal); err != nil {
			return nil, err
		}
		if m.role == internal {
			continue
		}
		if _, err := git(root, "rev-parse", "-q", "--verify", "refs/tags/"+m.tag(version)); err == nil {
			return nil, fmt.Errorf("tag %s already exists", m.tag(version))
		}
		if m.zip, err = moduleZip(os.DirFS(root), names, m.path, m.dir, version, m.gomod); err != nil {
			return nil, fmt.Errorf("%s: %v", m.dir, err)
		}
		if m.role != adapter {
			continue
		}
		m.line, err = oneLiner(string(readme), m.framework)
		if err != nil && m.pendingLine != "" && dryRun {
			m.line = m.pendingLine
			notes = append(notes, fmt.Sprintf("%v: checking the one-liner in modules.go; a release refuses until README.md has the row\n    | %s | `%s` |",
				err, m.framework, m.line))
		} else if err != nil {
			return nil, err
		}
	}
	return notes, nil
}

// apply writes the release commit and tags it.
func apply(root string, mods []*module, tags []string, version string, changelog []byte) error {
	for _, m := range mods {
		if err := os.WriteFile(filepath.Join(root, m.dir, "go.mod"), m.gomod, 0o644); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(root, "CHANGELOG.md"), changelog, 0o644); err != nil {
		return err
	}
	if _, err := git(root, "commit", "-a", "-m", "release "+version+": "+strings.Join(tags, ", ")); err != nil {
		return err
	}
	for _, t := range tags {
		if _, err := git(root, "tag", "-a", t, "-m", t); err != nil {
			return err
		}
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
	if !semver.IsValid(v) || semver.Canonical(v) != v || semver.Prerelease(v) != "" {
		return fmt.Errorf("version %q: want vMAJOR.MINOR.PATCH, such as v0.1.0", v)
	}
	if m := semver.Major(v); m != "v0" && m != "v1" {
		return fmt.Errorf("version %q: a major version from 2 on changes every module path (.../v2); this tool does not do that", v)
	}
	return nil
}

// nextVersion is the minor version after the root module's newest tag
// (every release tags the root), v0.1.0 when there is none.
func nextVersion(root string) (string, error) {
	out, err := git(root, "tag", "-l", "v*")
	if err != nil {
		return "", err
	}
	newest := "v0.0.0"
	for _, v := range strings.Fields(out) {
		if checkVersion(v) == nil && semver.Compare(v, newest) > 0 {
			newest = v
		}
	}
	var major, minor int
	_, err = fmt.Sscanf(newest, "v%d.%d.", &major, &minor)
	return fmt.Sprintf("v%d.%d.0", major, minor+1), err
}
