//go:build !race

package corsachi_test

// raceEnabled reports a -race build, whose instrumentation allocates.
const raceEnabled = false
