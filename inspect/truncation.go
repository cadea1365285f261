package inspect

import (
	"fmt"
	"strings"
)

// cutEvidence gathers the signs that a token was cut short, so that truncation is judged
// once, as a whole, and headlines the report.
type cutEvidence struct {
	jsonCutAt int  // index+1 of the segment whose JSON ends early (0: none)
	sigShort  bool // the last segment is a signature shorter than its alg makes
	// sigLong is set when the signature is a few bytes longer than its alg (or a common
	// RSA size) makes: characters were added, nothing was cut.
	sigLong    bool
	sigMissing bool // the last segment is an empty signature where alg needs one
	// lostDot is the token offset where the dot before the signature was lost (0: not
	// lost), and lostDotSig the signature size in bytes that the text after it has.
	lostDot, lostDotSig int
	lostDotAlg          string
	// ellipsis is the length in bytes of a trailing "..." or "…" a logger left, 0 if none.
	ellipsis int
}

func (c *cutEvidence) jsonCut(index int) { c.jsonCutAt = index + 1 }

// atBufferLimit reports whether n is a length at which tools commonly cut a value
// (see commonBufferSizes in normalize_chars.go).
func atBufferLimit(n int) bool { return bufferLimit(n) != 0 }

// trimEllipsis returns tok without a trailing ellipsis a logger may have added when it
// shortened the value ("...", "…", or a run of more dots after the last segment), and the
// number of bytes cut.
func trimEllipsis(tok string) (string, int) {
	if strings.HasSuffix(tok, "…") {
		return tok[:len(tok)-len("…")], len("…")
	}
	if strings.HasSuffix(tok, "...") {
		k := len(tok)
		for k > 0 && tok[k-1] == '.' {
			k--
		}
		if k > 0 { // a token of nothing but dots is not a cut token
			return tok[:k], len(tok) - k
		}
	}
	return tok, 0
}

// truncation decides whether the token was cut and, when it was, adds structure.truncated
// saying where the cut is and what was lost.
func (in *inspection) truncation() {
	last := in.last()
	if last == nil || in.cut.lostDot > 0 {
		return
	}
	count := in.layout.count
	want := 3
	if in.looksJWE {
		want = 5
	}
	missing := count < want && !(count == 2 && in.algNone && !in.looksJWE)
	if count == 1 && in.r.Header == nil && in.cut.jsonCutAt == 0 {
		missing = false // one segment that is not a header: not a JWT rather than a cut one
	}
	// A signature with characters added has an impossible length too, but was not cut.
	badLen := last.scan.digits%4 == 1 && !(last.seg.Part == PartSignature && in.cut.sigLong)
	if in.cut.sigLong {
		in.rehint("base64.bad-length", PartSignature, "the signature is longer than its alg makes: a character was added to it; compare it with the source")
	}
	jsonCut := in.cut.jsonCutAt == last.index+1
	shortTag := in.jweShortTail(last)
	var why []string
	if missing {
		why = append(why, fmt.Sprintf("it has %d of the %d segments", count, want))
	}
	if jsonCut {
		why = append(why, fmt.Sprintf("the %s JSON stops in the middle", last.seg.Part))
	}
	if badLen {
		why = append(why, fmt.Sprintf("the %s has an impossible length", last.seg.Part))
	}
	if in.cut.sigShort {
		why = append(why, "the signature is shorter than "+in.alg+" makes")
	}
	if shortTag {
		why = append(why, fmt.Sprintf("the %s is shorter than %s makes", last.seg.Part, in.enc()))
	}
	if in.cut.ellipsis > 0 {
		why = append(why, "it ends in an ellipsis, as loggers write when they shorten a line")
	}
	if len(why) == 0 {
		return
	}
	tokLen := last.seg.End
	where, lost := in.cutPlace(last, jsonCut, missing)
	msg := fmt.Sprintf("the token was cut short: it ends after %d characters, %s: %s (%s)", tokLen, where, lost, strings.Join(why, "; "))
	limit := ""
	switch {
	case in.norm.tokenAtBufferLimit > 0:
		limit = fmt.Sprintf(" The token as pasted is %d characters long, a common buffer limit.", in.norm.tokenAtBufferLimit)
	case atBufferLimit(tokLen):
		limit = fmt.Sprintf(" %d is a common buffer limit.", tokLen)
	case in.norm.atBufferLimit > 0:
		limit = fmt.Sprintf(" The input is %d bytes, a common buffer limit.", in.norm.atBufferLimit)
	}
	hint := "Something on the way cut the token." + limit + " Proxies and SIP servers often limit a header line to 4–8 KiB, and loggers cut long lines (often at 1–8 KiB): log or copy the full value at its source, and raise the limit that cut it."
	at := tokLen - 1
	if at < 0 {
		at = 0
	}
	end := tokLen
	if in.cut.ellipsis > 0 {
		end = tokLen + in.cut.ellipsis
	}
	in.addAt("structure.truncated", Error, PartToken, at, end, msg, hint)
	in.dropCutNoise(last)
}

