//go:build race

package corsagin_test

const raceEnabled = true
