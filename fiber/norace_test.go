//go:build !race

package corsafiber_test

// raceEnabled reports a -race build, whose instrumentation allocates.
const raceEnabled = false
