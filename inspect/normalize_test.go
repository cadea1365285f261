package inspect

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// inputCase mirrors the manifest written by testdata/gen/input.
type inputCase struct {
	Name     string `json:"name"`
	File     string `json:"file"`
	About    string `json:"about"`
	Token    string `json:"token"`
	Stop     bool   `json:"stop"`
	Findings []struct {
		Code   string `json:"code"`
		Offset int    `json:"offset"`
		Length int    `json:"length"`
	} `json:"findings"`
	Messages   []string `json:"messages"`
	Candidates []struct {
		Where  string `json:"where"`
		Offset int    `json:"offset"`
		Length int    `json:"length"`
	} `json:"candidates"`
	Ellipsis *struct {
		Offset int `json:"offset"`
		Length int `json:"length"`
	} `json:"ellipsis"`
	Source string `json:"source"`
}

const inputDir = "../testdata/input"

func loadInputCases(t testing.TB) []inputCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(inputDir, "cases.json"))
	if err != nil {
		t.Fatalf("reading the manifest (run `go run ./testdata/gen/input`): %v", err)
	}
	var cs []inputCase
	if err := json.Unmarshal(data, &cs); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	if len(cs) < 30 {
		t.Fatalf("manifest has %d cases, expected the full set", len(cs))
	}
	return cs
}

func findingKeys(fs []Finding) []string {
	var k []string
	for _, f := range fs {
		k = append(k, fmt.Sprintf("%s@%d+%d", f.Code, f.Offset, f.Length))
	}
	sort.Strings(k)
	return k
}

func TestNormalizeFixtures(t *testing.T) {
	for _, tc := range loadInputCases(t) {
		t.Run(tc.Name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(inputDir, tc.File))
			if err != nil {
				t.Fatal(err)
			}
			n := normalize(raw, 0)
			if n.token != tc.Token {
				t.Errorf("normalize(%s) token = %q, want %q", tc.File, n.token, tc.Token)
			}
			if n.stop != tc.Stop {
				t.Errorf("normalize(%s) stop = %v, want %v", tc.File, n.stop, tc.Stop)
			}
			var want []string
			for _, f := range tc.Findings {
				want = append(want, fmt.Sprintf("%s@%d+%d", f.Code, f.Offset, f.Length))
			}
			sort.Strings(want)
			if got := findingKeys(n.findings); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("normalize(%s) findings = %v, want %v", tc.File, got, want)
			}
			var msgs strings.Builder
			for _, f := range n.findings {
				msgs.WriteString(f.Message + "\n")
			}
			for _, m := range tc.Messages {
				if !strings.Contains(msgs.String(), m) {
					t.Errorf("normalize(%s) messages do not mention %q:\n%s", tc.File, m, msgs.String())
				}
			}
			var gotC, wantC []string
			for _, c := range n.candidates {
				gotC = append(gotC, fmt.Sprintf("%s@%d+%d", c.Where, c.Offset, c.Length))
			}
			for _, c := range tc.Candidates {
				wantC = append(wantC, fmt.Sprintf("%s@%d+%d", c.Where, c.Offset, c.Length))
			}
			if strings.Join(gotC, "|") != strings.Join(wantC, "|") {
				t.Errorf("normalize(%s) candidates = %v, want %v", tc.File, gotC, wantC)
			}
			if tc.Ellipsis != nil {
				if !n.ellipsis || n.ellipsisOffset != tc.Ellipsis.Offset || n.ellipsisLen != tc.Ellipsis.Length {
					t.Errorf("normalize(%s) ellipsis = %v@%d+%d, want true@%d+%d", tc.File, n.ellipsis, n.ellipsisOffset, n.ellipsisLen, tc.Ellipsis.Offset, tc.Ellipsis.Length)
				}
			} else if n.ellipsis {
				t.Errorf("normalize(%s) reports an ellipsis at %d, want none", tc.File, n.ellipsisOffset)
			}
			if tc.Source != "" && n.source != tc.Source {
				t.Errorf("normalize(%s) source = %q, want %q", tc.File, n.source, tc.Source)
			}
			checkNormalized(t, raw, n)
		})
	}
}

