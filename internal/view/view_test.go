package view

import "testing"

func TestViewsShareMemoryWithoutCopying(t *testing.T) {
	b := []byte("https://app.example.com")
	s := String(b)
	if s != "https://app.example.com" {
		t.Fatalf("String = %q", s)
	}
	if &Bytes(s)[0] != &b[0] {
		t.Error("Bytes(String(b)) does not alias b")
	}
	if got := String(nil); got != "" {
		t.Errorf("String(nil) = %q, want empty", got)
	}
	if got := Bytes(""); len(got) != 0 {
		t.Errorf("Bytes(\"\") has length %d", len(got))
	}
}
