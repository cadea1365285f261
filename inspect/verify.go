package inspect

import (
	"encoding/base64"
	"fmt"
	"sort"
	"strings"

	"jwtlens/keys"
)

// verify checks the signature of a decoded report against opt.Keys and returns the
// outcome with its findings: the findings of every key set given (as key findings, so key
// problems show beside token problems), then what verification found. It may refine r:
// it sets r.Signature.ExpectedBytes for RS*/PS* once the key's size is known, and
// replaces a signature.length or signature.der-encoded finding with a sharper one.
//
// The signing input is the token text exactly as given up to the end of the payload
// segment; the alg is taken from the header only once the key's family and curve fit it.
// Keys the token brings itself (jwk, x5c, jku, x5u) are never used: only opt.Keys are.
func verify(r *Report, opt Options) (res Verification, outFs []Finding) {
	var fs []Finding
	var empty []int // indexes in fs of the findings of key sources that yielded no key
	for _, s := range opt.Keys {
		for _, kf := range s.Findings {
			if len(s.Keys) == 0 {
				empty = append(empty, len(fs))
			}
			fs = append(fs, Finding{Code: kf.Code, Severity: severityOf(kf.Severity), Part: PartKey,
				Message: kf.Message, Hint: kf.Hint})
		}
	}
	defer func() {
		// A key source that yielded no key is an error only when nothing else verified.
		if res.Status != Verified {
			return
		}
		for _, i := range empty {
			if f := &outFs[i]; f.Severity == Error {
				f.Severity = Warning
				f.Message += " It was ignored: another key verified the token."
			}
		}
	}()
	v := &verifier{r: r, opt: opt, fs: fs}
	if len(opt.Keys) == 0 {
		if msg, _, ok := noSignatureToCheck(r); ok {
			// A JWE or an unsecured token: no key could check it, and no finding is needed.
			return Verification{Status: CannotCheck, Detail: msg}, v.fs
		}
		if !hasSignature(r) {
			// Nothing that could be verified (no token, a token cut before its signature):
			// the structure findings say why.
			return Verification{Status: NotChecked, Detail: "no key given"}, v.fs
		}
		if msg, hint, ok := unjudgeableSignature(r); ok {
			v.sigOff, v.sigLen = sigSpan(r)
			return v.cannot(nil, msg, hint), v.fs
		}
		v.add(Finding{Code: "signature.not-verified", Severity: Info, Part: PartSignature,
			Message: "No key or secret was given, so nothing is said about the signature: it is neither valid nor invalid yet.",
			Hint:    "Give the key the server uses: " + keyWays + "; for HS256/384/512 tokens the shared secret (--secret TEXT or --secret-file FILE, or ctrl+o)."})
		return Verification{Status: NotChecked, Detail: "no key given"}, v.fs
	}
	res = v.run()
	return res, v.fs
}

// keyWays says how to give a key, both on the command line and in the inspector.
const keyWays = "--key FILE (PEM, certificate, JWK or JWKS), or ctrl+o in the inspector"

// noSignatureToCheck says why r is a token no key can verify at all: a JWE, which is
// decrypted rather than verified, or an unsecured token (alg none).
func noSignatureToCheck(r *Report) (msg, hint string, ok bool) {
	if r.Kind == KindJWE || len(r.Segments) == 5 {
		return "This is an encrypted token (JWE): it is decrypted with a key, not verified with one, and jwtlens does not decrypt.",
			"Decrypt it with the recipient's key in the tool that made it.", true
	}
	if alg, isStr := r.Header.Get("alg").String(); isStr && strings.EqualFold(alg, "none") {
		return fmt.Sprintf("The header says alg %s: an unsecured token carries no signature to check. jwtlens never reports such a token as verified.", quoted(alg)),
			"A server must reject unsecured tokens; if this one was accepted, the server is open to forgery. Ask the issuer to sign its tokens.", true
	}
	return "", "", false
}

