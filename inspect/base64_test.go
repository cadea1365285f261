package inspect

import (
	"encoding/base64"
	"testing"
)

func TestDecodeLenient(t *testing.T) {
	cases := []struct {
		in           string
		want         string
		bad, std     int
		pad          int
		nonCanonical bool
		inside       bool
	}{
		{in: "aGVsbG8", want: "hello"},
		{in: "aGVsbG8=", want: "hello", pad: 1},
		{in: "aGVsbA==", want: "hell", pad: 2},
		{in: "aGVsbG9", want: "hello", nonCanonical: true},
		{in: "aGVsbB==", want: "hell", pad: 2, nonCanonical: true},
		{in: "-_-_", want: "\xfb\xff\xbf"},
		{in: "+/+/", want: "\xfb\xff\xbf", std: 4},
		{in: "aGV sbG8", want: "hello", bad: 1},
		{in: "aG=VsbG8", want: "hello", pad: 1, inside: true},
		{in: "", want: ""},
	}
	for _, c := range cases {
		got, s := decodeLenient(nil, c.in)
		if string(got) != c.want || s.badCount != c.bad || s.stdCount != c.std || s.padCount != c.pad || s.nonCanonical != c.nonCanonical || s.padInside != c.inside {
			t.Errorf("decodeLenient(%q) = %q %+v", c.in, got, s)
		}
	}
}

// TestDecodeLenientMatchesStdlib checks every length and byte pattern against encoding/base64.
func TestDecodeLenientMatchesStdlib(t *testing.T) {
	data := make([]byte, 64)
	for i := range data {
		data[i] = byte(i*37 + 11)
	}
	for n := 0; n <= len(data); n++ {
		enc := base64.RawURLEncoding.EncodeToString(data[:n])
		got, s := decodeLenient(nil, enc)
		if string(got) != string(data[:n]) || s.nonCanonical || s.digits != len(enc) {
			t.Errorf("n=%d: decodeLenient(%q) = %x, %+v", n, enc, got, s)
		}
	}
}

func TestTextAt(t *testing.T) {
	_, s := decodeLenient(nil, "ab cd\nef")
	for d, want := range []int{0, 1, 3, 4, 6, 7} {
		if got := s.textAt(d); got != want {
			t.Errorf("textAt(%d) = %d, want %d", d, got, want)
		}
	}
}
