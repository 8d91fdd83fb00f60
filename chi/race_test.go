//go:build race

package corsachi_test

const raceEnabled = true