// unjudgeableSignature says why the signature of a 3-segment JWS cannot be judged by any
// key: it is empty, the payload is detached (RFC 7515 Appendix F), or the signature was
// cut (structure.truncated with a signature of the wrong length).
func unjudgeableSignature(r *Report) (msg, hint string, ok bool) {
	var ps, ss *Segment
	for i := range r.Segments {
		switch r.Segments[i].Part {
		case PartPayload:
			ps = &r.Segments[i]
		case PartSignature:
			ss = &r.Segments[i]
		}
	}
	switch {
	case ss == nil || ps == nil:
		return "", "", false
	case ss.Text == "":
		return "The token has no signature (its last segment is empty), so there is nothing for a key to check.",
			"Get the token as the issuer signed it: a signed JWT ends with a dot and the signature (see signature.missing).", true
	case ps.Text == "":
		return "The payload segment is empty: this is a JWS with detached content (RFC 7515 Appendix F), signed over content carried elsewhere, so the signature cannot be checked from the token alone.",
			"Check it where the detached content is known, with the content put back between the dots.", true
	case r.Has("structure.truncated") && sigDamaged(r):
		return "The token was cut short inside its signature (see structure.truncated), so the signature cannot be checked: any key would fail on what is left.",
			"Get the whole token from its source, then check it with the key.", true
	}
	return "", "", false
}

// sigDamaged reports whether a finding says the signature segment has the wrong length.
func sigDamaged(r *Report) bool {
	for _, f := range r.Findings {
		if f.Part == PartSignature && (f.Code == "signature.length" || f.Code == "base64.bad-length") {
			return true
		}
	}
	return false
}

// sigSpan is the raw span of r's signature segment.
func sigSpan(r *Report) (int, int) {
	for i := range r.Segments {
		if s := &r.Segments[i]; s.Part == PartSignature {
			return rawSpan(r, s.Start, s.End)
		}
	}
	return 0, 0
}

// quoted shows s in double quotes, sanitised once (Sanitize already escapes what needs it).
func quoted(s string) string { return `"` + Sanitize(s) + `"` }

// hasSignature reports whether r holds a JWS with a signature segment that a key could
// check: not a JWE, not alg none.
func hasSignature(r *Report) bool {
	if r.Kind == KindJWE || len(r.Segments) != 3 {
		return false
	}
	if alg, ok := r.Header.Get("alg").String(); ok && strings.EqualFold(alg, "none") {
		return false
	}
	for i := range r.Segments {
		if r.Segments[i].Part == PartSignature {
			return true
		}
	}
	return false
}

// severityOf maps the severity names package keys uses to a Severity.
func severityOf(s string) Severity {
	switch strings.ToLower(s) {
	case "error":
		return Error
	case "warning", "warn":
		return Warning
	}
	return Info
}

// verifier holds the state of one verification.
type verifier struct {
	r   *Report
	opt Options
	fs  []Finding

	spec   *algSpec
	alg    string
	kid    string
	input  string // the signing input, exactly as given
	sig    []byte
	sigLax bool // the signature text is not base64url; its lenient decoding is used
	sigOff int  // raw span of the signature segment
	sigLen int
}

func (v *verifier) add(f Finding) {
	if f.Part == PartSignature && f.Offset == 0 && f.Length == 0 {
		f.Offset, f.Length = v.sigOff, v.sigLen
	}
	v.fs = append(v.fs, f)
}

// cannot ends verification with cannot-check, saying why in a signature.not-verified
// finding (no signature finding fits better: nothing is said about the signature).
func (v *verifier) cannot(key *keys.Key, msg, hint string) Verification {
	v.add(Finding{Code: "signature.not-verified", Severity: Info, Part: PartSignature, Message: msg, Hint: hint})
	return Verification{Status: CannotCheck, Key: key, Detail: msg}
}

// rawSpan maps [start, end) of r.Token to the raw input.
func rawSpan(r *Report, start, end int) (int, int) {
	if start < 0 || end < start || end >= len(r.RawOffsets) {
		return 0, 0
	}
	off := r.RawOffsets[start]
	return off, r.RawOffsets[end] - off
}

