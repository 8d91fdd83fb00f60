//go:build !unix

package corsa

// openNonblock is 0 where opening a file cannot wait for a writer, or
// where the system has no such flag.
const openNonblock = 0
