package inspect

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// fixture reads testdata/decode/NAME.token and, when present, NAME.want.json (made by
// go run ./testdata/gen/tokens).
func fixture(t *testing.T, name string) (raw []byte, wantHeader, wantPayload string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "decode", name+".token"))
	if err != nil {
		t.Fatalf("fixture %s: %v (run go run ./testdata/gen/tokens)", name, err)
	}
	b, err := os.ReadFile(filepath.Join("..", "testdata", "decode", name+".want.json"))
	if err == nil {
		var w struct{ Header, Payload string }
		if err := json.Unmarshal(b, &w); err != nil {
			t.Fatalf("fixture %s.want.json: %v", name, err)
		}
		wantHeader, wantPayload = w.Header, w.Payload
	}
	return raw, wantHeader, wantPayload
}

// codes lists the codes of the findings the decode work makes (structure, base64, json,
// header and signature shape), in report order; input, claims, text and verification
// findings are the other parts' to test.
func codes(r *Report) []string {
	var cs []string
	for _, f := range r.Findings {
		switch {
		case f.Code == "signature.not-verified" || f.Code == "signature.verified" || f.Code == "signature.invalid":
		case strings.HasPrefix(f.Code, "structure."), strings.HasPrefix(f.Code, "base64."), strings.HasPrefix(f.Code, "json."),
			strings.HasPrefix(f.Code, "header."), strings.HasPrefix(f.Code, "signature."):
			cs = append(cs, f.Code)
		}
	}
	return cs
}

func find(r *Report, code string) *Finding {
	for i := range r.Findings {
		if r.Findings[i].Code == code {
			return &r.Findings[i]
		}
	}
	return nil
}

func segText(r *Report, part Part) (string, bool) {
	for _, s := range r.Segments {
		if s.Part == part {
			return string(s.Bytes), true
		}
	}
	return "", false
}

// decodedAround decodes the base64 characters of raw around [off, off+n), widened to whole
// 4-character groups of the segment starting at segStart, so a test can see which decoded
// bytes a finding's span covers without using the mapping under test.
func decodedAround(raw []byte, segStart, off, n int) string {
	end := off + n
	a := segStart + (off-segStart)/4*4
	b := segStart + (end-segStart+3)/4*4
	seg := raw[segStart:]
	if k := strings.IndexByte(string(seg), '.'); k >= 0 {
		seg = seg[:k]
	}
	if b > segStart+len(seg) {
		b = segStart + len(seg)
	}
	txt := strings.TrimRight(string(raw[a:b]), "=")
	txt = strings.NewReplacer("+", "-", "/", "_").Replace(txt)
	if len(txt)%4 == 1 {
		txt = txt[:len(txt)-1]
	}
	out, _ := base64.RawURLEncoding.DecodeString(txt)
	return string(out)
}

