package inspect

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// benchToken builds an HS256 token of about size bytes whose payload holds the mix of claims
// real tokens carry: registered claims, strings, numbers, booleans, arrays of scopes and
// groups, and nested objects.
func benchToken(size int) string {
	header := `{"alg":"HS256","typ":"JWT","kid":"bench-key-1"}`
	var p strings.Builder
	p.WriteString(`{"iss":"https://issuer.example/realms/bench","sub":"8c1e5e2a-2f4b-4c53-9d1e-3f6a7b8c9d0e","aud":["api","web"],"iat":1700000000,"nbf":1700000000,"exp":1900000000`)
	for i := 0; p.Len()*4/3 < size-100; i++ {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&p, `,"claim_%d":"value number %d with some text and an escaped \/ slash"`, i, i)
		case 1:
			fmt.Fprintf(&p, `,"n_%d":%d.%d,"flag_%d":%t`, i, i*7919, i%10, i, i%2 == 0)
		case 2:
			fmt.Fprintf(&p, `,"groups_%d":["admins","users","group-%d","billing"]`, i, i)
		case 3:
			fmt.Fprintf(&p, `,"obj_%d":{"id":%d,"name":"object %d","tags":["a","b"],"ok":null}`, i, i, i)
		}
	}
	p.WriteString("}")
	in := base64.RawURLEncoding.EncodeToString([]byte(header)) + "." + base64.RawURLEncoding.EncodeToString([]byte(p.String()))
	m := hmac.New(sha256.New, []byte("bench-secret-bench-secret-bench!"))
	m.Write([]byte(in))
	return in + "." + base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

var benchSizes = []struct {
	name string
	size int
}{{"1KiB", 1 << 10}, {"8KiB", 8 << 10}, {"64KiB", 64 << 10}}

// floor is the least any decoder must do: base64url-decode the three segments and
// json.Unmarshal the header and payload into maps.
func floor(tok string) error {
	parts := strings.SplitN(tok, ".", 3)
	var h, p map[string]any
	hb, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil {
		return err
	}
	pb, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return err
	}
	if _, err := base64.RawURLEncoding.DecodeString(parts[2]); err != nil {
		return err
	}
	if err := json.Unmarshal(hb, &h); err != nil {
		return err
	}
	return json.Unmarshal(pb, &p)
}

func BenchmarkInspect(b *testing.B) {
	for _, s := range benchSizes {
		tok := []byte(benchToken(s.size))
		if r := Inspect(tok, Options{}); r.Payload == nil || r.HasErrors() {
			b.Fatalf("bench token does not decode cleanly: %q", codes(r))
		}
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(len(tok)))
			b.ReportAllocs()
			for b.Loop() {
				Inspect(tok, Options{})
			}
		})
	}
}

func BenchmarkFloor(b *testing.B) {
	for _, s := range benchSizes {
		tok := benchToken(s.size)
		if err := floor(tok); err != nil {
			b.Fatal(err)
		}
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(len(tok)))
			b.ReportAllocs()
			for b.Loop() {
				_ = floor(tok)
			}
		})
	}
}

func BenchmarkInspectHostile(b *testing.B) {
	inputs := []struct {
		name string
		in   []byte
	}{
		{"dots-1MiB", []byte(strings.Repeat(".", 1<<20))},
		{"segment-1MiB", []byte(strings.Repeat("eyJh", 1<<18))},
	}
	for _, c := range inputs {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Inspect(c.in, Options{})
			}
		})
	}
}

// TestFloorRatio measures, when JWTLENS_RATIO is set, the process CPU time of Inspect
// against the floor on the same tokens, alternating the two in rounds so that both see the
// same machine load; wall-clock benchmarks are unreliable on a shared machine. It reports
// the ratios and never fails: the budget is judged by a person reading the figures.
func TestFloorRatio(t *testing.T) {
	if os.Getenv("JWTLENS_RATIO") == "" {
		t.Skip("set JWTLENS_RATIO=1 to measure")
	}
	cpu := func() time.Duration {
		var ru syscall.Rusage
		_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	for _, s := range benchSizes {
		tok := benchToken(s.size)
		raw := []byte(tok)
		n := max(20, (2<<20)/len(tok))
		var ti, tf, tn time.Duration
		for round := 0; round < 10; round++ {
			t0 := cpu()
			for i := 0; i < n; i++ {
				Inspect(raw, Options{})
			}
			t1 := cpu()
			for i := 0; i < n; i++ {
				_ = floor(tok)
			}
			t2 := cpu()
			for i := 0; i < n; i++ {
				normalize(raw, 0)
			}
			t3 := cpu()
			ti += t1 - t0
			tf += t2 - t1
			tn += t3 - t2
		}
		ops := time.Duration(10 * n)
		t.Logf("%s: Inspect %v/op, floor %v/op, ratio %.2f; normalize alone %v/op, the rest %.2f of the floor",
			s.name, ti/ops, tf/ops, float64(ti)/float64(tf), tn/ops, float64(ti-tn)/float64(tf))
	}
}
