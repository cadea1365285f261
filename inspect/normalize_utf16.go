package inspect

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// A token saved by Windows PowerShell (Out-File, >) arrives as UTF-16: a NUL byte after (or
// before) every character, often behind the byte order mark FF FE. Such an input is decoded
// to UTF-8, inspected, and every offset mapped back to the UTF-16 bytes.

// utf16Sample is how many leading code units must all be ASCII for an input without a byte
// order mark to be taken as UTF-16.
const utf16Sample = 64

// utf16Order tells whether raw is UTF-16: bom is the byte order mark's length (0 or 2), be
// is true for big-endian, ok false when raw is not UTF-16.
func utf16Order(raw []byte) (bom int, be, ok bool) {
	if len(raw) < 2 {
		return 0, false, false
	}
	switch {
	case raw[0] == 0xFF && raw[1] == 0xFE:
		return 2, false, true
	case raw[0] == 0xFE && raw[1] == 0xFF:
		return 2, true, true
	case raw[0] != 0 && raw[1] != 0 || raw[0] == 0 && raw[1] == 0 || len(raw) < 8:
		return 0, false, false
	}
	be = raw[0] == 0
	hi, lo := 1, 0
	if be {
		hi, lo = 0, 1
	}
	for u := 0; u+1 < len(raw) && u < 2*utf16Sample; u += 2 {
		if raw[u+hi] != 0 || raw[u+lo] == 0 || raw[u+lo] >= 0x80 {
			return 0, false, false
		}
	}
	return 0, be, true
}

// decodeUTF16 returns the UTF-8 text of raw (after a BOM of bom bytes) and, for every byte of
// it, the raw offset of the code unit it came from. A trailing odd byte is dropped.
func decodeUTF16(raw []byte, bom int, be bool) ([]byte, []int) {
	n := (len(raw) - bom) / 2
	dec := make([]byte, 0, n)
	m := make([]int, 0, n+1)
	unit := func(u int) uint16 {
		if be {
			return uint16(raw[u])<<8 | uint16(raw[u+1])
		}
		return uint16(raw[u+1])<<8 | uint16(raw[u])
	}
	var tmp [utf8.UTFMax]byte
	for u := bom; u+1 < len(raw); u += 2 {
		r, start := rune(unit(u)), u
		if utf16.IsSurrogate(r) && u+3 < len(raw) {
			if r2 := utf16.DecodeRune(r, rune(unit(u+2))); r2 != utf8.RuneError {
				r = r2
				u += 2
			}
		}
		k := utf8.EncodeRune(tmp[:], r)
		dec = append(dec, tmp[:k]...)
		for range k {
			m = append(m, start)
		}
	}
	return dec, m
}

// fromUTF16 inspects the UTF-16 input raw: decodes it, normalises the text, maps every
// offset back to raw and adds the finding that says what happened.
func fromUTF16(raw []byte, maxSize, bom int, be bool) normalized {
	dec, m := decodeUTF16(raw, bom, be)
	n := normalizeText(dec, maxSize)
	n.spare = tokenBuf{}
	low := 0
	if be {
		low = 1 // the byte of an ASCII character is the second of its unit
	}
	start := func(o int) int {
		if o >= len(m) {
			return len(raw)
		}
		return m[o]
	}
	if len(n.offsets) > 0 {
		offs := make([]int, len(n.offsets))
		for i, o := range n.offsets[:len(n.offsets)-1] {
			offs[i] = start(o)
			if o < len(dec) && dec[o] < 0x80 {
				offs[i] += low
			}
		}
		offs[len(offs)-1] = start(n.offsets[len(n.offsets)-1])
		n.offsets = offs
	}
	for i := range n.findings {
		f := &n.findings[i]
		s, e := start(f.Offset), start(f.Offset+f.Length)
		// A message naming the byte it points at names the UTF-16 byte, as the offset does.
		f.Message = strings.Replace(f.Message, "byte "+strconv.Itoa(f.Offset)+",", "byte "+strconv.Itoa(s)+",", 1)
		f.Offset, f.Length = s, e-s
	}
	for i := range n.candidates {
		c := &n.candidates[i]
		s, e := start(c.Offset), start(c.Offset+c.Length)
		c.Offset, c.Length = s, e-s
	}
	if n.ellipsis {
		s, e := start(n.ellipsisOffset), start(n.ellipsisOffset+n.ellipsisLen)
		n.ellipsisOffset, n.ellipsisLen = s, e-s
	}
	order, mark := "little-endian", "without a byte order mark"
	if be {
		order = "big-endian"
	}
	if bom > 0 {
		mark = "with the byte order mark " + map[bool]string{false: "FF FE", true: "FE FF"}[be]
	}
	n.utf16 = true
	n.add("input.invisible-char", Warning, PartInput, 0, bom,
		"The input is UTF-16 ("+order+", "+mark+"), as Windows PowerShell's Out-File and > write text: a NUL byte comes with every character. It was decoded to find the token; save it as UTF-8 instead (`Out-File -Encoding utf8`, `Set-Content -Encoding ascii`).",
		"Write the token as UTF-8 or ASCII: `Out-File -Encoding utf8` or `Set-Content -Encoding ascii` (PowerShell 7 writes UTF-8 by default); a server reading the file as it is sees the NUL bytes and cannot decode the token.")
	return n
}