func TestInspectFixtures(t *testing.T) {
	tests := []struct {
		name     string
		kind     Kind
		codes    []string // every finding code, in report order
		severity map[string]Severity
		// rawAt: the raw bytes a finding points at; decodedAt: text the decoded bytes
		// under a finding's span (in the header or payload) must contain.
		rawAt     map[string]string
		decodedAt map[string]string
		prefix    bool // the payload decodes to a prefix of the wanted text (a cut token)
		sigBytes  int
		sigWant   int
	}{
		{name: "hs256", kind: KindJWS, sigBytes: 32, sigWant: 32},
		{name: "rs256", kind: KindJWS, sigBytes: 256},
		{name: "ps256", kind: KindJWS, sigBytes: 256},
		{name: "es256", kind: KindJWS, sigBytes: 64, sigWant: 64},
		{name: "eddsa", kind: KindJWS, sigBytes: 64, sigWant: 64},
		{name: "cut-2-short", kind: KindJWS, codes: []string{"structure.truncated", "signature.length", "base64.bad-length"}, sigBytes: 30, sigWant: 32},
		{name: "cut-in-payload", kind: KindJWS, prefix: true,
			codes: []string{"structure.truncated", "structure.segment-count", "json.truncated"}},
		{name: "fourth-segment", kind: KindJWS, codes: []string{"structure.segment-count"}, sigBytes: 32, sigWant: 32},
		{name: "jwe-dir", kind: KindJWE, codes: []string{"structure.jwe"}},
		{name: "none-dot", kind: KindUnsecured, codes: []string{"header.alg-none"}, decodedAt: map[string]string{"header.alg-none": `"none"`}},
		{name: "none-no-dot", kind: KindUnsecured, codes: []string{"structure.segment-count", "header.alg-none"}},
		{name: "none-padded", kind: KindUnsecured, codes: []string{"header.alg-none", "base64.padding"}, rawAt: map[string]string{"base64.padding": "="}},
		{name: "none-with-signature", kind: KindUnsecured, codes: []string{"signature.unexpected", "header.alg-none"}},
		{name: "padded-signed", kind: KindJWS, codes: []string{"base64.padding", "base64.padding"}, sigBytes: 32, sigWant: 32},
		{name: "std-alphabet", kind: KindJWS, codes: []string{"base64.std-alphabet", "base64.std-alphabet"}, rawAt: map[string]string{"base64.std-alphabet": "+"}, sigBytes: 32, sigWant: 32},
		{name: "sig-44-chars", kind: KindJWS, codes: []string{"base64.padding"}, rawAt: map[string]string{"base64.padding": "="}, sigBytes: 32, sigWant: 32},
		{name: "sig-33-bytes", kind: KindJWS, codes: []string{"signature.length"}, sigBytes: 33, sigWant: 32},
		{name: "sibling-last-char", kind: KindJWS, codes: []string{"base64.non-canonical"}, sigBytes: 32, sigWant: 32},
		{name: "payload-binary", kind: KindJWS, codes: []string{"json.not-utf8"}},
		{name: "payload-text", kind: KindJWS, codes: []string{"json.invalid"}},
		{name: "header-rot13", kind: KindUnknown, codes: []string{"json.not-utf8"}},
		{name: "duplicate-sub", kind: KindJWS, codes: []string{"json.duplicate-key"},
			severity: map[string]Severity{"json.duplicate-key": Warning}, decodedAt: map[string]string{"json.duplicate-key": `"sub"`}},
		{name: "duplicate-alg", kind: KindUnsecured, codes: []string{"json.duplicate-key", "signature.unexpected", "header.alg-none"},
			severity: map[string]Severity{"json.duplicate-key": Error}, decodedAt: map[string]string{"json.duplicate-key": `"alg"`}},
		{name: "escaped-slash", kind: KindJWS},
		{name: "control-chars", kind: KindJWS},
		{name: "es256-der", kind: KindJWS, codes: []string{"signature.der-encoded"}, sigBytes: 71, sigWant: 64},
		{name: "header-risky", kind: KindJWS, codes: []string{"header.crit", "header.kid-suspicious", "header.remote-key", "header.embedded-key"},
			decodedAt: map[string]string{"header.kid-suspicious": "../../", "header.remote-key": `"jku"`, "header.embedded-key": `"jwk"`, "header.crit": `"crit"`}},
		{name: "alg-case", kind: KindJWS, codes: []string{"header.alg-case"}, decodedAt: map[string]string{"header.alg-case": `"hs256"`}},
		{name: "alg-unknown", kind: KindJWS, codes: []string{"header.alg-unknown"}, decodedAt: map[string]string{"header.alg-unknown": `"HS257"`}},
		{name: "alg-missing", kind: KindJWS, codes: []string{"header.alg-missing"}},
		{name: "nested", kind: KindNested, codes: []string{"structure.nested"}, decodedAt: map[string]string{"structure.nested": `"cty"`}, sigBytes: 32, sigWant: 32},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, wantH, wantP := fixture(t, tt.name)
			r := Inspect(raw, Options{})
			if r.Kind != tt.kind {
				t.Errorf("Kind = %q, want %q", r.Kind, tt.kind)
			}
			if got := codes(r); !slices.Equal(got, tt.codes) {
				t.Errorf("codes = %q, want %q", got, tt.codes)
			}
			if h, _ := segText(r, PartHeader); wantH != "" && h != wantH {
				t.Errorf("header = %q, want %q", h, wantH)
			}
			p, _ := segText(r, PartPayload)
			switch {
			case tt.prefix:
				if len(p) < 100 || !strings.HasPrefix(wantP, p) {
					t.Errorf("payload = %q, want a long prefix of %q", p, wantP)
				}
			case wantP != "" && tt.kind != KindJWE && p != wantP:
				t.Errorf("payload = %q, want %q", p, wantP)
			}
			if tt.sigBytes != 0 && (r.Signature.Bytes != tt.sigBytes || r.Signature.ExpectedBytes != tt.sigWant) {
				t.Errorf("Signature = %+v, want %d bytes, %d expected", r.Signature, tt.sigBytes, tt.sigWant)
			}
			for code, sev := range tt.severity {
				if f := find(r, code); f == nil || f.Severity != sev {
					t.Errorf("%s severity = %v, want %v", code, f, sev)
				}
			}
			for code, want := range tt.rawAt {
				f := find(r, code)
				if f == nil {
					t.Fatalf("no %s", code)
				}
				if got := string(raw[f.Offset : f.Offset+f.Length]); got != want {
					t.Errorf("%s points at %q, want %q", code, got, want)
				}
			}
			for code, want := range tt.decodedAt {
				f := find(r, code)
				if f == nil {
					t.Fatalf("no %s", code)
				}
				seg := r.Segments[0]
				if f.Part == PartPayload {
					seg = r.Segments[1]
				}
				if got := decodedAround(raw, seg.Start, f.Offset, f.Length); !strings.Contains(got, want) {
					t.Errorf("%s at %d+%d covers %q, want it to hold %q", code, f.Offset, f.Length, got, want)
				}
			}
			for _, f := range r.Findings {
				if f.Offset < 0 || f.Length < 0 || f.Offset+f.Length > len(raw) {
					t.Errorf("%s span %d+%d outside the %d-byte input", f.Code, f.Offset, f.Length, len(raw))
				}
				if f.Message == "" || f.Hint == "" {
					t.Errorf("%s lacks a message or hint: %+v", f.Code, f)
				}
				if _, ok := LookupCode(f.Code); !ok {
					t.Errorf("%s is not in the catalogue", f.Code)
				}
			}
		})
	}
}