func (v *verifier) run() Verification {
	r := v.r
	if r.Kind == KindJWE || len(r.Segments) == 5 {
		return v.cannot(nil, "This is an encrypted token (JWE): it is decrypted with a key, not verified with one, and jwtlens does not decrypt.",
			"Decrypt it with the recipient's key in the tool that made it; a key given here is not used.")
	}
	var hs, ps, ss *Segment
	for i := range r.Segments {
		switch r.Segments[i].Part {
		case PartHeader:
			hs = &r.Segments[i]
		case PartPayload:
			ps = &r.Segments[i]
		case PartSignature:
			ss = &r.Segments[i]
		}
	}
	if len(r.Segments) != 3 || hs == nil || ps == nil || ss == nil || ps.End > len(r.Token) || ps.End < hs.Start {
		return v.cannot(nil, "The token does not have the three segments of a signed JWT (header.payload.signature), so there is no signing input to check the signature over.",
			"Fix the structure problems reported above first; usually the token was cut short or pasted incompletely.")
	}
	v.sigOff, v.sigLen = rawSpan(r, ss.Start, ss.End)
	if r.Header == nil {
		return v.cannot(nil, "The header is not a readable JSON object, so the algorithm is unknown and the signature cannot be checked.",
			"Fix the header problems reported above first.")
	}
	alg, ok := r.Header.Get("alg").String()
	if !ok {
		return v.cannot(nil, "The header has no \"alg\" string, so there is no algorithm to check the signature with.",
			"Every signed JWT names its algorithm in the header, e.g. {\"alg\":\"RS256\"}; ask the issuer to add it.")
	}
	v.alg = alg
	if strings.EqualFold(alg, "none") {
		return v.cannot(nil, fmt.Sprintf("The header says alg %s: an unsecured token carries no signature to check. jwtlens never reports such a token as verified, whatever key is given.", quoted(alg)),
			"A server must reject unsecured tokens; if this one was accepted, the server is open to forgery. Ask the issuer to sign its tokens.")
	}
	spec, ok := lookupAlg(alg)
	if !ok {
		if s, fold := lookupAlgFold(alg); fold {
			return v.cannot(nil, fmt.Sprintf("The header says alg %s; the registered name is %q. Servers compare alg exactly, so jwtlens does not verify it under another spelling.", quoted(alg), s.name),
				fmt.Sprintf("Have the issuer write \"alg\":%q exactly; a token whose alg was re-cased may have been tampered with.", s.name))
		}
		return v.cannot(nil, fmt.Sprintf("The header's alg %s is not one jwtlens can verify (it verifies HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512 and EdDSA).", quoted(alg)),
			"Verify it with a tool that supports this algorithm, or have the issuer use one of those listed.")
	}
	v.spec = spec
	v.input = r.Token[:ps.End]
	sig, err := base64.RawURLEncoding.DecodeString(ss.Text)
	if err != nil {
		if !ss.Decoded {
			return v.invalid(nil, "The signature segment is not base64url and could not be decoded, so it cannot match any key.",
				"Fix the base64 problems reported for the signature; usually the token was damaged while being copied.")
		}
		sig, v.sigLax = ss.Bytes, true
	}
	v.sig = sig
	v.kid, _ = r.Header.Get("kid").String()
	if msg, hint, ok := unjudgeableSignature(r); ok && (ss.Text == "" || ps.Text == "") {
		return v.cannot(nil, msg, hint)
	}
	return v.withKeys()
}

