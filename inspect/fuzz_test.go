package inspect

import (
	"reflect"
	"testing"
)

// FuzzInspect feeds arbitrary input to Inspect and checks that it never panics, that every
// finding points inside the raw input, and that the same input always gives the same report.
// The seed corpus is in testdata/fuzz/FuzzInspect (go's corpus format), one file per
// fixture of testdata/decode plus hand-made edge cases.
func FuzzInspect(f *testing.F) {
	f.Add([]byte("eyJhbGciOiJIUzI1NiJ9.e30.c2ln"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		r := Inspect(raw, Options{})
		for _, fd := range r.Findings {
			if fd.Offset < 0 || fd.Length < 0 || fd.Offset+fd.Length > len(raw) {
				t.Fatalf("%s span %d+%d outside the %d-byte input", fd.Code, fd.Offset, fd.Length, len(raw))
			}
		}
		for _, s := range r.Segments {
			if s.Start < 0 || s.End > len(r.Token) || s.Start > s.End || r.Token[s.Start:s.End] != s.Text {
				t.Fatalf("segment %s [%d,%d) does not match the token", s.Part, s.Start, s.End)
			}
		}
		again := Inspect(raw, Options{})
		if !reflect.DeepEqual(r, again) {
			t.Fatalf("two runs differ:\n%+v\n%+v", r.Findings, again.Findings)
		}
	})
}