// TestTruncationHeadline checks the cases where truncation must lead the report and say
// where the cut is.
func TestTruncationHeadline(t *testing.T) {
	raw, _, _ := fixture(t, "cut-in-payload")
	r := Inspect(raw, Options{})
	h := r.Headline()
	if h == nil || h.Code != "structure.truncated" {
		t.Fatalf("headline = %+v, want structure.truncated", h)
	}
	for _, want := range []string{"512 characters", "inside the payload", "signature and the end of the claims"} {
		if !strings.Contains(h.Message, want) {
			t.Errorf("message %q lacks %q", h.Message, want)
		}
	}
	if !strings.Contains(h.Hint, "512 characters long, a common buffer limit") {
		t.Errorf("hint %q does not name the 512 limit", h.Hint)
	}
	if h.Offset != len(raw)-1 || h.Length != 1 {
		t.Errorf("truncated points at %d+%d, want the last byte %d", h.Offset, h.Length, len(raw)-1)
	}
	if r.Header == nil || r.Header.Get("alg").Str != "RS256" {
		t.Errorf("header not decoded: %+v", r.Header)
	}

	full, _, _ := fixture(t, "hs256")
	cases := []struct {
		name, input, where string
	}{
		{"ellipsis", string(full[:120]) + "...", "inside the payload"},
		{"unicode ellipsis", string(full[:len(full)-6]) + "…", "inside the signature"},
		{"after the payload", string(full[:strings.LastIndexByte(string(full), '.')]), "right after the payload"},
		{"header only", string(full[:strings.IndexByte(string(full), '.')]), "right after the header"},
		{"inside the header", string(full[:20]), "inside the header"},
	}
	// A whole token a logger followed with an ellipsis was not cut: the dots are set aside.
	whole := Inspect(append(append([]byte(nil), full...), "…"...), Options{})
	if whole.Has("structure.truncated") || !whole.Has("input.extracted") {
		t.Errorf("whole token + ellipsis: codes %v, want input.extracted and no structure.truncated", codes(whole))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Inspect([]byte(c.input), Options{})
			h := r.Headline()
			if h == nil || h.Code != "structure.truncated" || !strings.Contains(h.Message, c.where) {
				t.Fatalf("headline = %+v, want structure.truncated %q", h, c.where)
			}
			if r.Has("base64.non-canonical") {
				t.Errorf("a cut segment's trailing bits were flagged: %q", codes(r))
			}
		})
	}
	// Not truncation: an opaque token, an alg none token without its dot.
	for _, in := range []string{"2YotnFZFEjr1zCsicMWpAA", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0"} {
		if r := Inspect([]byte(in), Options{}); r.Has("structure.truncated") {
			t.Errorf("Inspect(%q) says truncated: %q", in, codes(r))
		}
	}
}

