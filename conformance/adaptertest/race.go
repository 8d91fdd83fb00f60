//go:build race

package adaptertest

// RaceEnabled reports a -race build (see norace.go).
const RaceEnabled = true
