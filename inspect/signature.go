package inspect

import (
	"fmt"
	"strings"
)

// commonRSASizes are the RSA signature sizes, in bytes, that jwtlens takes as whole
// without a key: the modulus sizes RSA keys are made with (512, 1024, 1536, 2048, 3072,
// 4096 and 8192 bits). Any other length is judged damaged (signature.length); with a key,
// the key's own modulus size rules instead (verify_diagnose.go).
var commonRSASizes = []int{64, 128, 192, 256, 384, 512, 1024}

// rsaNeighbours returns the largest common RSA size below n and the smallest above it
// (0 when there is none), and whether n is itself a common size.
func rsaNeighbours(n int) (below, above int, common bool) {
	for _, s := range commonRSASizes {
		switch {
		case s == n:
			return 0, 0, true
		case s < n:
			below = s
		case above == 0:
			above = s
		}
	}
	return below, above, false
}

// maxExtraBytes is how far past a signature's size a signature can run and still be read
// as one with characters added (a character typed into it, or a few after it) rather than
// one of another size: 4 base64url characters make 3 bytes.
const maxExtraBytes = 3

// countOf returns "1 word" or "n words" (kept apart from extract_findings.go's plural,
// which belongs to another area).
func countOf(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// isDER reports whether b is shaped like an ASN.1 DER ECDSA signature:
// SEQUENCE { INTEGER r, INTEGER s } with consistent lengths.
func isDER(b []byte) bool {
	if len(b) < 8 || b[0] != 0x30 {
		return false
	}
	i := 2
	seqLen := int(b[1])
	if b[1] == 0x81 {
		seqLen = int(b[2])
		i = 3
	} else if b[1] > 0x80 {
		return false
	}
	if i+seqLen != len(b) {
		return false
	}
	for k := 0; k < 2; k++ {
		if i+2 > len(b) || b[i] != 0x02 {
			return false
		}
		n := int(b[i+1])
		i += 2 + n
		if n == 0 || i > len(b) {
			return false
		}
	}
	return i == len(b)
}

// signatureChecks judges the signature segment against the header's alg and fills
// Report.Signature.
func (in *inspection) signatureChecks() {
	r := in.r
	r.Signature.Alg = in.alg
	if n := jwsAlgs[in.alg]; n > 0 && !in.looksJWE {
		// Known from the alg alone, even when the signature was cut off.
		r.Signature.ExpectedBytes = n
	}
	sg := in.seg(PartSignature)
	if sg == nil || in.looksJWE {
		return
	}
	got := len(sg.seg.Bytes)
	r.Signature.Bytes = got
	isLast := sg == in.last()
	if in.algNone {
		if sg.seg.Text != "" {
			in.addAt("signature.unexpected", Error, PartSignature, sg.seg.Start, sg.seg.End,
				fmt.Sprintf("the header says `alg: none` but a %d-byte signature follows: someone stripped the algorithm from a signed token, or the header was changed", got),
				"an unsecured token ends with an empty segment; a verifier must not accept this token as signed or unsigned")
		}
		return
	}
	want, known := jwsAlgs[in.alg]
	if !known || in.r.Header == nil {
		return
	}
	if sg.seg.Text == "" {
		at := sg.seg.Start - 1
		if at < 0 {
			at = 0
		}
		in.addAt("signature.missing", Error, PartSignature, at, sg.seg.Start, fmt.Sprintf("the signature segment is empty, but `alg` %s needs a signature", in.alg),
			"the signature was removed or lost; a token signed with "+in.alg+" ends with `.` and the signature")
		in.cut.sigMissing = isLast
		return
	}
	ecdsa := strings.HasPrefix(in.alg, "ES")
	if ecdsa && isDER(sg.seg.Bytes) {
		in.addAt("signature.der-encoded", Error, PartSignature, sg.seg.Start, sg.seg.End,
			fmt.Sprintf("the %s signature is ASN.1 DER (%d bytes, starting %q), but JWS needs the raw R‖S of %d bytes (RFC 7518 §3.4)", in.alg, got, prefix(sg.seg.Text, 5), want),
			"the producer used a generic ECDSA signer; convert the DER signature to fixed-size R‖S before encoding it")
		r.Signature.ExpectedBytes = want
		return
	}
	if want > 0 {
		switch {
		case got > want:
			msg := fmt.Sprintf("the %s signature is %d bytes, %s too many: %s signatures are exactly %d bytes (%d base64url characters); extra characters follow the signature, or a character was typed into it", in.alg, got, countOf(got-want, "byte"), in.alg, want, (want*8+5)/6)
			if got-want > maxExtraBytes {
				msg = fmt.Sprintf("the %s signature is %d bytes, %s too many: %s signatures are exactly %d bytes (%d base64url characters); text was appended to it, or it is encoded another way", in.alg, got, countOf(got-want, "byte"), in.alg, want, (want*8+5)/6)
			}
			in.addAt("signature.length", Error, PartSignature, sg.seg.Start, sg.seg.End, msg, sigLengthHint(got, want))
			in.cut.sigLong = true
		case got < want:
			msg := fmt.Sprintf("the %s signature is %s; %s signatures are exactly %d bytes (%d base64url characters)", in.alg, countOf(got, "byte"), in.alg, want, (want*8+5)/6)
			in.addAt("signature.length", Error, PartSignature, sg.seg.Start, sg.seg.End, msg, sigLengthHint(got, want))
			if isLast {
				in.cut.sigShort = true
			}
		}
		return
	}
	// RSA: the length is the modulus size, unknown without a key; take the common sizes.
	below, above, common := rsaNeighbours(got)
	if common {
		return
	}
	if below > 0 && got-below <= maxExtraBytes {
		msg := fmt.Sprintf("the %s signature is %d bytes, %s too many for a %d-bit key (%d bytes): extra characters follow the signature, or a character was typed into it", in.alg, got, countOf(got-below, "byte"), below*8, below)
		in.addAt("signature.length", Error, PartSignature, sg.seg.Start, sg.seg.End, msg,
			"an RSA signature is exactly as long as the key's modulus; find the extra characters (compare with the source) and remove them")
		in.cut.sigLong = true
		return
	}
	msg := fmt.Sprintf("the %s signature is %d bytes, which is no common RSA key size (256 bytes for a 2048-bit key, 384 for 3072, 512 for 4096)", in.alg, got)
	in.addAt("signature.length", Error, PartSignature, sg.seg.Start, sg.seg.End, msg,
		"an RSA signature is exactly as long as the key's modulus; a shorter one was cut, a longer one has text appended. Give the key to check against its size")
	if isLast && above > 0 {
		in.cut.sigShort = true
	}
}

// sigLengthHint says what a signature of the wrong length suggests.
func sigLengthHint(got, want int) string {
	switch {
	case got < want:
		return "a short signature was cut off: the token was truncated, or a character was lost"
	case got <= want+maxExtraBytes:
		return "remove the extra characters: compare the end of the token with its source"
	default:
		return "a longer signature means text was appended, or the producer encoded the signature in another form (hex, DER)"
	}
}

// prefix returns the first n bytes of s.
func prefix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}