// withKeys chooses the keys to try, checks each fits the alg, and tries them.
func (v *verifier) withKeys() Verification {
	total := 0
	var usable, otherKind []candidate
	for si := range v.opt.Keys {
		set := &v.opt.Keys[si]
		for ki := range set.Keys {
			total++
			k := &set.Keys[ki]
			if why := notForSigning(k, v.alg); why != "" {
				if k.Family != v.spec.family {
					// A key of another kind could not have signed the token anyway: in a
					// key set of several kinds it is skipped without a word.
					otherKind = append(otherKind, candidate{key: k, set: si})
					continue
				}
				v.add(Finding{Code: "key.not-for-signing", Severity: Warning, Part: PartKey,
					Message: fmt.Sprintf("The key %s is not used to verify this token: %s.", describeKey(k), why),
					Hint:    "Use the key the issuer publishes for signing; if this key is meant for it, correct its use, key_ops or alg."})
				continue
			}
			usable = append(usable, candidate{key: k, set: si})
		}
	}
	if len(usable) == 0 && !v.r.Has("key.not-for-signing") && !hasCode(v.fs, "key.not-for-signing") {
		// Only keys of other kinds: say they do not fit (key.type-mismatch below).
		usable = otherKind
	}
	if total == 0 {
		return v.cannot(nil, "None of the key material given could be read as a key, so the signature cannot be checked.",
			"See the key findings: they say what the key material looked like and how to fix it.")
	}
	if len(usable) == 0 {
		return v.cannot(nil, "None of the keys given may be used to verify this token (see the key findings).",
			"Give the key the issuer signs with.")
	}

	// Order by kid: the keys the token's kid names first.
	named := 0
	var kids []string
	if v.kid != "" {
		sort.SliceStable(usable, func(i, j int) bool {
			return usable[i].key.KID == v.kid && usable[j].key.KID != v.kid
		})
		for _, c := range usable {
			if c.key.KID == v.kid {
				named++
			} else if c.key.KID != "" {
				kids = append(kids, c.key.KID)
			}
		}
	}

	var fit []candidate
	var misfits []Finding
	for _, c := range usable {
		f, confusion := v.fits(c.key)
		if f == nil {
			fit = append(fit, c)
			continue
		}
		if confusion {
			v.add(*f)
		} else {
			misfits = append(misfits, *f)
		}
	}
	if len(fit) == 0 {
		var one *keys.Key
		if len(usable) == 1 {
			c := *usable[0].key
			one = &c
		}
		// One finding per kind of misfit: a key set of twenty RSA keys for an ES256 token
		// is one problem, not twenty.
		for i, f := range misfits {
			more := 0
			first := true
			for j, g := range misfits {
				if g.Code == f.Code {
					if j < i {
						first = false
						break
					}
					if j > i {
						more++
					}
				}
			}
			if !first {
				continue
			}
			if more > 0 {
				f.Message += fmt.Sprintf(" (%d more of the keys given do not fit for the same reason.)", more)
			}
			v.add(f)
		}
		v.kidNotFound(named, kids, nil)
		detail := "no key given fits " + v.alg
		if len(misfits) > 0 {
			detail = misfits[0].Message
		} else if len(v.fs) > 0 {
			detail = v.fs[len(v.fs)-1].Message
		}
		return Verification{Status: CannotCheck, Key: one, Detail: detail}
	}

	for i, c := range fit {
		if v.spec.method.Verify(v.input, v.sig, publicKeyArg(c.key)) == nil {
			return v.verified(c, i, len(fit), named, kids)
		}
	}
	if msg, hint, ok := unjudgeableSignature(v.r); ok {
		// A cut signature: say so against the key's size, but judge nothing else.
		if v.spec.family == keys.RSA {
			v.rsaLength(fit[0].key)
		}
		return v.cannot(nil, msg, hint)
	}
	return v.diagnose(fit, named, kids)
}

// hasCode reports whether fs holds a finding with code.
func hasCode(fs []Finding, code string) bool {
	for i := range fs {
		if fs[i].Code == code {
			return true
		}
	}
	return false
}

// kidNotFound reports key.kid-not-found when the token names a kid that none of the keys
// carry while some keys do carry one. with is the key it verified with anyway, if any.
func (v *verifier) kidNotFound(named int, kids []string, with *keys.Key) {
	if v.kid == "" || named > 0 || len(kids) == 0 {
		return
	}
	sort.Strings(kids)
	uniq := kids[:0]
	for i, k := range kids {
		if i == 0 || k != kids[i-1] {
			uniq = append(uniq, k)
		}
	}
	shown := make([]string, 0, min(len(uniq), 10))
	for _, k := range uniq[:min(len(uniq), 10)] {
		shown = append(shown, fmt.Sprintf("%s", quoted(k)))
	}
	list := strings.Join(shown, ", ")
	if len(uniq) > 10 {
		list += fmt.Sprintf(" and %d more", len(uniq)-10)
	}
	msg := fmt.Sprintf("The token's kid %s is not in the keys given; their kids are %s.", quoted(v.kid), list)
	if with != nil {
		msg += fmt.Sprintf(" The signature does verify with %s, so the key is there under another kid.", describeKey(with))
	}
	off, n := v.kidSpan()
	v.add(Finding{Code: "key.kid-not-found", Severity: Error, Part: PartHeader, Offset: off, Length: n, Message: msg,
		Hint: "A server that picks its key by kid will reject this token. Fetch the issuer's current key set (keys rotate), or fix the kid the issuer writes."})
}

