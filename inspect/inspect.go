package inspect

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// inspection is the state of one diagnosis while it is being built.
type inspection struct {
	r      *Report
	opt    Options
	norm   normalized
	layout layout
	segs   []segInfo
	// looksJWE is set when the header names an enc, or the token has 5 segments.
	looksJWE bool
	// algNone is set when the header's alg is "none" in any spelling.
	algNone bool
	alg     string // the header's alg when it is a string
	// nested is set by cty JWT or a payload that is a token; nestedReported once said.
	nested, nestedReported bool
	// truncation evidence, gathered by the checks and judged as a whole at the end.
	cut cutEvidence
}

// Inspect diagnoses raw, the input exactly as it was pasted. It never panics, and its
// result depends on nothing but raw and opt.
func Inspect(raw []byte, opt Options) *Report {
	n := normalize(raw, opt.MaxSize)
	if opt.ReadCapped {
		n.sayReadCapped(opt.MaxSize)
	}
	r := &Report{RawLen: len(raw), Token: n.token, RawOffsets: n.offsets, Kind: KindUnknown}
	if len(r.RawOffsets) != len(r.Token)+1 {
		// Without a usable map every offset falls back to the start of the input.
		r.RawOffsets = nil
	}
	r.Findings = append(r.Findings, n.findings...)
	r.Candidates = n.candidates
	in := &inspection{r: r, opt: opt, norm: n}
	if !n.stop && r.Token != "" {
		in.decode()
	}
	var vf []Finding
	r.Verification, vf = verify(r, opt)
	r.Findings = append(r.Findings, vf...)
	sortFindings(r.Findings)
	return r
}

// decode splits, decodes and judges the token.
func (in *inspection) decode() {
	r := in.r
	// A logger's "..." or "…" is not part of the token: note it and split what precedes it.
	tok, cut := trimEllipsis(r.Token)
	in.cut.ellipsis = cut
	in.layout = splitToken(tok, len(jweParts))

	// The header comes first: whether it names an enc decides how the rest is laid out.
	first := segmentSpans(tok, in.layout, jwsParts[:1])[0]
	buf := make([]byte, 0, decodedLen(len(tok))+8)
	hdr := in.decodeSegment(&buf, first, 0)
	in.parseSegment(&hdr)
	if hdr.jsonErr == nil && hdr.seg.JSON != nil && hdr.seg.JSON.Get("enc") != nil {
		in.looksJWE = true
	}
	if in.layout.count == 5 && !in.jwsHeader(&hdr) {
		// Five segments under a header with a signature alg and no enc are not a JWE but
		// glued tokens; segmentCountFinding says so, once.
		in.looksJWE = true
	}
	parts := jwsParts
	if in.looksJWE {
		parts = jweParts
	}
	spans := segmentSpans(tok, in.layout, parts)
	in.segs = make([]segInfo, len(spans))
	in.segs[0] = hdr
	for k := 1; k < len(spans); k++ {
		if spans[k].Part == PartExtra {
			// What follows the last part is shown as text only: it may be a megabyte of
			// dots, and the segment count already says what it is.
			in.segs[k] = segInfo{seg: spans[k], index: k, scan: b64Scan{firstBad: -1, firstStd: -1, firstPad: -1}}
			continue
		}
		in.segs[k] = in.decodeSegment(&buf, spans[k], k)
		if spans[k].Part == PartPayload {
			in.parseSegment(&in.segs[k])
			in.findLostDot(&in.segs[k])
		}
	}
	r.Segments = make([]Segment, len(in.segs))

	in.findNestedToken()
	for k := range in.segs {
		if in.segs[k].seg.Part != PartExtra {
			in.base64Findings(&in.segs[k])
		}
	}
	in.jsonFindings()
	in.headerChecks()
	if c := in.layout.count; (c != 3 && c != 5) || (c == 3 && in.looksJWE) || (c == 5 && !in.looksJWE) {
		in.segmentCountFinding()
	}
	in.emptySegmentFindings()
	in.nestedCheck()
	in.jweInfo()
	in.signatureChecks()
	in.setKind()
	in.truncation()

	for k := range in.segs {
		r.Segments[k] = in.segs[k].seg
	}
	in.claimsAndText()
}

// jwsHeader reports whether hdr parsed as a JWS header: an alg of the JWS registry and
// no enc.
func (in *inspection) jwsHeader(hdr *segInfo) bool {
	if hdr.jsonErr != nil || hdr.seg.JSON == nil || hdr.seg.JSON.Type != TypeObject || hdr.seg.JSON.Get("enc") != nil {
		return false
	}
	alg, _ := hdr.seg.JSON.Get("alg").String()
	_, ok := jwsAlgs[alg]
	return ok
}