// checkNormalized asserts the invariants every result must keep: the offset map relates
// each token byte to the raw byte it came from, findings lie inside the raw input and are
// complete, and a stopped result has no token.
func checkNormalized(t *testing.T, raw []byte, n normalized) {
	t.Helper()
	if n.stop && n.token != "" {
		t.Errorf("stopped with a token %q", n.token)
	}
	if !n.stop && n.token == "" {
		t.Errorf("neither stopped nor found a token")
	}
	if n.token != "" && n.utf16 {
		// Offsets point at UTF-16 code units: in range and in order, every ASCII byte at the
		// byte of its unit that holds it.
		if len(n.offsets) != len(n.token)+1 {
			t.Fatalf("len(offsets) = %d, want len(token)+1 = %d", len(n.offsets), len(n.token)+1)
		}
		for i, o := range n.offsets {
			if o < 0 || o > len(raw) || i < len(n.token) && o >= len(raw) || i > 0 && o < n.offsets[i-1] {
				t.Fatalf("offsets[%d] = %d out of range or order (raw %d bytes)", i, o, len(raw))
			}
			// (A byte read from a typographic look-alike comes from a unit of two
			// non-NUL bytes.)
			if i < len(n.token) && n.token[i] < 0x80 && raw[o] != n.token[i] && (raw[o] == 0 || o+1 >= len(raw) || raw[o+1] == 0) {
				t.Fatalf("token[%d] = %q but raw[%d] = %q", i, n.token[i], o, raw[o])
			}
		}
	} else if n.token != "" {
		if len(n.offsets) != len(n.token)+1 {
			t.Fatalf("len(offsets) = %d, want len(token)+1 = %d", len(n.offsets), len(n.token)+1)
		}
		for i := 0; i < len(n.token); i++ {
			o := n.offsets[i]
			if o < 0 || o >= len(raw) {
				t.Fatalf("offsets[%d] = %d outside the raw input (%d bytes)", i, o, len(raw))
			}
			if i > 0 && o <= n.offsets[i-1] {
				t.Fatalf("offsets[%d] = %d not after offsets[%d] = %d", i, o, i-1, n.offsets[i-1])
			}
			switch {
			case raw[o] == n.token[i]:
			case raw[o] == '%' && o+2 < len(raw) && isHex(raw[o+1]) && isHex(raw[o+2]) && unhex(raw[o+1])<<4|unhex(raw[o+2]) == n.token[i]:
			case lookAlike(raw, o) == n.token[i]:
			default:
				t.Fatalf("token[%d] = %q but raw[offsets[%d]=%d] = %q", i, n.token[i], i, o, raw[o])
			}
		}
		last := n.offsets[len(n.token)]
		if last <= n.offsets[len(n.token)-1] || last > len(raw) {
			t.Fatalf("offsets[len] = %d, want just past the last byte (after %d, at most %d)", last, n.offsets[len(n.token)-1], len(raw))
		}
		// The last entry is just past the raw bytes of the last token byte.
		lo := n.offsets[len(n.token)-1]
		if want := lo + 1; raw[lo] == '%' && n.token[len(n.token)-1] != '%' {
			want = lo + 3
			if last != want {
				t.Fatalf("offsets[len] = %d, want %d after a percent triplet", last, want)
			}
		} else if ch, size, ok := invisibleAt(raw, lo); ok && ch.repl == n.token[len(n.token)-1] {
			if last != lo+size {
				t.Fatalf("offsets[len] = %d, want %d after a typographic look-alike", last, lo+size)
			}
		} else if last != want {
			t.Fatalf("offsets[len] = %d, want %d", last, want)
		}
	}
	for _, f := range n.findings {
		if f.Offset < 0 || f.Length < 0 || f.Offset+f.Length > len(raw) {
			t.Errorf("finding %s at %d+%d outside the raw input (%d bytes)", f.Code, f.Offset, f.Length, len(raw))
		}
		if _, ok := LookupCode(f.Code); !ok {
			t.Errorf("finding code %q is not in the catalogue", f.Code)
		}
		if f.Message == "" || f.Hint == "" || (f.Part != PartInput && f.Part != PartToken) {
			t.Errorf("finding %s incomplete: part %q message %q hint %q", f.Code, f.Part, f.Message, f.Hint)
		}
		if info, _ := LookupCode(f.Code); info.Severity != f.Severity {
			t.Errorf("finding %s severity %v, catalogue says %v", f.Code, f.Severity, info.Severity)
		}
		if !utf8.ValidString(f.Message) {
			t.Errorf("finding %s message is not UTF-8: %q", f.Code, f.Message)
		}
		if HasUnsafe(f.Message) {
			t.Errorf("finding %s message quotes pasted text without Sanitize: %q", f.Code, f.Message)
		}
		if m := oneMany.FindString(f.Message); m != "" {
			t.Errorf("finding %s message says %q: singular and plural mixed up: %q", f.Code, m, f.Message)
		}
		if strings.Contains(f.Message, `\\`) && !strings.Contains(Sanitize(string(raw)), `\\`) {
			t.Errorf("finding %s message doubles a backslash of the paste (escaped twice): %q", f.Code, f.Message)
		}
	}
	for _, c := range n.candidates {
		if c.Offset < 0 || c.Length <= 0 || c.Offset+c.Length > len(raw) || c.Where == "" {
			t.Errorf("candidate %+v outside the raw input (%d bytes) or unnamed", c, len(raw))
		}
	}
	if n.ellipsis && (n.ellipsisOffset < 0 || n.ellipsisOffset+n.ellipsisLen > len(raw) || n.ellipsisLen <= 0) {
		t.Errorf("ellipsis at %d+%d outside the raw input", n.ellipsisOffset, n.ellipsisLen)
	}
}

