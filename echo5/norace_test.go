//go:build !race

package corsaecho5_test

// raceEnabled reports a -race build, whose instrumentation allocates (and
// sync.Pool drops items at random), so allocation counts mean nothing.
const raceEnabled = false
