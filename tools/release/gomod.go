package main

import (
	"fmt"
	"path"
	"strings"
)

// rewrite returns a go.mod with every requirement on a module of this
// repository set to versions[path]. With dropReplaces, the replace lines
// that point a sibling module at its directory are removed, as a tagged
// release needs; any other replace line is an error, because a replace
// line only applies in the main module and users would have to copy it.
// Without dropReplaces (the modules nobody imports, and the development
// go.mod files after a release) replace lines stay as they are.
//
// dir is the module's directory relative to the repository root, dirs maps
// each sibling module path to its directory, so that "=> ../core" can be
// checked to point where it should.
func rewrite(gomod, dir string, versions, dirs map[string]string, dropReplaces bool) (string, error) {
	var out []string
	var block string // "require", "replace" or "" outside a block
	var blockStart int
	kept := 0 // lines kept in the current replace block
	for n, line := range strings.Split(gomod, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case block == "" && (trimmed == "require (" || trimmed == "replace ("):
			block = strings.Fields(trimmed)[0]
			blockStart, kept = len(out), 0
			out = append(out, line)
			continue
		case block != "" && trimmed == ")":
			if block == "replace" && kept == 0 {
				out = out[:blockStart] // every line gone: drop the block
			} else {
				out = append(out, line)
			}
			block = ""
			continue
		}
		if trimmed == "" || strings.HasPrefix(trimmed, "//") {
			out = append(out, line)
			continue
		}
		verb, spec := block, trimmed
		if block == "" {
			verb, spec, _ = strings.Cut(trimmed, " ")
		}
		switch verb {
		case "require":
			fields := strings.Fields(spec)
			if len(fields) >= 2 && isOurs(fields[0]) {
				v, ok := versions[fields[0]]
				if !ok {
					return "", fmt.Errorf("%s/go.mod:%d: requires %s, which is not a published module of this repository", dir, n+1, fields[0])
				}
				line = strings.Replace(line, fields[0]+" "+fields[1], fields[0]+" "+v, 1)
			}
		case "replace":
			if !dropReplaces {
				break
			}
			if err := checkReplace(spec, dir, dirs); err != nil {
				return "", fmt.Errorf("%s/go.mod:%d: %w", dir, n+1, err)
			}
			continue // a sibling replace: not in a release
		}
		if block == "replace" {
			kept++
		}
		out = append(out, line)
	}
	return tidyBlankLines(out), nil
}

// checkReplace accepts only "sibling => ../its/dir", the development link
// that a release removes.
func checkReplace(spec, dir string, dirs map[string]string) error {
	from, to, ok := strings.Cut(spec, "=>")
	if !ok {
		return fmt.Errorf("malformed replace %q", spec)
	}
	fromF, toF := strings.Fields(from), strings.Fields(to)
	if len(fromF) != 1 || len(toF) != 1 || !isOurs(fromF[0]) {
		return fmt.Errorf("replace %q would be needed by users too, and users never see a dependency's replace lines", spec)
	}
	want, ok := dirs[fromF[0]]
	if !ok || path.Clean(path.Join(dir, toF[0])) != want {
		return fmt.Errorf("replace %q does not point at the sibling module's directory %q", spec, want)
	}
	return nil
}

// isOurs reports whether a module path belongs to this repository.
func isOurs(p string) bool { return p == repoPath || strings.HasPrefix(p, repoPath+"/") }

// tidyBlankLines joins lines with at most one blank line in a row and one
// newline at the end, as go mod tidy formats go.mod.
func tidyBlankLines(lines []string) string {
	var b strings.Builder
	blank := true // no blank line at the top
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			if blank {
				continue
			}
			blank = true
			b.WriteString("\n")
			continue
		}
		blank = false
		b.WriteString(l + "\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// ourRequirements lists the repository's modules a go.mod requires.
func ourRequirements(gomod string) []string {
	var reqs []string
	inBlock := false
	for _, line := range strings.Split(gomod, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 2 && f[0] == "require" && f[1] == "(":
			inBlock = true
		case inBlock && len(f) == 1 && f[0] == ")":
			inBlock = false
		case inBlock && len(f) >= 2 && isOurs(f[0]):
			reqs = append(reqs, f[0])
		case !inBlock && len(f) >= 3 && f[0] == "require" && isOurs(f[1]):
			reqs = append(reqs, f[1])
		}
	}
	return reqs
}
