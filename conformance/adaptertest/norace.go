//go:build !race

package adaptertest

// RaceEnabled reports a -race build, whose instrumentation allocates (and
// whose sync.Pool drops items at random), so that allocation counts mean
// nothing: allocation tests skip when it is true. CheckAllocsAdded does.
const RaceEnabled = false