// decodeSegment decodes one segment leniently, appending its bytes to the shared buffer.
func (in *inspection) decodeSegment(buf *[]byte, seg Segment, index int) segInfo {
	start := len(*buf)
	var scan b64Scan
	*buf, scan = decodeLenient(*buf, seg.Text)
	seg.Bytes = (*buf)[start:len(*buf):len(*buf)]
	seg.Decoded = scan.digits > 1 || seg.Text == ""
	return segInfo{seg: seg, index: index, scan: scan}
}

// parseSegment parses a header or payload segment's bytes as JSON.
func (in *inspection) parseSegment(sg *segInfo) {
	if len(sg.seg.Bytes) == 0 {
		return
	}
	sg.str = string(sg.seg.Bytes)
	v, dups, err := parseJSON(sg.str)
	sg.dups = dups
	sg.jsonErr = err
	sg.seg.JSON = v
	switch sg.seg.Part {
	case PartHeader:
		if v != nil && v.Type == TypeObject {
			in.r.Header = v
		}
	case PartPayload:
		if v != nil && v.Type == TypeObject {
			in.r.Payload = v
		}
	}
}

// seg returns the segment playing part, or nil.
func (in *inspection) seg(part Part) *segInfo {
	for k := range in.segs {
		if in.segs[k].seg.Part == part {
			return &in.segs[k]
		}
	}
	return nil
}

// last returns the last segment of the token.
func (in *inspection) last() *segInfo {
	if len(in.segs) == 0 {
		return nil
	}
	return &in.segs[len(in.segs)-1]
}

// rawSpan maps the token span [start, end) to an offset and length in the raw input,
// clamped so it always lies inside the input.
func (in *inspection) rawSpan(start, end int) (int, int) {
	r := in.r
	if start < 0 {
		start = 0
	}
	if end > len(r.Token) {
		end = len(r.Token)
	}
	if end < start {
		end = start
	}
	if r.RawOffsets == nil {
		if end > r.RawLen {
			end = r.RawLen
		}
		if start > end {
			start = end
		}
		return start, end - start
	}
	off := r.RawOffsets[start]
	rawEnd := off
	if end > start {
		rawEnd = r.RawOffsets[end-1] + 1
	}
	if off > r.RawLen {
		off = r.RawLen
	}
	if rawEnd > r.RawLen {
		rawEnd = r.RawLen
	}
	if rawEnd < off {
		rawEnd = off
	}
	return off, rawEnd - off
}

// addAt appends a finding about the token span [start, end).
func (in *inspection) addAt(code string, sev Severity, part Part, start, end int, msg, hint string) {
	off, n := in.rawSpan(start, end)
	in.r.Findings = append(in.r.Findings, Finding{Code: code, Severity: sev, Part: part, Offset: off, Length: n, Message: msg, Hint: hint})
}

// mapper returns the spanMapper of a segment: decoded byte spans to raw input spans.
func (in *inspection) mapper(sg *segInfo) spanMapper {
	if sg == nil {
		return func(int, int) (int, int) { return 0, 0 }
	}
	seg := sg.seg
	scan := &sg.scan
	return func(start, end int) (int, int) {
		if start < 0 {
			start = 0
		}
		if end < start {
			end = start
		}
		// Decoded byte j holds bits 8j..8j+7, which sit in data characters 8j/6..(8j+7)/6.
		a := seg.Start + scan.textAt(start*8/6)
		b := a
		if end > start {
			b = seg.Start + scan.textAt((end*8-1)/6) + 1
		}
		if a > seg.End {
			a = seg.End
		}
		if b > seg.End {
			b = seg.End
		}
		return in.rawSpan(a, b)
	}
}