// lookAlike is the ASCII character the typographic look-alike at raw[o] stands for, or 0.
func lookAlike(raw []byte, o int) byte {
	if ch, _, ok := invisibleAt(raw, o); ok {
		return ch.repl
	}
	return 0
}

// oneMany finds a count of one with a plural noun ("1 bytes").
var oneMany = regexp.MustCompile(`(^|[^0-9.,])1 (bytes|characters|dots|spaces|line breaks|CR line breaks|CRLF line breaks|sequences|lines|more invisible characters|stray trailing dots)\b`)

func TestNormalizeTooLarge(t *testing.T) {
	raw := bytes.Repeat([]byte("A"), 101)
	n := normalize(raw, 100)
	if !n.stop || len(n.findings) != 1 || n.findings[0].Code != "input.too-large" || n.token != "" {
		t.Fatalf("normalize(101 bytes, cap 100) = stop %v findings %v token %q, want only input.too-large", n.stop, findingKeys(n.findings), n.token)
	}
	n = normalize(raw[:100], 100)
	if n.Has("input.too-large") {
		t.Fatalf("normalize(100 bytes, cap 100) reports input.too-large")
	}
	big := make([]byte, DefaultMaxSize+1)
	if n := normalize(big, 0); !n.Has("input.too-large") {
		t.Fatalf("normalize(DefaultMaxSize+1, 0) = %v, want input.too-large", findingKeys(n.findings))
	}
}

// Has reports whether the result carries a finding with code.
func (n normalized) Has(code string) bool {
	for _, f := range n.findings {
		if f.Code == code {
			return true
		}
	}
	return false
}

func TestNormalizeBufferLimit(t *testing.T) {
	tok := "eyJhbGciOiJIUzI1NiJ9." + strings.Repeat("eyJz", 2000)
	for _, size := range []int{255, 256, 512, 1024, 4096} {
		n := normalize([]byte(tok[:size]), 0)
		if n.atBufferLimit != size || n.tokenAtBufferLimit != size {
			t.Errorf("normalize(%d bytes) atBufferLimit = %d, tokenAtBufferLimit = %d, want %d", size, n.atBufferLimit, n.tokenAtBufferLimit, size)
		}
	}
	if n := normalize([]byte(tok[:300]), 0); n.atBufferLimit != 0 {
		t.Errorf("normalize(300 bytes) atBufferLimit = %d, want 0", n.atBufferLimit)
	}
	// A header value cut at 1024 bytes inside a longer paste.
	raw := "Authorization: Bearer " + tok[:1024] + "\r\nHost: x\r\n"
	if n := normalize([]byte("GET / HTTP/1.1\r\n"+raw), 0); n.tokenAtBufferLimit != 1024 || n.atBufferLimit != 0 {
		t.Errorf("HTTP request with a 1024-byte token: tokenAtBufferLimit = %d atBufferLimit = %d, want 1024 and 0", n.tokenAtBufferLimit, n.atBufferLimit)
	}
}

