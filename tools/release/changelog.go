package main

import (
	"fmt"
	"strings"
	"time"
)

// moveChangelog moves everything under the CHANGELOG's "## Unreleased"
// heading under a new one for the release, "## v0.1.0 (2026-12-01)",
// and leaves Unreleased empty for the changes after it. Every published
// module is released together, so every entry ships. note says what moved.
func moveChangelog(text []byte, version string, now time.Time) ([]byte, string, error) {
	lines := strings.Split(string(text), "\n")
	start := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == "## Unreleased" {
			start = i
			break
		}
	}
	if start < 0 {
		return nil, "", fmt.Errorf("CHANGELOG.md has no \"## Unreleased\" section")
	}
	end := len(lines)
	for i := start + 1; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], "## ") {
			end = i
			break
		}
	}
	body := lines[start+1 : end]
	for len(body) > 0 && strings.TrimSpace(body[0]) == "" {
		body = body[1:]
	}
	for len(body) > 0 && strings.TrimSpace(body[len(body)-1]) == "" {
		body = body[:len(body)-1]
	}
	if len(body) == 0 {
		return nil, "", fmt.Errorf("CHANGELOG.md: nothing under \"## Unreleased\" to release")
	}
	var sections []string
	entries := 0
	for _, l := range body {
		if s, ok := strings.CutPrefix(l, "### "); ok {
			sections = append(sections, s)
		}
		if strings.HasPrefix(l, "- ") {
			entries++
		}
	}
	heading := fmt.Sprintf("## %s (%s)", version, now.Format("2006-01-02"))
	out := append([]string{}, lines[:start+1]...)
	out = append(out, "", heading, "")
	out = append(out, body...)
	if end < len(lines) {
		out = append(out, "")
	}
	out = append(out, lines[end:]...)
	note := fmt.Sprintf("CHANGELOG.md: %s, the %d entries under Unreleased (%s)", heading, entries, strings.Join(sections, "; "))
	return []byte(strings.Join(out, "\n")), note, nil
}