// kidSpan is the raw span of the header's kid value. Decoded byte j of a base64url segment
// sits in characters 8j/6 to (8j+7)/6 of its text.
func (v *verifier) kidSpan() (int, int) {
	kv := v.r.Header.Get("kid")
	if kv == nil || kv.End <= kv.Start {
		return 0, 0
	}
	for i := range v.r.Segments {
		sg := &v.r.Segments[i]
		if sg.Part != PartHeader {
			continue
		}
		a := sg.Start + kv.Start*8/6
		b := sg.Start + (kv.End*8-1)/6 + 1
		if b > sg.End || a > b {
			return 0, 0
		}
		return rawSpan(v.r, a, b)
	}
	return 0, 0
}

// fits checks that key k can verify v.spec's alg. It returns the finding that says why not,
// or nil; confusion is true for key.alg-confusion, which is always reported.
func (v *verifier) fits(k *keys.Key) (f *Finding, confusion bool) {
	spec := v.spec
	if spec.family == keys.HMAC && k.Family == keys.HMAC {
		if what := keyMaterialInSecret(k.Secret); what != "" {
			return &Finding{Code: "key.alg-confusion", Severity: Error, Part: PartKey,
				Message: fmt.Sprintf("The token says %s (an HMAC shared secret), and the secret given (%s) is %s. Using key material as an HMAC secret is the classic forgery: an attacker who knows the public key signs an HS* token with it, and a server that accepts it is checking against a secret everyone has. jwtlens refuses to check it.",
					spec.name, Sanitize(k.Source), what),
				Hint: "If your server verifies this way, fix it now: pin the alg each key is for (RS256, ES256…) and never accept HS* with a public key. If the token really is HS*, give the shared secret, not a key file."}, true
		}
		return nil, false
	}
	if k.Family != spec.family || publicKeyArg(k) == nil {
		msg := fmt.Sprintf("%s needs %s; the key given is %s.", spec.name, familyNeed(spec.family), describeKey(k))
		hint := "Give the issuer's key for this token: " + keyWays + "."
		switch {
		case spec.family == keys.HMAC:
			msg += " Never configure a server to use a public key as an HMAC secret: anyone holding the public key could then forge tokens (the alg-confusion attack)."
			hint = "Give the shared secret: --secret TEXT or --secret-file FILE, or ctrl+o in the inspector."
		case k.Family == keys.HMAC:
			msg += fmt.Sprintf(" %s tokens are checked with the issuer's public key, not a shared secret.", spec.name)
		case k.Family == spec.family:
			msg = fmt.Sprintf("The key %s holds no usable public key for %s.", describeKey(k), spec.name)
		}
		return &Finding{Code: "key.type-mismatch", Severity: Error, Part: PartKey, Message: msg, Hint: hint}, false
	}
	switch spec.family {
	case keys.EC:
		curve := ecCurve(k)
		if curve != spec.curve {
			msg := fmt.Sprintf("%s needs a %s key; the key given is %s.", spec.name, spec.curve, describeKey(k))
			if c := curveForSigBytes(len(v.sig)); c != "" && c == curve {
				msg += fmt.Sprintf(" The signature is %d bytes, the size %s signatures have: the token may have been signed with %s and its header changed to %s.", len(v.sig), c, esAlgForCurve(c), spec.name)
			} else if len(v.sig) == spec.sigBytes {
				msg += fmt.Sprintf(" The signature is %d bytes, the size %s makes, so the key is most likely the wrong one.", len(v.sig), spec.name)
			}
			return &Finding{Code: "key.curve-mismatch", Severity: Error, Part: PartKey, Message: msg,
				Hint: fmt.Sprintf("Give the issuer's %s key.", spec.curve)}, false
		}
	case keys.RSA:
		if why := k.Unusable(); why != "" {
			return &Finding{Code: "signature.not-verified", Severity: Info, Part: PartSignature,
				Message: fmt.Sprintf("The signature cannot be checked with %s: %s.", describeKey(k), why),
				Hint:    "Have the issuer sign with an RSA key of at least 2048 bits, and give that key; to examine this old token, run a Go program with GODEBUG=rsa1024min=0, or openssl."}, false
		}
	}
	return nil, false
}

