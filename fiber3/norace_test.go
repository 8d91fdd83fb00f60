//go:build !race

package corsafiber3_test

// raceEnabled reports a -race build, whose instrumentation allocates.
const raceEnabled = false