// TestSegmentCounts checks the message for each unusual count.
func TestSegmentCounts(t *testing.T) {
	cases := []struct{ in, want string }{
		{"eyJhbGciOiJIUzI1NiJ9", "no dot"},
		{"eyJhbGciOiJIUzI1NiJ9.e30", "signature was cut off"},
		{"eyJhbGciOiJIUzI1NiJ9.e30.c2ln.Z2FyYmFnZQ", "trailing garbage"},
		{"eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..aXY.Y3Q", "parts are missing"},
		{"eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..aXY", "3 segments, but its header names an `enc`"},
		{"a.b.c.d.e.f", "6 segments"},
	}
	for _, c := range cases {
		r := Inspect([]byte(c.in), Options{})
		f := find(r, "structure.segment-count")
		if f == nil || !strings.Contains(f.Message, c.want) {
			t.Errorf("Inspect(%q) segment-count = %+v, want %q", c.in, f, c.want)
		}
	}
}

// TestEmptySegments checks empty header and payload, and that the empty signature of alg
// none is fine.
func TestEmptySegments(t *testing.T) {
	r := Inspect([]byte(".e30.c2ln"), Options{})
	if f := find(r, "structure.empty-segment"); f == nil || f.Part != PartHeader {
		t.Errorf("empty header: %q", codes(r))
	}
	r = Inspect([]byte("eyJhbGciOiJIUzI1NiJ9..c2ln"), Options{})
	if f := find(r, "structure.empty-segment"); f == nil || f.Part != PartPayload {
		t.Errorf("empty payload: %q", codes(r))
	}
	r = Inspect([]byte("eyJhbGciOiJIUzI1NiJ9.e30."), Options{})
	if !r.Has("signature.missing") || r.Has("structure.empty-segment") {
		t.Errorf("HS256 without signature: %q", codes(r))
	}
	r = Inspect([]byte("eyJhbGciOiJub25lIn0.e30."), Options{})
	if r.Has("structure.empty-segment") || r.Has("signature.missing") {
		t.Errorf("alg none with empty signature: %q", codes(r))
	}
}

// TestInvalidCharAdvice checks the offset and the suggestion for characters outside
// base64url.
func TestInvalidCharAdvice(t *testing.T) {
	full, _, _ := fixture(t, "hs256")
	tok := string(full)
	dot := strings.IndexByte(tok, '.')
	cases := []struct {
		name, in string
		at       int
		want     string
	}{
		{"quote", tok[:dot+10] + `"` + tok[dot+10:], dot + 10, "quote"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Inspect([]byte(c.in), Options{})
			f := find(r, "base64.invalid-char")
			if f == nil {
				t.Fatalf("no base64.invalid-char in %q", codes(r))
			}
			if f.Offset != c.at || !strings.Contains(f.Message, c.want) {
				t.Errorf("invalid-char at %d %q, want at %d mentioning %q", f.Offset, f.Message, c.at, c.want)
			}
		})
	}
}