// weak reports key.weak for a key that verifies but is too weak, unless the key's own set
// already said so.
func (v *verifier) weak(c candidate) {
	for _, f := range v.opt.Keys[c.set].Findings {
		if f.Code == "key.weak" {
			return
		}
	}
	k := c.key
	switch k.Family {
	case keys.HMAC:
		if f, ok := keys.WeakSecret(*k, v.spec.name); ok {
			msg := capitalize(f.Message)
			if len(k.Secret) == 0 {
				msg = fmt.Sprintf("The secret (%s) is empty: anyone can make %s tokens that verify with it.", Sanitize(k.Source), v.spec.name)
			}
			v.add(Finding{Code: f.Code, Severity: severityOf(f.Severity), Part: PartKey, Message: msg, Hint: f.Hint})
		}
	case keys.RSA:
		if bits := rsaBits(k); bits < 2048 {
			v.add(Finding{Code: "key.weak", Severity: Warning, Part: PartKey,
				Message: fmt.Sprintf("The signature was checked, but the %s is weak: RSA keys under 2048 bits (this one has %d) are considered breakable.", describeKey(k), bits),
				Hint:    "Have the issuer move to an RSA key of at least 2048 bits (or to ES256/EdDSA)."})
		}
	}
}

// verified records a signature that verified with fit key c (the i-th of n tried).
func (v *verifier) verified(c candidate, i, n, named int, kids []string) Verification {
	k := c.key
	v.weak(c)
	if v.spec.family == keys.RSA {
		v.r.Signature.ExpectedBytes = rsaModulusBytes(k)
	}
	desc := describeKey(k)
	if v.sigLax {
		// Only the leniently decoded bytes match: the token as sent does not verify.
		return v.invalid(k, fmt.Sprintf("The signature matches %s only once its text is repaired: as sent, the signature segment is not strict base64url (see the base64 findings), so a strict server rejects the token before it even checks the key.", desc),
			"The key is the right one: find where the stray characters entered the token on its way, and send it unchanged.")
	}
	var msg strings.Builder
	msg.WriteString("The signature verifies with ")
	msg.WriteString(desc)
	msg.WriteByte('.')
	if v.kid == "" && n > 1 {
		fmt.Fprintf(&msg, " The token has no kid, so the %d keys that fit %s were tried in turn; key %d matched.", n, v.spec.name, i+1)
	}
	if v.r.Has("input.inner-whitespace") || v.r.Has("input.invisible-char") {
		msg.WriteString(" This is the cleaned token: the text exactly as pasted, with the characters inside it that were removed, would not verify, and a server given it would reject it.")
	}
	v.add(Finding{Code: "signature.verified", Severity: Info, Part: PartSignature, Message: msg.String(),
		Hint: "The signature is good; any remaining problems are in the claims or the way the token is sent."})
	if v.kid != "" && named > 0 && k.KID != v.kid {
		off, n := v.kidSpan()
		v.add(Finding{Code: "key.kid-mismatch", Severity: Warning, Part: PartHeader, Offset: off, Length: n,
			Message: fmt.Sprintf("The token's kid %s names another key, but the signature verifies with %s.", quoted(v.kid), desc),
			Hint:    "A server that picks its key by kid uses the wrong key and rejects the token: fix the kid the issuer writes in the header, or the kid on the key."})
	}
	v.kidNotFound(named, kids, k)
	key := *k
	return Verification{Status: Verified, Key: &key, Detail: "verified with " + desc}
}

// invalid ends verification with invalid and a signature.invalid finding.
func (v *verifier) invalid(key *keys.Key, msg, hint string) Verification {
	v.add(Finding{Code: "signature.invalid", Severity: Error, Part: PartSignature, Message: msg, Hint: hint})
	var kp *keys.Key
	if key != nil {
		c := *key
		kp = &c
	}
	return Verification{Status: Invalid, Key: kp, Detail: msg}
}

// dropFindings removes the report's own findings with code, so that verification can
// replace them with a sharper one.
func (v *verifier) dropFindings(code string) {
	fs := v.r.Findings[:0]
	for _, f := range v.r.Findings {
		if f.Code != code {
			fs = append(fs, f)
		}
	}
	v.r.Findings = fs
}

// capitalize starts a message with a capital letter, as the report's messages do.
func capitalize(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
