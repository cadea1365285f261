package inspect

import (
	"encoding/asn1"
	"fmt"
	"math/big"
	"strings"

	"jwtlens/keys"
)

// diagnose runs when no fit key verified the signature: before saying "invalid" it looks
// for the usual reasons (a secret with a stray newline or in another encoding, a DER
// ECDSA signature, an RSA signature of the wrong size) and says which one it was.
func (v *verifier) diagnose(fit []candidate, named int, kids []string) Verification {
	v.kidNotFound(named, kids, nil)
	var reasons []cause
	for _, c := range fit {
		k := c.key
		switch v.spec.family {
		case keys.HMAC:
			if sv, ok := v.secretVariant(k.Secret); ok {
				v.add(Finding{Code: sv.code, Severity: Warning, Part: PartKey,
					Message: fmt.Sprintf("The signature does not verify with the secret from %s as given, but it does %s.", Sanitize(k.Source), sv.how),
					Hint:    sv.hint})
				reasons = append(reasons, cause{"it does " + sv.how, sv.code})
			}
		case keys.RSA:
			if len(reasons) == 0 {
				if why, ok := v.rsaLength(k); ok {
					reasons = append(reasons, why)
				}
			}
		}
	}
	if v.spec.family == keys.EC {
		if why, ok := v.derSignature(fit); ok {
			reasons = append(reasons, cause{why, "signature.der-encoded"})
		}
	}
	var one *keys.Key
	if len(fit) == 1 {
		one = fit[0].key
		v.weak(fit[0])
	}
	switch {
	case len(reasons) > 0 && one != nil:
		return v.invalid(one, fmt.Sprintf("The signature does not verify with %s as given: %s%s.", describeKey(one), reasons[0].why, reasons[0].see()),
			reasons[0].hint())
	case len(reasons) > 0:
		return v.invalid(nil, fmt.Sprintf("The signature does not verify with any of the %d keys given that fit %s as they are: %s%s.", len(fit), v.spec.name, reasons[0].why, reasons[0].see()),
			reasons[0].hint())
	case one != nil:
		return v.invalid(one, fmt.Sprintf("The signature does not verify with %s.", describeKey(one)),
			"Either the token was signed with another key, or its header or payload changed after signing. Check this is the issuer's current key (compare kid and fingerprint), and that the token was copied whole.")
	}
	return v.invalid(nil, fmt.Sprintf("The signature does not verify with any of the %d keys given that fit %s.", len(fit), v.spec.name),
		"Either the token was signed with a key not among these, or its header or payload changed after signing. Fetch the issuer's current keys (they rotate), and check the token was copied whole.")
}

// cause is a reason found for a signature that does not verify, and the code of the
// finding that tells it in full ("" when signature.invalid itself is the whole story).
type cause struct {
	why, code string
}

// see names the finding that tells the cause in full, for signature.invalid's message.
func (c cause) see() string {
	if c.code == "" {
		return ""
	}
	return " (see " + c.code + ")"
}

// hint says what to do about the cause.
func (c cause) hint() string {
	if c.code == "" {
		return "Give the issuer's key: it is not this one (compare the kid and the key size with the issuer's published keys)."
	}
	return "Fix the cause " + c.code + " names, on the side that is wrong (the server's key, or the issuer's signing); the token itself may be fine."
}

// secretVariantResult is a variant of an HMAC secret that verifies the signature.
type secretVariantResult struct {
	code string // key.secret-whitespace or key.secret-encoding
	how  string // completes "it does …"
	hint string
}

// secretVariant tries the usual ways a secret differs between issuer and server, as
// keys.SecretVariants lists them (whitespace trimmed, base64/hex decoded, or the reverse),
// and one more: a newline the issuer's secret has and the one given lacks.
func (v *verifier) secretVariant(s []byte) (secretVariantResult, bool) {
	for _, sv := range keys.SecretVariants(s) {
		if v.spec.method.Verify(v.input, v.sig, sv.Secret) != nil {
			continue
		}
		how := "with the secret " + sv.Label
		if strings.HasPrefix(sv.Label, "with ") {
			how = sv.Label
		}
		hint := "Remove the stray whitespace where the server reads the secret (a file written by an editor or by echo ends with a newline; printf '%s' does not), so both sides use the same bytes."
		switch {
		case strings.Contains(sv.Label, "BOM"):
			hint = "Save the secret file without a BOM (plain UTF-8, no signature), or strip it where the server reads the file, so both sides use the same bytes."
		case strings.Contains(sv.Label, "quoted"):
			hint = "Remove the quotes stored around the secret (a quoted value in a .env or YAML file, or a JSON string copied with its quotes), so both sides use the same bytes."
		case strings.Contains(sv.Label, "decoded"):
			hint = "The issuer uses the bytes this text stands for as the secret, not the text itself. Configure the server to decode it the same way (many libraries take the secret as raw bytes)."
		case strings.Contains(sv.Label, "encoded"):
			hint = "The issuer uses the encoded text of the secret as the secret itself (a JWK \"k\" value pasted as a password is the usual way). Make both sides agree: the server with that text, or the issuer with the raw bytes."
		}
		return secretVariantResult{sv.Code, how, hint}, true
	}
	if alt := append(append([]byte(nil), s...), '\n'); v.spec.method.Verify(v.input, v.sig, alt) == nil {
		return secretVariantResult{"key.secret-whitespace", "once a newline is added at its end",
			"The issuer's secret ends with a newline (it was probably read from a file written by echo). Make both sides use the same bytes, preferably without the newline."}, true
	}
	return secretVariantResult{}, false
}

