// Package view converts between strings and byte slices without copying,
// for the fasthttp adapter, whose framework hands out request values as
// byte slices and takes response values as byte slices. It is the only
// package of the repository that uses unsafe.
//
// A view aliases memory someone else owns, so it must never reach user
// code: corsa copies every value it hands to a hook (Config.OriginFunc,
// Config.OnDecision), and the views here are only read by corsa or
// copied by the framework. Each conversion has a test in the fasthttp
// adapter that fails without it, showing the allocation it avoids.
package view

import "unsafe"

// String returns b as a string without copying. The caller must not let
// the string outlive b's contents, nor b change while the string is used.
func String(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// Bytes returns s as a byte slice without copying. The slice must never
// be written to: s may be in read-only memory.
func Bytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}
