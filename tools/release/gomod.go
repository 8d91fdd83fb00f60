package main

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"golang.org/x/mod/modfile"
)

// bump returns a go.mod with every requirement on a published module of
// the repository (published maps its path to its directory) set to version.
// Replace lines stay: they make the module build against its siblings'
// working copies, in the workspace and with GOWORK=off, and the go command
// ignores them in every module but the main one, so users never see them.
//
// For a published module, that same rule is why its go.mod may only
// replace a sibling by the sibling's directory, and may only require
// published siblings: anything else would be a difference between what
// the repository builds and what users get.
func bump(dir string, gomod []byte, version string, published map[string]string, isPublished bool) ([]byte, error) {
	name := path.Join(dir, "go.mod")
	f, err := modfile.Parse(name, gomod, nil)
	if err != nil {
		return nil, err
	}
	var ours []string
	for _, r := range f.Require {
		if !isOurs(r.Mod.Path) {
			continue
		}
		if _, ok := published[r.Mod.Path]; !ok {
			if isPublished {
				return nil, fmt.Errorf("%s:%d: requires %s, which is not a published module of this repository",
					name, r.Syntax.Start.Line, r.Mod.Path)
			}
			continue
		}
		ours = append(ours, r.Mod.Path)
	}
	for _, p := range ours {
		if err := f.AddRequire(p, version); err != nil {
			return nil, err
		}
	}
	if isPublished {
		for _, r := range f.Replace {
			want, ok := published[r.Old.Path]
			if !isOurs(r.Old.Path) || !ok || r.New.Version != "" || path.Join(dir, r.New.Path) != want {
				return nil, fmt.Errorf("%s:%d: replace %s => %s: users never see a dependency's replace lines, "+
					"so a published module may only replace a published sibling by its directory",
					name, r.Syntax.Start.Line, r.Old.Path, strings.TrimSpace(r.New.Path+" "+r.New.Version))
			}
		}
	}
	return f.Format()
}

// asDependency is a released go.mod as the go command reads it when the
// module is a dependency: without its replace lines.
func asDependency(gomod []byte) ([]byte, error) {
	f, err := modfile.Parse("go.mod", gomod, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range append([]*modfile.Replace(nil), f.Replace...) {
		if err := f.DropReplace(r.Old.Path, r.Old.Version); err != nil {
			return nil, err
		}
	}
	f.Cleanup()
	return f.Format()
}

// requirements is what a go.mod tells the go command about the build
// list, one line each, in order: the go version, then the requirements.
func requirements(gomod []byte) string {
	f, err := modfile.Parse("go.mod", gomod, nil)
	if err != nil {
		return err.Error()
	}
	var lines []string
	for _, r := range f.Require {
		l := r.Mod.Path + " " + r.Mod.Version + "\n"
		if r.Indirect {
			l = r.Mod.Path + " " + r.Mod.Version + " // indirect\n"
		}
		lines = append(lines, l)
	}
	sort.Strings(lines)
	if f.Go != nil {
		lines = append([]string{"go " + f.Go.Version + "\n"}, lines...)
	}
	return strings.Join(lines, "")
}

// isOurs reports whether a module path belongs to this repository.
func isOurs(p string) bool { return p == repoPath || strings.HasPrefix(p, repoPath+"/") }
