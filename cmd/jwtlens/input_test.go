package main

import "testing"

// TestTokenLike: which arguments are tokens and which are read as files when they exist.
func TestTokenLike(t *testing.T) {
	for s, want := range map[string]bool{
		"eyJhbGciOiJIUzI1NiJ9.e30.c2ln": true, "abcdefghij.klmnopqrst.uvwxyz": true,
		"token.txt": false, "my token.txt": false, "./keys/a.b.c": false, "/tmp/x.jwt": false,
	} {
		if got := tokenLike(s); got != want {
			t.Errorf("tokenLike(%q) = %v, want %v", s, got, want)
		}
	}
}
