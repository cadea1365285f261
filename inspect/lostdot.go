package inspect

import (
	"encoding/base64"
	"fmt"
)

// findLostDot looks, in a token of 2 segments, for the dot lost between the payload and
// the signature: the second segment is the text of a JSON object followed by exactly as
// many characters as a signature of the header's alg has. When it finds one, it keeps
// the payload part as the payload (so the claims still show) and records where the dot
// belongs; truncation and the segment count then say so instead of "cut short".
func (in *inspection) findLostDot(sg *segInfo) {
	if in.layout.count != 2 || in.looksJWE || in.r.Header == nil || sg.jsonErr == nil {
		return
	}
	// Runs before the header checks: the alg is read here, as registered ("none" is -1).
	alg, _ := in.r.Header.Get("alg").String()
	want, known := jwsAlgs[alg]
	if !known || want < 0 {
		return
	}
	sizes := []int{want}
	if want == 0 {
		sizes = commonRSASizes
	}
	text := sg.seg.Text
	for _, n := range sizes {
		chars := (n*8 + 5) / 6
		if chars >= len(text) {
			continue
		}
		head := text[:len(text)-chars]
		b, err := base64.RawURLEncoding.DecodeString(head)
		if err != nil || len(b) == 0 || b[0] != '{' {
			continue
		}
		v, dups, jerr := parseJSON(string(b))
		if jerr != nil || v == nil || v.Type != TypeObject {
			continue
		}
		sg.seg.Bytes = sg.seg.Bytes[:len(b):len(b)]
		sg.str = string(b)
		sg.seg.JSON, sg.dups, sg.jsonErr = v, dups, nil
		in.r.Payload = v
		in.cut.lostDot = sg.seg.Start + len(head)
		in.cut.lostDotSig = n
		in.cut.lostDotAlg = alg
		return
	}
}

// lostDotFinding explains a token whose last dot was lost.
func (in *inspection) lostDotFinding() {
	at := in.cut.lostDot
	// The length and trailing bits of the joined segment say nothing once it is split.
	fs := in.r.Findings[:0]
	for _, f := range in.r.Findings {
		if f.Part == PartPayload && (f.Code == "base64.bad-length" || f.Code == "base64.non-canonical") {
			continue
		}
		fs = append(fs, f)
	}
	in.r.Findings = fs
	msg := fmt.Sprintf("the token has 2 segments, but nothing is missing: the dot before the signature was lost. The payload's JSON ends after character %d, and the %d characters after it are exactly a %d-byte %s signature",
		at, len(in.r.Token)-at, in.cut.lostDotSig, in.cut.lostDotAlg)
	in.addAt("structure.segment-count", Error, PartToken, at, at+1, msg,
		"put the dot back between the payload and the signature (something on the way dropped it, often a template or a regular expression that treats '.' specially)")
}
