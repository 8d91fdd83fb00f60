//go:build race

package corsaecho5_test

const raceEnabled = true