// ecdsaDER is an ECDSA signature in ASN.1 DER (RFC 3279 Ecdsa-Sig-Value).
type ecdsaDER struct {
	R, S *big.Int
}

// derSignature checks whether the ECDSA signature is DER instead of raw R‖S, and whether
// it verifies with one of the fit keys once converted. It reports signature.der-encoded in
// place of the report's own finding with that code.
func (v *verifier) derSignature(fit []candidate) (string, bool) {
	size := v.spec.sigBytes / 2
	if len(v.sig) == v.spec.sigBytes {
		return "", false
	}
	var d ecdsaDER
	rest, err := asn1.Unmarshal(v.sig, &d)
	if err != nil || len(rest) != 0 || d.R == nil || d.S == nil || d.R.Sign() <= 0 || d.S.Sign() <= 0 {
		return "", false
	}
	msg := fmt.Sprintf("The %s signature is %d bytes of ASN.1 DER (a SEQUENCE of two INTEGERs), the form OpenSSL and most crypto libraries produce; JWS needs the raw %d-byte R‖S (RFC 7518 §3.4), so every JWT library rejects it.",
		v.spec.name, len(v.sig), v.spec.sigBytes)
	why := "its ECDSA signature is DER-encoded, and converted to R‖S it still does not verify"
	if d.R.BitLen() <= size*8 && d.S.BitLen() <= size*8 {
		raw := make([]byte, 2*size)
		d.R.FillBytes(raw[:size])
		d.S.FillBytes(raw[size:])
		var with *keys.Key
		for _, c := range fit {
			if v.spec.method.Verify(v.input, raw, publicKeyArg(c.key)) == nil {
				with = c.key
				break
			}
		}
		switch {
		case with != nil:
			msg += fmt.Sprintf(" Converted to R‖S, it verifies with %s: the key is right, the signer's encoding is wrong.", describeKey(with))
			why = "its ECDSA signature is DER-encoded; converted to R‖S it verifies"
		case len(fit) == 1:
			msg += fmt.Sprintf(" Even converted to R‖S it does not verify with %s, so the key is probably wrong too.", describeKey(fit[0].key))
		default:
			msg += fmt.Sprintf(" Even converted to R‖S it verifies with none of the %d keys given, so the key is probably wrong too.", len(fit))
		}
	} else {
		msg += fmt.Sprintf(" Its numbers are too large for %s, so it cannot be converted.", v.spec.curve)
	}
	v.dropFindings("signature.der-encoded")
	v.add(Finding{Code: "signature.der-encoded", Severity: Error, Part: PartSignature, Message: msg,
		Hint: fmt.Sprintf("Fix the signer: convert the DER signature to R and S, each left-padded to %d bytes, and concatenate them before base64url-encoding (or use a JWT library to sign).", size)})
	return why, true
}

// rsaLength refines signature.length for RS*/PS* now that the key's modulus size is known,
// and records the expected size in the report.
func (v *verifier) rsaLength(k *keys.Key) (cause, bool) {
	want := rsaModulusBytes(k)
	v.r.Signature.ExpectedBytes = want
	got := len(v.sig)
	if got == want {
		return cause{}, false
	}
	if _, _, common := rsaNeighbours(got); common {
		// A whole signature of another key's size: the token is fine, the key is not its.
		v.dropFindings("signature.length")
		v.dropFindings("structure.truncated")
		return cause{fmt.Sprintf("the signature is %d bytes, this key makes %d-byte signatures: it is not the key that signed this token (%d bytes is what a %d-bit key makes)", got, want, got, got*8), ""}, true
	}
	v.dropFindings("signature.length")
	msg := fmt.Sprintf("The %s signature is %d bytes; %s makes signatures of exactly %d bytes.", v.spec.name, got, describeKey(k), want)
	hint := "The signature was cut short or has extra bytes: copy the token again, whole."
	if got > want && got-want <= maxExtraBytes {
		msg += fmt.Sprintf(" It has %s too many: extra characters follow the signature, or a character was typed into it.", countOf(got-want, "byte"))
		hint = "Remove the extra characters: compare the end of the token with its source."
	}
	v.add(Finding{Code: "signature.length", Severity: Error, Part: PartSignature, Message: msg, Hint: hint})
	return cause{fmt.Sprintf("the signature is %d bytes where the key makes %d", got, want), "signature.length"}, true
}