// TestBadCharAdvice checks the suggestions for characters normalize usually repairs before
// the decode work sees them.
func TestBadCharAdvice(t *testing.T) {
	cases := []struct {
		text string
		i    int
		want string
	}{
		{"Bearer eyJ", 6, "Bearer"},
		{"eyJhbGciOiJIUzI1NiJ9xx yy", 22, "wrapped"},
		{"eyJ%2E", 3, "percent-encoding"},
		{`eyJ\n`, 3, "backslash"},
		{"eyJ\n", 3, "wrapped across lines"},
		{"eyJ,x", 3, "separator"},
		{"eyJéx", 3, "outside ASCII"},
		{"eyJ'x", 3, "quote"},
	}
	for _, c := range cases {
		r, _ := utf8.DecodeRuneInString(c.text[c.i:])
		if what, hint := badCharAdvice(c.text, c.i, r, 0); !strings.Contains(what, c.want) || hint == "" {
			t.Errorf("badCharAdvice(%q, %d) = %q, want it to mention %q", c.text, c.i, what, c.want)
		}
	}
}

// TestRawOffsets checks that findings point into the raw input through Report.RawOffsets.
func TestRawOffsets(t *testing.T) {
	r := &Report{Token: "abcd", RawOffsets: []int{3, 4, 8, 9, 10}, RawLen: 12}
	in := &inspection{r: r}
	for _, c := range []struct{ a, b, off, n int }{
		{0, 1, 3, 1}, {1, 3, 4, 5}, {2, 4, 8, 2}, {4, 4, 10, 0}, {-1, 9, 3, 7},
	} {
		if off, n := in.rawSpan(c.a, c.b); off != c.off || n != c.n {
			t.Errorf("rawSpan(%d, %d) = %d, %d, want %d, %d", c.a, c.b, off, n, c.off, c.n)
		}
	}
}

// TestHostile checks that a megabyte of dots or of one segment is cheap and bounded.
func TestHostile(t *testing.T) {
	dots := strings.Repeat(".", 1<<20)
	r := Inspect([]byte(dots), Options{})
	if f := find(r, "structure.segment-count"); f == nil || !strings.Contains(f.Message, "1048577 segments") {
		t.Errorf("dots: %q", codes(r))
	}
	if len(r.Segments) > 6 {
		t.Errorf("dots: %d segments kept, want at most 6", len(r.Segments))
	}
	seg := strings.Repeat("QUFB", 1<<18)
	r = Inspect([]byte(seg), Options{})
	if !r.Has("structure.segment-count") || len(r.Segments) != 1 || len(r.Segments[0].Bytes) != 3<<18 {
		t.Errorf("segment: %q, %d segments", codes(r), len(r.Segments))
	}
}