// jsonFindings reports why the header or payload is not a JSON object, and repeated names.
func (in *inspection) jsonFindings() {
	for _, part := range []Part{PartHeader, PartPayload} {
		sg := in.seg(part)
		if sg == nil || len(sg.seg.Bytes) == 0 {
			continue
		}
		at := in.mapper(sg)
		b := sg.seg.Bytes
		// A cut segment may end inside a multi-byte character: that is truncation, not bad UTF-8.
		bad := firstInvalidUTF8(b)
		truncatedTail := sg.jsonErr != nil && sg.jsonErr.code == "json.truncated" && bad >= 0 && !utf8.FullRune(b[bad:]) && len(b)-bad < utf8.UTFMax
		if bad >= 0 && !truncatedTail {
			off, n := at(bad, bad+1)
			msg := fmt.Sprintf("the decoded %s is not UTF-8 text: byte %d is 0x%02X", part, bad, b[bad])
			hint := "JSON must be UTF-8; the segment holds binary data or text in another encoding"
			if alt := in.rot13Hint(sg); alt != "" {
				hint = alt
			}
			in.add("json.not-utf8", Error, part, off, n, msg, hint)
			if sg.jsonErr != nil {
				continue // one error about the same bytes is enough
			}
		}
		if e := sg.jsonErr; e != nil {
			if part == PartPayload && in.r.NestedToken != "" {
				continue // a nested token is not JSON, and need not be
			}
			off, n := at(e.offset, e.offset+1)
			if e.code == "json.truncated" {
				off, n = at(len(b)-1, len(b))
				msg := fmt.Sprintf("the %s JSON ends early, after %s, while %s was expected: it was cut off", part, countOf(len(b), "byte"), e.what)
				in.add("json.truncated", Error, part, off, n, msg, "the token was cut; get the whole token from its source")
				in.cut.jsonCut(sg.index)
				continue
			}
			if part == PartPayload && in.textPayload(b) {
				in.add("json.invalid", Warning, part, off, n, "the payload is text, not a JWT claims set: a JWS may sign any content, and this one carries text",
					"nothing to fix if the receiver expects text; a receiver expecting a JWT (typ JWT) rejects it")
				continue
			}
			msg := fmt.Sprintf("the %s is not valid JSON: at byte %d %s was expected, found %s", part, e.offset, e.what, describeByte(b, e.offset))
			hint := "a JWT's " + string(part) + " must be a JSON object; the segment holds something else or was damaged"
			if part == PartPayload && b[0] != '{' && b[0] != '[' && b[0] != '"' {
				hint = "the payload is not JSON: this is a JWS carrying other content (text or binary), not a JWT with claims"
			}
			if alt := in.rot13Hint(sg); alt != "" {
				hint = alt
			}
			in.add("json.invalid", Error, part, off, n, msg, hint)
			continue
		}
		if sg.seg.JSON != nil && sg.seg.JSON.Type != TypeObject {
			v := sg.seg.JSON
			off, n := at(v.Start, v.End)
			msg := fmt.Sprintf("the %s is valid JSON but a %s, not an object", part, typeName(v.Type))
			if part == PartPayload && in.textPayload(b) {
				in.add("json.not-object", Warning, part, off, n, msg+": the payload is text, not a JWT claims set",
					"nothing to fix if the receiver expects this content; JWT claims are always a JSON object {…}")
				continue
			}
			in.add("json.not-object", Error, part, off, n, msg, "a JOSE header and JWT claims are always a JSON object {…}")
		}
		for _, d := range sg.dups {
			sev, hint := Warning, "parsers disagree on which value wins (most keep the last); the producer should send each claim once"
			if part == PartHeader {
				sev, hint = Error, "a JOSE header must not repeat a parameter (RFC 7515 §4); a verifier may read a different value than the one checked"
			}
			off, n := at(d.nameAt, d.nameEnd)
			msg := fmt.Sprintf("the %s names %s twice: first at byte %d as %s, again at byte %d as %s", part, quoted(d.name), d.firstAt, clipRaw(d.firstRaw), d.nameAt, clipRaw(d.raw))
			in.add("json.duplicate-key", sev, part, off, n, msg, hint)
		}
	}
}

// textPayload reports whether a payload that is no JSON object is to be taken as the
// content of a JWS rather than as broken claims: it is whole, valid UTF-8 text (no JSON
// cut short, no nested token), and the header does not say typ JWT.
func (in *inspection) textPayload(b []byte) bool {
	if !utf8.Valid(b) || in.r.Header == nil || in.r.NestedToken != "" {
		return false
	}
	if sg := in.seg(PartPayload); sg != nil && sg.jsonErr != nil && sg.jsonErr.code == "json.truncated" {
		return false
	}
	typ, _ := in.r.Header.Get("typ").String()
	t := strings.ToLower(typ)
	return t != "jwt" && t != "application/jwt" && !strings.HasSuffix(t, "+jwt")
}

// add appends a finding whose raw offset is already known.
func (in *inspection) add(code string, sev Severity, part Part, off, n int, msg, hint string) {
	in.r.Findings = append(in.r.Findings, Finding{Code: code, Severity: sev, Part: part, Offset: off, Length: n, Message: msg, Hint: hint})
}

// firstInvalidUTF8 returns the offset of the first byte that is not valid UTF-8, or -1.
func firstInvalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// describeByte names the byte at i of b for a message.
func describeByte(b []byte, i int) string {
	if i >= len(b) {
		return "the end of the text"
	}
	c := b[i]
	if c >= 0x20 && c < 0x7F {
		return fmt.Sprintf("%q", string(c))
	}
	return fmt.Sprintf("the byte 0x%02X", c)
}

