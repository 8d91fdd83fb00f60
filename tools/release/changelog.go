package main

import (
	"fmt"
	"strings"
	"time"
)

// moveChangelog moves the CHANGELOG's Unreleased subsections ("### core",
// "### gin, echo, fiber, chi", "### docs", ...) under a new heading naming
// the tags and the date: those of the released modules, of the modules
// nobody imports and of anything that is not a module.
// A subsection that also names a module not being released is copied and
// keeps that module's name under Unreleased. notes say what moved, and
// which released module had no entry.
func moveChangelog(text string, mods []*module, now time.Time) (string, []string, error) {
	lines := strings.Split(text, "\n")
	start := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == "## Unreleased" {
			start = i
			break
		}
	}
	if start < 0 {
		return "", nil, fmt.Errorf("CHANGELOG.md has no \"## Unreleased\" section")
	}
	end := len(lines)
	for i := start + 1; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], "## ") {
			end = i
			break
		}
	}
	byDir := map[string]*module{}
	for _, m := range mods {
		byDir[m.dir] = m
	}
	var keep, moved []string
	var notes []string
	hasEntry := map[string]bool{}
	section := lines[start+1 : end]
	for i := 0; i < len(section); {
		if !strings.HasPrefix(section[i], "### ") {
			keep = append(keep, section[i])
			i++
			continue
		}
		j := i + 1
		for j < len(section) && !strings.HasPrefix(section[j], "### ") {
			j++
		}
		body := section[i+1 : j]
		var goes, stays []string
		for _, name := range strings.Split(strings.TrimPrefix(section[i], "### "), ",") {
			name = strings.TrimSpace(name)
			m, ok := byDir[name]
			switch {
			case !ok || m.release || m.role == internal:
				// Not a module ("docs"), a module nobody imports, or
				// one being tagged: its lines ship with this release.
				goes = append(goes, name)
				hasEntry[name] = true
			default:
				stays = append(stays, name)
			}
		}
		if len(goes) > 0 {
			moved = append(moved, "### "+strings.Join(goes, ", "))
			moved = append(moved, body...)
			notes = append(notes, fmt.Sprintf("moves %q (entries: %d)", "### "+strings.Join(goes, ", "), countEntries(body)))
		}
		if len(stays) > 0 {
			keep = append(keep, "### "+strings.Join(stays, ", "))
			keep = append(keep, body...)
		}
		i = j
	}
	var tags []string
	for _, m := range mods {
		if m.release {
			tags = append(tags, m.dir+" "+m.version)
			if !hasEntry[m.dir] {
				notes = append(notes, m.dir+": no Unreleased entry (tagged for its requirements only)")
			}
		}
	}
	heading := fmt.Sprintf("## %s (%s)", strings.Join(tags, ", "), now.Format("2006-01-02"))
	notes = append([]string{"new heading: " + heading}, notes...)
	out := append([]string{}, lines[:start+1]...)
	out = append(out, trimBlank(keep)...)
	out = append(out, "", heading)
	out = append(out, trimBlank(moved)...)
	if end < len(lines) {
		out = append(out, "")
	}
	out = append(out, lines[end:]...)
	return strings.Join(out, "\n"), notes, nil
}

func countEntries(body []string) int {
	n := 0
	for _, l := range body {
		if strings.HasPrefix(l, "- ") {
			n++
		}
	}
	return n
}

// trimBlank drops trailing blank lines, keeping one leading blank line.
func trimBlank(ls []string) []string {
	for len(ls) > 0 && strings.TrimSpace(ls[len(ls)-1]) == "" {
		ls = ls[:len(ls)-1]
	}
	for len(ls) > 0 && strings.TrimSpace(ls[0]) == "" {
		ls = ls[1:]
	}
	if len(ls) == 0 {
		return nil
	}
	return append([]string{""}, ls...)
}