func TestNormalizeHostile(t *testing.T) {
	for name, raw := range map[string][]byte{
		"dots":           bytes.Repeat([]byte("."), 1<<20),
		"one-segment":    append([]byte("eyJ"), bytes.Repeat([]byte("A"), 1<<20-3)...),
		"spaces-and-eyJ": bytes.Repeat([]byte("eyJhbGciOiJIUzI1 "), 1<<15),
		"zwsp":           bytes.Repeat([]byte("\u200B"), 1<<18),
		"percent":        bytes.Repeat([]byte("%2E"), 1<<18),
		"equals":         bytes.Repeat([]byte("a=b"), 1<<18),
		"quotes":         bytes.Repeat([]byte(`"eyJhbGciOiJIUzI1":`), 1<<15),
		"strays":         bytes.Repeat([]byte("eyJhbGciOiJIUzI1*"), 1<<15),
		"strays-dots":    bytes.Repeat([]byte("eyJhbGci.OiJIUzI1!"), 1<<15),
		"lookalikes":     bytes.Repeat([]byte("eyJhbGci\u2010OiJIUzI1\uFF0E"), 1<<14),
		"utf16":          append([]byte{0xFF, 0xFE}, bytes.Repeat([]byte("e\x00.\x00"), 1<<17)...),
	} {
		t.Run(name, func(t *testing.T) {
			if len(raw) > DefaultMaxSize {
				t.Fatalf("hostile input of %d bytes is over the cap: it would test nothing", len(raw))
			}
			n := normalize(raw, 0)
			checkNormalized(t, raw, n)
			if len(n.findings) > 32 || len(n.candidates) > maxCandidates {
				t.Errorf("%d findings and %d candidates: not bounded", len(n.findings), len(n.candidates))
			}
		})
	}
}

func FuzzNormalize(f *testing.F) {
	entries, _ := os.ReadDir(inputDir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".txt") {
			if b, err := os.ReadFile(filepath.Join(inputDir, e.Name())); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("Bearer \u00a0eyJ.eyJ.%2"))
	f.Add([]byte("\"eyJhbGciOiJIUzI1\n\neyJ...\u2026"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		n := normalize(raw, 4096)
		checkNormalized(t, raw, n)
		m := normalize(raw, 4096)
		if m.token != n.token || fmt.Sprint(m.findings) != fmt.Sprint(n.findings) {
			t.Fatalf("normalize is not deterministic")
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	tok := "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + strings.Repeat("eyJzdWIiOiIxMjM0NTY3ODkwIn0", 8192/27) + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
	tok = tok[:8192-44] + tok[len(tok)-44:]
	for _, bc := range []struct {
		name string
		raw  []byte
	}{
		{"clean-8KiB", []byte(tok)},
		{"bearer-8KiB", []byte("Bearer " + tok + "\n")},
		{"dots-1MiB", bytes.Repeat([]byte("."), 1<<20)},
		{"segment-1MiB", append([]byte("eyJ"), bytes.Repeat([]byte("A"), 1<<20-3)...)},
		{"http-request-8KiB", []byte("GET / HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: Bearer " + tok + "\r\nAccept: */*\r\n\r\n")},
		{"wrapped-8KiB", []byte(wrapForBench(tok, 76))},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.raw)))
			for i := 0; i < b.N; i++ {
				_ = normalize(bc.raw, 0)
			}
		})
	}
}

func wrapForBench(s string, w int) string {
	var sb strings.Builder
	for len(s) > w {
		sb.WriteString(s[:w] + "\n")
		s = s[w:]
	}
	sb.WriteString(s)
	return sb.String()
}

// TestReadCappedSaysMoreThan: a caller that stopped reading at the cap does not know the
// input's size, so the finding says "more than" the cap instead of the bytes it was given.
func TestReadCappedSaysMoreThan(t *testing.T) {
	raw := make([]byte, 1025)
	r := Inspect(raw, Options{MaxSize: 1024, ReadCapped: true})
	f := r.Headline()
	if f == nil || f.Code != "input.too-large" || !strings.Contains(f.Message, "more than 1 KiB (stopped reading at the cap)") {
		t.Fatalf("headline = %+v, want input.too-large saying more than 1 KiB", f)
	}
	if strings.Contains(f.Message, "never this long") {
		t.Errorf("message %q: under a small cap a real token can be this long", f.Message)
	}
}