// typeName names a JSON type for a message.
func typeName(t ValueType) string {
	switch t {
	case TypeNull:
		return "null"
	case TypeBool:
		return "boolean"
	case TypeNumber:
		return "number"
	case TypeString:
		return "string"
	case TypeArray:
		return "array"
	default:
		return "object"
	}
}

// emptySegmentFindings flags a header or payload that is empty.
func (in *inspection) emptySegmentFindings() {
	for _, sg := range in.segs {
		part := sg.seg.Part
		if sg.seg.Text != "" || (part != PartHeader && part != PartPayload) {
			continue
		}
		msg := fmt.Sprintf("the %s segment is empty", part)
		hint := "a JWT needs a header and a payload; copy the whole token again"
		if part == PartPayload {
			msg += " (a JWS with detached content, RFC 7515 Appendix F, or the payload was lost)"
		}
		start := sg.seg.Start
		end := start + 1 // point at the dot that follows
		if end > len(in.r.Token) {
			end = len(in.r.Token)
		}
		in.addAt("structure.empty-segment", Error, part, start, end, msg, hint)
	}
}

// jweInfo says that the token is encrypted and how long its parts are.
func (in *inspection) jweInfo() {
	if !in.looksJWE || in.layout.count != 5 {
		return
	}
	var parts []string
	for _, sg := range in.segs[1:] {
		if sg.seg.Part == PartExtra {
			continue
		}
		parts = append(parts, strings.ReplaceAll(string(sg.seg.Part), "_", " ")+" "+countOf(len(sg.seg.Bytes), "byte"))
	}
	msg := "the token is a JWE, an encrypted token: its protected header is shown; the rest (" + strings.Join(parts, ", ") + ") cannot be read without the decryption key"
	in.addAt("structure.jwe", Info, PartToken, 0, len(in.r.Token), msg,
		"jwtlens never decrypts; the claims are only visible to the holder of the key (alg and enc in the header say which)")
}

// setKind names the kind of token from the segment count and header.
func (in *inspection) setKind() {
	r := in.r
	switch {
	case in.looksJWE && in.layout.count <= 5:
		r.Kind = KindJWE
	case in.layout.count >= 2 && in.layout.count <= 5:
		if r.Header == nil {
			return
		}
		r.Kind = KindJWS
		if in.algNone {
			r.Kind = KindUnsecured
		}
	default:
		return
	}
	if in.nested {
		r.Kind = KindNested
	}
}

// claimsAndText hands the parsed header and payload to the claims, text and expectation
// checks, with mappers from decoded offsets to the raw input.
func (in *inspection) claimsAndText() {
	r := in.r
	hAt := in.mapper(in.seg(PartHeader))
	pAt := in.mapper(in.seg(PartPayload))
	claims, cf := judgeClaims(r.Header, r.Payload, in.opt, hAt, pAt)
	r.Claims = claims
	r.Findings = append(r.Findings, cf...)
	if r.Header != nil {
		r.Findings = append(r.Findings, textFindings(PartHeader, r.Header, hAt)...)
	}
	if r.Payload != nil {
		r.Findings = append(r.Findings, textFindings(PartPayload, r.Payload, pAt)...)
	}
	switch {
	case len(in.opt.Expect) == 0:
	case r.Payload == nil:
		in.expectUncheckable()
	default:
		r.Findings = append(r.Findings, checkExpectations(r.Payload, in.opt.Expect, pAt)...)
	}
}

// expectUncheckable reports, in one finding, that the expected claims cannot be checked
// because the payload could not be read: the token is at fault, not the issuer's claims.
func (in *inspection) expectUncheckable() {
	names := make([]string, 0, len(in.opt.Expect))
	for _, e := range in.opt.Expect {
		names = append(names, quoted(e.Name))
	}
	why := "the payload is not a JSON object"
	sg := in.seg(PartPayload)
	switch {
	case in.r.Kind == KindJWE || in.looksJWE:
		why = "the token is encrypted (JWE), so its claims cannot be read"
	case sg == nil || sg.seg.Text == "":
		why = "the token has no payload"
	case in.cut.jsonCutAt == sg.index+1 || in.r.Has("structure.truncated"):
		why = "the payload was cut short"
	}
	start, end := 0, len(in.r.Token)
	if sg != nil {
		start, end = sg.seg.Start, sg.seg.End
	}
	in.addAt("claims.expect-failed", Error, PartClaims, start, end,
		fmt.Sprintf("cannot check the expected claims (%s): %s", strings.Join(names, ", "), why),
		"fix the token first (see the findings above it); the expectations are checked once the payload can be read")
}
