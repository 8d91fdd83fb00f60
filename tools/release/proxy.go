package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// source reads the repository's files: the working tree (what the release
// commit will hold) or an existing tag (a module this release does not
// retag).
type source interface {
	// list returns the paths, relative to the repository root and
	// slash-separated, of the files under dir ("." for all).
	list(dir string) ([]string, error)
	read(name string) ([]byte, error)
}

// worktree is the working tree: tracked files and untracked ones that
// .gitignore does not exclude, which is what a commit of it would hold.
type worktree struct{ root string }

func (w worktree) list(dir string) ([]string, error) {
	out, err := git(w.root, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", dir)
	if err != nil {
		return nil, err
	}
	var names []string
	seen := map[string]bool{}
	for _, n := range strings.Split(out, "\x00") {
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		fi, err := os.Lstat(filepath.Join(w.root, filepath.FromSlash(n)))
		if err != nil || !fi.Mode().IsRegular() {
			continue // deleted but not yet committed, or not a regular file
		}
		names = append(names, n)
	}
	return names, nil
}

func (w worktree) read(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(w.root, filepath.FromSlash(name)))
}

// tagTree is the tree of an existing tag.
type tagTree struct{ root, rev string }

func (t tagTree) list(dir string) ([]string, error) {
	out, err := git(t.root, "ls-tree", "-r", "-z", "--name-only", t.rev, "--", dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, n := range strings.Split(out, "\x00") {
		if n != "" {
			names = append(names, n)
		}
	}
	return names, nil
}

func (t tagTree) read(name string) ([]byte, error) {
	out, err := git(t.root, "show", t.rev+":"+name)
	return []byte(out), err
}

// zipFile is one file of a module zip, named relative to the module root.
type zipFile struct {
	name string
	data []byte
}

// moduleFiles returns the files the module proxy would put in the zip of
// the module in dir, following golang.org/x/mod/zip and the go command's
// modfetch: files of nested modules, vendored packages and
// .hg_archival.txt are left out, and a module in a subdirectory without a
// LICENSE gets the repository root's. goMod replaces the module's go.mod.
func moduleFiles(src source, dir string, goMod []byte) ([]zipFile, error) {
	names, err := src.list(dir)
	if err != nil {
		return nil, err
	}
	prefix := ""
	if dir != "." {
		prefix = dir + "/"
	}
	rel := make([]string, 0, len(names))
	nested := map[string]bool{} // directories, relative to the module, holding another module
	for _, n := range names {
		r, ok := strings.CutPrefix(n, prefix)
		if !ok {
			continue
		}
		rel = append(rel, r)
		if d, base := path.Split(r); base == "go.mod" && d != "" {
			nested[strings.TrimSuffix(d, "/")] = true
		}
	}
	var files []zipFile
	haveLicense := false
	folded := map[string]string{}
	for _, r := range rel {
		if inNested(r, nested) || isVendored(r) || r == ".hg_archival.txt" {
			continue
		}
		if other, dup := folded[strings.ToLower(r)]; dup {
			return nil, fmt.Errorf("%s: %q and %q differ only in case, which a module zip refuses", dir, other, r)
		}
		folded[strings.ToLower(r)] = r
		if err := checkFileName(r); err != nil {
			return nil, fmt.Errorf("%s: %w", dir, err)
		}
		data := goMod
		if r != "go.mod" {
			if data, err = src.read(prefix + r); err != nil {
				return nil, err
			}
		}
		haveLicense = haveLicense || r == "LICENSE"
		files = append(files, zipFile{r, data})
	}
	if !haveLicense && dir != "." {
		if data, err := src.read("LICENSE"); err == nil {
			files = append(files, zipFile{"LICENSE", data})
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].name < files[j].name })
	return files, nil
}

func inNested(r string, nested map[string]bool) bool {
	for d := path.Dir(r); d != "."; d = path.Dir(d) {
		if nested[d] {
			return true
		}
	}
	return false
}

// isVendored follows x/mod/zip's rule for go 1.24 and later modules: files
// in a package below a vendor directory, and vendor/modules.txt.
func isVendored(r string) bool {
	if r == "vendor/modules.txt" {
		return true
	}
	var rest string
	if s, ok := strings.CutPrefix(r, "vendor/"); ok {
		rest = s
	} else if i := strings.Index(r, "/vendor/"); i >= 0 {
		rest = r[i+len("/vendor/"):]
	} else {
		return false
	}
	return strings.Contains(rest, "/")
}

// checkFileName refuses the names a module zip cannot hold.
func checkFileName(r string) error {
	if r == "" || strings.HasPrefix(r, "/") || path.Clean(r) != r || strings.Contains(r, "\\") {
		return fmt.Errorf("file name %q cannot be in a module zip", r)
	}
	for _, c := range r {
		if c < 0x20 || c == 0x7f || strings.ContainsRune("\"'*<>?`|:", c) {
			return fmt.Errorf("file name %q has a character a module zip refuses", r)
		}
	}
	return nil
}

// proxy is a directory laid out as a GOPROXY=file:// module proxy.
type proxy struct{ dir string }

// add publishes one module version: list, .info, .mod and .zip.
func (p proxy) add(modPath, version string, goMod []byte, files []zipFile, at time.Time) error {
	d := filepath.Join(p.dir, filepath.FromSlash(escapePath(modPath)), "@v")
	if err := os.MkdirAll(d, 0o755); err != nil {
		return err
	}
	var z bytes.Buffer
	zw := zip.NewWriter(&z)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: modPath + "@" + version + "/" + f.name, Method: zip.Deflate, Modified: at})
		if err != nil {
			return err
		}
		if _, err := w.Write(f.data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	info, err := json.Marshal(struct {
		Version string
		Time    time.Time
	}{version, at.UTC()})
	if err != nil {
		return err
	}
	list, _ := os.ReadFile(filepath.Join(d, "list"))
	list = append(list, version+"\n"...)
	for name, data := range map[string][]byte{
		"list":            list,
		version + ".info": info,
		version + ".mod":  goMod,
		version + ".zip":  z.Bytes(),
	} {
		if err := os.WriteFile(filepath.Join(d, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// escapePath is the module proxy's case encoding: each upper-case letter
// becomes "!" and its lower case.
func escapePath(p string) string {
	var b strings.Builder
	for _, c := range p {
		if 'A' <= c && c <= 'Z' {
			b.WriteByte('!')
			c += 'a' - 'A'
		}
		b.WriteRune(c)
	}
	return b.String()
}

// url is the GOPROXY entry for the directory.
func (p proxy) url() string { return "file://" + filepath.ToSlash(p.dir) }