// TestRFC7520 checks that the published compact examples decode to exactly their
// published protected header and payload.
func TestRFC7520(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "vectors", "*.json"))
	if err != nil || len(files) < 10 {
		t.Fatalf("vectors: %v, %d files", err, len(files))
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var v struct {
				Input struct {
					Payload   string
					Plaintext string
				}
				Signing struct {
					Protected    map[string]any
					ProtectedB64 string `json:"protected_b64u"`
				}
				EncryptingContent struct {
					Protected    map[string]any
					ProtectedB64 string `json:"protected_b64u"`
				} `json:"encrypting_content"`
				Output struct{ Compact string }
			}
			if err := json.Unmarshal(b, &v); err != nil {
				t.Fatal(err)
			}
			prot, protB64 := v.Signing.Protected, v.Signing.ProtectedB64
			jwe := strings.HasPrefix(filepath.Base(file), "5_")
			if jwe {
				prot, protB64 = v.EncryptingContent.Protected, v.EncryptingContent.ProtectedB64
			}
			r := Inspect([]byte(v.Output.Compact), Options{})
			wantHeader, _ := base64.RawURLEncoding.DecodeString(protB64)
			if h, _ := segText(r, PartHeader); h != string(wantHeader) {
				t.Errorf("header = %q, want %q", h, wantHeader)
			}
			if r.Header == nil || len(r.Header.Members) != len(prot) {
				t.Fatalf("header members %+v, want %v", r.Header, prot)
			}
			for name, want := range prot {
				if s, ok := want.(string); ok && r.Header.Get(name).Str != s {
					t.Errorf("header %s = %q, want %q", name, r.Header.Get(name).Str, s)
				}
			}
			if jwe {
				if r.Kind != KindJWE || !r.Has("structure.jwe") {
					t.Errorf("kind %s, codes %q: want a JWE", r.Kind, codes(r))
				}
				return
			}
			p, _ := segText(r, PartPayload)
			detached := strings.Contains(v.Output.Compact, "..")
			if !detached && p != v.Input.Payload {
				t.Errorf("payload = %q, want %q", p, v.Input.Payload)
			}
			if r.Kind != KindJWS {
				t.Errorf("kind = %s, want JWS", r.Kind)
			}
			if r.Has("signature.length") || r.Has("structure.truncated") {
				t.Errorf("published example flagged: %q", codes(r))
			}
			// A JWS may carry text: with no typ JWT that is a warning, not an error.
			if !detached && r.HasErrors() {
				t.Errorf("published example has errors: %q", codes(r))
			}
		})
	}
}

// TestSpanMapper checks the mapping from decoded payload bytes to raw input bytes that the
// claims, text and expectation checks use, with and without characters decoding skipped.
func TestSpanMapper(t *testing.T) {
	payload := `{"sub":"alice","exp":1700000000,"name":"Alice Liddell"}`
	enc := base64.RawURLEncoding.EncodeToString([]byte(payload))
	hdr := "eyJhbGciOiJIUzI1NiJ9."
	for _, damaged := range []string{enc, enc[:10] + `"` + enc[10:]} {
		raw := hdr + damaged + ".AAAA"
		r := Inspect([]byte(raw), Options{})
		in := &inspection{r: r}
		var sg *segInfo
		for k := range r.Segments {
			if r.Segments[k].Part == PartPayload {
				seg := r.Segments[k]
				_, scan := decodeLenient(nil, seg.Text)
				sg = &segInfo{seg: seg, index: k, scan: scan}
			}
		}
		if sg == nil {
			t.Fatalf("no payload in %q", codes(r))
		}
		at := in.mapper(sg)
		for _, want := range []string{`"sub"`, `"exp":1700000000`, `"Alice Liddell"`, `}`} {
			i := strings.Index(payload, want)
			off, n := at(i, i+len(want))
			got := decodedAround([]byte(raw), len(hdr), off, n)
			if damaged != enc {
				// Decode the text without the stray quote, moving spans after it back by one.
				clean := raw[:len(hdr)+10] + raw[len(hdr)+11:]
				got = decodedAround([]byte(clean), len(hdr), off-btoi(off > len(hdr)+10), n)
			}
			if !strings.Contains(got, want) {
				t.Errorf("span of %q maps to raw %d+%d, which decodes to %q", want, off, n, got)
			}
			// Byte i's bits start at bit 8i, in character 8i/6; the span's last bit is in
			// character (8*end-1)/6. A stray character before the span moves it by one.
			wantOff := len(hdr) + i*8/6
			wantEnd := len(hdr) + (8*(i+len(want))-1)/6 + 1
			if damaged != enc && wantOff >= len(hdr)+10 {
				wantOff, wantEnd = wantOff+1, wantEnd+1
			}
			if off != wantOff || off+n != wantEnd {
				t.Errorf("span of %q maps to raw [%d,%d), want [%d,%d)", want, off, off+n, wantOff, wantEnd)
			}
			if off < len(hdr) || off+n > len(hdr)+len(damaged) {
				t.Errorf("span of %q maps to raw %d+%d, outside the payload", want, off, n)
			}
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