// rehint replaces the hint of the finding with code about part.
func (in *inspection) rehint(code string, part Part, hint string) {
	for i := range in.r.Findings {
		if f := &in.r.Findings[i]; f.Code == code && f.Part == part {
			f.Hint = hint
		}
	}
}

// dropCutNoise removes the non-canonical warning about the last segment of a cut token:
// a cut lands anywhere, so its trailing bits say nothing about how it was encoded.
func (in *inspection) dropCutNoise(last *segInfo) {
	fs := in.r.Findings[:0]
	for _, f := range in.r.Findings {
		if f.Code == "base64.non-canonical" && f.Part == last.seg.Part {
			continue
		}
		fs = append(fs, f)
	}
	in.r.Findings = fs
}

// cutPlace says where the cut is and what it took away.
func (in *inspection) cutPlace(last *segInfo, jsonCut, missing bool) (where, lost string) {
	part := last.seg.Part
	if in.looksJWE {
		switch part {
		case PartTag:
			return "inside the authentication tag", "the end of the tag is missing, so the token cannot be decrypted"
		case PartHeader:
			return "inside the protected header", "the rest of the header and all encrypted parts are missing"
		}
		return fmt.Sprintf("inside the %s", strings.ReplaceAll(string(part), "_", " ")), "the rest of it and the parts after it are missing"
	}
	switch part {
	case PartHeader:
		if last.jsonErr == nil && in.r.Header != nil && missing {
			return "right after the header", "the payload and the signature are missing"
		}
		return "inside the header", "the end of the header, the payload and the signature are missing"
	case PartPayload:
		if jsonCut || last.jsonErr != nil || last.scan.digits%4 == 1 {
			return "inside the payload", "the signature and the end of the claims are missing"
		}
		return "right after the payload", "the signature (and the dot before it) is missing"
	default:
		if n := in.r.Signature.ExpectedBytes; n > 0 && n == len(last.seg.Bytes) {
			return "at the end of the signature", fmt.Sprintf("the signature has all %d bytes %s makes, so perhaps nothing was lost; compare with the source", n, in.alg)
		}
		return "inside the signature", countOf(len(last.seg.Bytes), "byte") + " of it are there, so it cannot verify"
	}
}

// jweShortTail reports whether the last segment of a JWE is an IV or tag shorter than its
// enc makes.
func (in *inspection) jweShortTail(last *segInfo) bool {
	if !in.looksJWE {
		return false
	}
	enc := in.enc()
	n := len(last.seg.Bytes)
	switch last.seg.Part {
	case PartTag:
		want := map[string]int{"A128GCM": 16, "A192GCM": 16, "A256GCM": 16, "A128CBC-HS256": 16, "A192CBC-HS384": 24, "A256CBC-HS512": 32}[enc]
		return want > 0 && n < want
	case PartIV:
		if in.layout.count == 5 {
			return false
		}
		want := 16
		if strings.HasSuffix(enc, "GCM") {
			want = 12
		}
		return jweEncs[enc] && n < want
	}
	return false
}

// enc returns the header's enc when it is a string.
func (in *inspection) enc() string {
	s, _ := in.r.Header.Get("enc").String()
	return s
}
