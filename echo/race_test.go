//go:build race

package corsaecho_test

const raceEnabled = true
