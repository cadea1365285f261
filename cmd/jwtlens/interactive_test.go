package main

import "testing"

func TestPrefillDropsTheFinalLineBreak(t *testing.T) {
	for in, want := range map[string]string{
		"eyJ.e30.sig\n":   "eyJ.e30.sig",
		"eyJ.e30.sig\r\n": "eyJ.e30.sig",
		"eyJ.e30.sig":     "eyJ.e30.sig",
		"a\nb\n\n":        "a\nb\n", // only the one break that ends the file
	} {
		if got := prefill([]byte(in)); got != want {
			t.Errorf("prefill(%q) = %q, want %q", in, got, want)
		}
	}
}
