package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"
)

// maxRootZip bounds the root module's zip, which every user of every
// adapter downloads: the engine with its Public Suffix List, its tests and
// docs zip to about a third of it, so a release above it carries
// something that does not belong there.
const maxRootZip = 1 << 20

// checkRootZip checks the root module's zip and prints its files by
// directory. It must hold nothing of another module (the module boundary
// keeps their files out: a directory that lost its go.mod would bring them
// in), of the tools module, or of the release tool where it used to live.
func checkRootZip(root *module, version string, mods []*module) error {
	zr, err := zip.NewReader(bytes.NewReader(root.zip), int64(len(root.zip)))
	if err != nil {
		return err
	}
	refused := []string{"tools/", "internal/release/"}
	for _, m := range mods {
		if m.dir != "." {
			refused = append(refused, m.dir+"/")
		}
	}
	type dirSize struct{ files, bytes uint64 }
	dirs := map[string]*dirSize{}
	var total uint64
	var bad []string
	for _, f := range zr.File {
		rel := strings.TrimPrefix(f.Name, root.path+"@"+version+"/")
		for _, r := range refused {
			if strings.HasPrefix(rel, r) {
				bad = append(bad, rel)
				break
			}
		}
		d := path.Dir(rel)
		if dirs[d] == nil {
			dirs[d] = &dirSize{}
		}
		dirs[d].files++
		dirs[d].bytes += f.UncompressedSize64
		total += f.UncompressedSize64
	}
	names := make([]string, 0, len(dirs))
	for d := range dirs {
		names = append(names, d)
	}
	sort.Strings(names)
	fmt.Printf("\nroot module zip, %s@%s: %d files, %.1f KB zipped (%.1f KB unzipped), by directory:\n",
		root.path, version, len(zr.File), float64(len(root.zip))/1e3, float64(total)/1e3)
	for _, d := range names {
		fmt.Printf("  %-32s %4d files %8.1f KB\n", d, dirs[d].files, float64(dirs[d].bytes)/1e3)
	}
	if len(bad) > 0 {
		return fmt.Errorf("the root module's zip holds files of the tools or another module: %s", strings.Join(bad, ", "))
	}
	if len(root.zip) > maxRootZip {
		return fmt.Errorf("the root module's zip is %d bytes, above the %d every user downloads at most", len(root.zip), maxRootZip)
	}
	return nil
}
