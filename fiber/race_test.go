//go:build race

package corsafiber_test

const raceEnabled = true
