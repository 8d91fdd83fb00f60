package main

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
	"time"

	modpath "golang.org/x/mod/module"
	modzip "golang.org/x/mod/zip"
)

// worktreeFiles lists the working tree's files, relative to the repository
// root and slash-separated: tracked files and untracked ones that
// .gitignore does not exclude, which is what a commit of it would hold.
func worktreeFiles(root string) ([]string, error) {
	out, err := git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	if err != nil {
		return nil, err
	}
	var names []string
	for _, n := range strings.Split(out, "\x00") {
		fi, err := os.Lstat(filepath.Join(root, filepath.FromSlash(n)))
		if n == "" || err != nil || !fi.Mode().IsRegular() {
			continue // deleted but not yet committed, or not a regular file
		}
		names = append(names, n)
	}
	return names, nil
}

// moduleZip is the zip the module proxy serves for the module in dir at
// version, built as the go command builds it from a tag: x/mod/zip leaves
// out nested modules' files, vendored packages and what a zip may not
// hold, and a module in a subdirectory without a LICENSE gets the
// repository root's. gomod replaces the module's go.mod. repo holds the
// repository's files, names lists them.
func moduleZip(repo fs.FS, names []string, modPath, dir, version string, gomod []byte) ([]byte, error) {
	prefix := dir + "/"
	if dir == "." {
		prefix = ""
	}
	var files []modzip.File
	haveLicense := false
	for _, n := range names {
		rel, ok := strings.CutPrefix(n, prefix)
		if !ok {
			continue
		}
		switch rel {
		case "go.mod":
			continue // the release's, below
		case "LICENSE":
			haveLicense = true
		}
		files = append(files, repoFile{repo, n, rel})
	}
	files = append(files, repoFile{fstest.MapFS{"go.mod": {Data: gomod}}, "go.mod", "go.mod"})
	if !haveLicense && dir != "." {
		if _, err := fs.Stat(repo, "LICENSE"); err == nil {
			files = append(files, repoFile{repo, "LICENSE", "LICENSE"})
		}
	}
	var z bytes.Buffer
	err := modzip.Create(&z, modpath.Version{Path: modPath, Version: version}, files)
	return z.Bytes(), err
}

// repoFile is one file of a module: name in fsys, rel in the module.
type repoFile struct {
	fsys      fs.FS
	name, rel string
}

func (f repoFile) Path() string                 { return f.rel }
func (f repoFile) Lstat() (fs.FileInfo, error)  { return fs.Stat(f.fsys, f.name) }
func (f repoFile) Open() (io.ReadCloser, error) { return f.fsys.Open(f.name) }

// publish adds one module version to the GOPROXY=file:// module proxy in
// dir: its list, .info, .mod and .zip files.
func publish(dir, modPath, version string, gomod, zip []byte, at time.Time) error {
	escaped, err := modpath.EscapePath(modPath)
	if err != nil {
		return err
	}
	d := filepath.Join(dir, filepath.FromSlash(escaped), "@v")
	if err := os.MkdirAll(d, 0o755); err != nil {
		return err
	}
	info, err := json.Marshal(struct {
		Version string
		Time    time.Time
	}{version, at.UTC()})
	if err != nil {
		return err
	}
	for name, data := range map[string][]byte{
		"list":            []byte(version + "\n"),
		version + ".info": info,
		version + ".mod":  gomod,
		version + ".zip":  zip,
	} {
		if err := os.WriteFile(filepath.Join(d, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
