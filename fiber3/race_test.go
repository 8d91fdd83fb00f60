//go:build race

package corsafiber3_test

const raceEnabled = true
