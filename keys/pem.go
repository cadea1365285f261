package keys

import (
	"bytes"
	"encoding/asn1"
	"encoding/base64"
	"fmt"
	"strings"
)

// maxBlocks is the most PEM blocks read from one input: key files hold one to a handful.
const maxBlocks = 64

// maxLabel is the longest PEM label looked for.
const maxLabel = 64

// findArmour finds armour lines, leniently: one or more dashes, an optional space (RFC 4716
// SSH2 keys use "---- BEGIN … ----"), word ("BEGIN" or "END"), a space, a label of capitals,
// digits and spaces, an optional space, one or more dashes. Each match is given as offsets
// {start, end, left dashes start, end, label start, end, right dashes start, end}. It runs
// in time linear in len(t), whatever the bytes.
func findArmour(t []byte, word string, limit int) [][]int {
	var out [][]int
	w := []byte(word + " ")
	floor := 0 // the end of the previous match: matches never overlap
	for from := 0; len(out) < limit; {
		i := bytes.Index(t[from:], w)
		if i < 0 {
			break
		}
		i += from
		from = i + len(w)
		// dashes before, with one optional space between
		j := i
		if j > floor && t[j-1] == ' ' {
			j--
		}
		ld := j
		for ld > floor && t[ld-1] == '-' && j-ld < 1<<16 {
			ld--
		}
		if ld == j {
			continue
		}
		// the label
		ls := i + len(w)
		le := ls
		for le < len(t) && le-ls < maxLabel && (t[le] >= 'A' && t[le] <= 'Z' || t[le] >= '0' && t[le] <= '9' || t[le] == ' ') {
			le++
		}
		for le > ls && t[le-1] == ' ' {
			le--
		}
		if le == ls {
			continue
		}
		k := le
		if k < len(t) && t[k] == ' ' {
			k++
		}
		rd := k
		for rd < len(t) && t[rd] == '-' && rd-k < 1<<16 {
			rd++
		}
		if rd == k {
			continue
		}
		out = append(out, []int{ld, rd, ld, j, ls, le, k, rd})
		from, floor = rd, rd
	}
	return out
}

// isPEMish says whether t has armour lines (or what is left of them).
func isPEMish(t []byte) bool {
	return len(findArmour(t, "BEGIN", 1)) > 0 || len(findArmour(t, "END", 1)) > 0
}

// pemBlock is one armoured block as found, with what had to be repaired to read it.
type pemBlock struct {
	label   string
	headers map[string]string
	der     []byte
	repairs []string
	bad     string // why its base64 could not be decoded
}

// readPEM reads every block of a PEM file, repairing what a copy and paste usually breaks.
func (r *reader) readPEM(t []byte) {
	if bytes.Contains(t, []byte(`\n`)) || bytes.Contains(t, []byte(`\r`)) {
		t = bytes.ReplaceAll(t, []byte(`\r\n`), []byte("\n"))
		t = bytes.ReplaceAll(t, []byte(`\n`), []byte("\n"))
		t = bytes.ReplaceAll(t, []byte(`\r`), []byte("\n"))
		r.find("key.escaped-newlines", SevWarning,
			fmt.Sprintf("%s holds literal \\n sequences where its line breaks should be (as when a PEM is kept in an environment variable or a JSON string); they were turned into line breaks.", r.src()),
			"Store the key with real line breaks, e.g. printf '%b' \"$KEY\" > key.pem, or decode the JSON string before use.")
	}
	// Blocks run together on one line: "-----END X----------BEGIN Y-----".
	t = bytes.ReplaceAll(t, []byte("----------BEGIN "), []byte("-----\n-----BEGIN "))
	t = bytes.ReplaceAll(t, []byte("----- -----BEGIN "), []byte("-----\n-----BEGIN "))
	blocks := splitPEM(t)
	if len(blocks) == 0 {
		r.unreadable(fmt.Sprintf("%s has PEM armour lines (BEGIN/END) but no base64 between them.", r.src()),
			"The key body is missing: copy the whole key, from -----BEGIN to -----END.")
		return
	}
	if len(blocks) > maxBlocks {
		r.find("key.unreadable", SevWarning, fmt.Sprintf("%s holds more than %d PEM blocks; only the first %d were read.", r.src(), maxBlocks, maxBlocks),
			"Give the file that holds the signing key (or its certificate) alone.")
		blocks = blocks[:maxBlocks]
	}
	for i, b := range blocks {
		at := ""
		if len(blocks) > 1 {
			at = fmt.Sprintf("block %d of %d, %s", i+1, len(blocks), b.label)
		}
		r.readBlock(b, at)
	}
	if r.params == len(blocks) && len(r.set.Keys) == 0 {
		r.unreadable(fmt.Sprintf("%s holds only curve or group parameters (EC PARAMETERS), not a key.", r.src()),
			"openssl ecparam writes the parameters before the key when asked with -genkey; give the file that holds the key itself.")
	}
	if len(r.chain) > 0 {
		r.find("key.certificate", SevInfo,
			fmt.Sprintf("%s holds a chain of %d certificates; the first one's key is used, and %s (%s) %s, as the keys of issuers do not sign tokens.",
				r.src(), len(r.chain)+1, plural(len(r.chain), "the other one", "the other %d"), strings.Join(r.chain, "; "), plural(len(r.chain), "is left aside", "are left aside")),
			"Nothing to do if the first certificate is the signer's; otherwise put the signer's certificate first.")
	}
}

// splitPEM finds the blocks, tolerating lost line breaks, wrong dash counts and a missing
// BEGIN or END line.
func splitPEM(t []byte) []pemBlock {
	begins := findArmour(t, "BEGIN", maxBlocks+1)
	ends := findArmour(t, "END", maxBlocks+1)
	var out []pemBlock
	pos, bi, ei := 0, 0, 0
	for {
		for bi < len(begins) && begins[bi][0] < pos {
			bi++
		}
		for ei < len(ends) && ends[ei][0] < pos {
			ei++
		}
		if bi >= len(begins) && ei >= len(ends) {
			break
		}
		if bi >= len(begins) || (ei < len(ends) && ends[ei][0] < begins[bi][0]) {
			// An END with no BEGIN before it: the BEGIN line was lost.
			e := ends[ei]
			body := t[pos:e[0]]
			label := string(t[e[4]:e[5]])
			if b64len(body) >= 16 {
				b := parseBody(body, label)
				b.repairs = append([]string{"the BEGIN line was missing"}, b.repairs...)
				dashRepairs(&b.pemBlock, "END", t, e)
				out = append(out, b.pemBlock)
			}
			pos = e[1]
			continue
		}
		bm := begins[bi]
		label := string(t[bm[4]:bm[5]])
		for ei < len(ends) && ends[ei][0] < bm[1] { // an END sharing the BEGIN line's dashes
			ei++
		}
		var repairs []string
		var b parsedBody
		nextBegin := len(t)
		if bi+1 < len(begins) {
			nextBegin = begins[bi+1][0]
		}
		if ei < len(ends) && ends[ei][0] < nextBegin {
			e := ends[ei]
			b = parseBody(t[bm[1]:e[0]], label)
			if end := string(t[e[4]:e[5]]); end != label {
				repairs = append(repairs, fmt.Sprintf("the END line names %s, not %s", end, label))
			}
			if e[0] > 0 && t[e[0]-1] != '\n' && bm[1] < e[0] {
				b.lostBreaks = true
			}
			dashRepairs(&b.pemBlock, "END", t, e)
			pos = e[1]
		} else {
			b = parseBody(t[bm[1]:nextBegin], label)
			repairs = append(repairs, "the END line was missing")
			pos = nextBegin
		}
		if bm[1] < len(t) && t[bm[1]] != '\n' && t[bm[1]] != '\r' {
			b.lostBreaks = true
		}
		dashRepairs(&b.pemBlock, "BEGIN", t, bm)
		b.repairs = append(b.repairs, repairs...)
		if b.lostBreaks && !b.nLetters {
			if b.spaces {
				b.repairs = append(b.repairs, "its line breaks had been turned into spaces")
			} else {
				b.repairs = append(b.repairs, "its line breaks were lost (it was all on one line)")
			}
		}
		out = append(out, b.pemBlock)
	}
	return out
}

// parsedBody is a block while it is being made out.
type parsedBody struct {
	pemBlock
	lostBreaks bool
	spaces     bool
	nLetters   bool // the line breaks were the letter n, now removed
}

// lettersN undoes "\n" that lost its backslash: a body that is n, a line of 64 (or 70, 76)
// characters, n, another line… ending with n. It returns the body without those letters.
func lettersN(s []byte) ([]byte, bool) {
	if len(s) < 3 || s[0] != 'n' || s[len(s)-1] != 'n' {
		return nil, false
	}
	for _, w := range []int{64, 70, 76} {
		var out []byte
		i, ok := 1, true
		for i < len(s) {
			end := i + w
			if end >= len(s) { // the last line: up to the final n
				out = append(out, s[i:len(s)-1]...)
				break
			}
			if s[end] != 'n' {
				ok = false
				break
			}
			out = append(out, s[i:end]...)
			i = end + 1
		}
		if ok && len(out) > 0 && !bytes.Contains(out[:len(out)-min(len(out), 2)], []byte("=")) {
			return out, true
		}
	}
	return nil, false
}

// dashRepairs notes armour lines without exactly five dashes on each side.
func dashRepairs(b *pemBlock, which string, t []byte, m []int) {
	left, right := m[3]-m[2], m[7]-m[6]
	want := 5
	if bytes.HasPrefix(t[m[4]:], []byte("SSH2 ")) {
		want = 4 // RFC 4716: "---- BEGIN SSH2 PUBLIC KEY ----"
	}
	if left == want && right == want {
		return
	}
	b.repairs = append(b.repairs, fmt.Sprintf("the %s line has %d dashes before %s and %d after, not %d and %d", which, left, which, right, want, want))
}

// b64len counts base64 characters in body.
func b64len(body []byte) int {
	n := 0
	for _, c := range body {
		if isB64(c) {
			n++
		}
	}
	return n
}

func isB64(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '='
}

// parseBody reads the headers and base64 of one block.
func parseBody(body []byte, label string) parsedBody {
	b := parsedBody{pemBlock: pemBlock{label: label}}
	hasNL := bytes.IndexByte(bytes.TrimSpace(body), '\n') >= 0
	var text []byte
	inHeaders, cont := true, false
	for rest := body; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		line = bytes.TrimRight(line, "\r \t")
		if cont { // an RFC 4716 header continued with a trailing backslash
			cont = bytes.HasSuffix(line, []byte(`\`))
			continue
		}
		if inHeaders {
			if k, v, ok := bytes.Cut(line, []byte(":")); ok && !bytes.ContainsAny(k, " \t") || ok && bytes.Contains(line, []byte("Proc-Type:")) {
				if b.headers == nil {
					b.headers = map[string]string{}
				}
				b.headers[string(bytes.TrimSpace(k))] = string(bytes.TrimSpace(v))
				cont = bytes.HasSuffix(line, []byte(`\`))
				continue
			}
			if len(bytes.TrimSpace(line)) > 0 {
				inHeaders = false
			}
		}
		text = append(text, line...)
		text = append(text, '\n')
	}
	// Headers on one line with the body (lost line breaks): recognise encryption anyway.
	if b.headers == nil && bytes.Contains(body, []byte("Proc-Type: 4,ENCRYPTED")) {
		b.headers = map[string]string{"Proc-Type": "4,ENCRYPTED"}
		if _, v, ok := bytes.Cut(body, []byte("DEK-Info:")); ok {
			f := bytes.Fields(v)
			if len(f) > 0 {
				b.headers["DEK-Info"] = string(f[0])
			}
		}
		return b
	}
	clean := make([]byte, 0, len(text))
	url := false
	for i, c := range text {
		switch {
		case c == '\n' || c == '\r' || c == '\t':
		case c == ' ':
			if !hasNL {
				b.spaces = true
			}
		case c == '-' || c == '_':
			url = true
			clean = append(clean, c)
		case isB64(c):
			clean = append(clean, c)
		default:
			if b.bad == "" {
				b.bad = fmt.Sprintf("its base64 holds %s (character %d of the body), which base64 never contains", describeByte(c), i+1)
			}
		}
	}
	if b.bad != "" {
		return b
	}
	if !hasNL {
		if fixed, ok := lettersN(clean); ok {
			clean = fixed
			b.nLetters = true
			b.repairs = append(b.repairs, `its line breaks had become the letter n (each \n lost its backslash, as a shell or YAML may do)`)
		}
	}
	clean = bytes.TrimRight(clean, "=")
	enc := base64.RawStdEncoding
	if url {
		enc = base64.RawURLEncoding
		b.repairs = append(b.repairs, "its base64 used the URL alphabet (- and _) instead of + and /")
	}
	der := make([]byte, enc.DecodedLen(len(clean)))
	n, err := enc.Decode(der, clean)
	if err != nil {
		if len(clean)%4 == 1 {
			b.bad = fmt.Sprintf("its base64 is %d characters long, one more or one fewer than any whole encoding: a character was lost or added", len(clean))
		} else {
			b.bad = "its base64 does not decode (a character was changed, or a line was lost)"
		}
		return b
	}
	b.der = der[:n]
	return b
}

func describeByte(c byte) string {
	if c >= 0x21 && c < 0x7f {
		return fmt.Sprintf("the character %q", c)
	}
	return fmt.Sprintf("the byte 0x%02x", c)
}

// readBlock reads one PEM block into the set.
func (r *reader) readBlock(b pemBlock, at string) {
	name := r.src() + where(at)
	if len(b.repairs) > 0 {
		r.find("key.pem-repaired", SevWarning,
			fmt.Sprintf("%s: the PEM was damaged and has been repaired: %s.", name, strings.Join(b.repairs, "; ")),
			"Rewrite the key cleanly: -----BEGIN "+b.label+"----- on a line of its own, the base64 in lines of 64 characters, then -----END "+b.label+"-----.")
	}
	switch {
	case b.label == "ENCRYPTED PRIVATE KEY":
		r.unreadable(fmt.Sprintf("%s is an encrypted private key (PKCS#8, protected by a passphrase); its public half cannot be read without the passphrase, and jwtlens never asks for one.", name),
			"Extract the public key (openssl asks for the passphrase): openssl pkey -in "+r.fileArg("key.pem")+" -pubout -out public.pem — then give public.pem.")
		return
	case strings.Contains(b.headers["Proc-Type"], "ENCRYPTED"):
		cipher := b.headers["DEK-Info"]
		if c, _, ok := strings.Cut(cipher, ","); ok {
			cipher = c
		}
		if cipher == "" {
			cipher = "unknown cipher"
		}
		r.unreadable(fmt.Sprintf("%s is an encrypted private key (legacy OpenSSL PEM encryption, Proc-Type: 4,ENCRYPTED, %s); its public half cannot be read without the passphrase, and jwtlens never asks for one.", name, safeText(cipher, 40)),
			"Extract the public key (openssl asks for the passphrase): openssl pkey -in "+r.fileArg("key.pem")+" -pubout -out public.pem — then give public.pem.")
		return
	case b.label == "OPENSSH PRIVATE KEY":
		if b.bad != "" {
			r.unreadable(fmt.Sprintf("%s is an OpenSSH private key, but %s.", name, b.bad),
				"Give the public key instead: ssh-keygen -e -m PKCS8 -f key.pub > public.pem")
			return
		}
		r.readOpenSSHPrivate(b.der, at)
		return
	case b.label == "SSH2 PUBLIC KEY":
		if b.bad == "" {
			r.readSSHWire(b.der, "SSH2 public key (RFC 4716)", at)
			return
		}
	case strings.HasPrefix(b.label, "PGP"):
		r.unreadable(fmt.Sprintf("%s is an OpenPGP (GnuPG) key block, not a key format JWS uses.", name),
			"Give the X.509/PEM or JWK form of the signing key; a PGP key cannot verify a JWT.")
		return
	case b.label == "EC PARAMETERS" || b.label == "DH PARAMETERS":
		r.params++ // openssl ecparam writes the curve before the key: nothing to read.
		return
	case b.label == "CERTIFICATE REQUEST" || b.label == "NEW CERTIFICATE REQUEST":
		r.unreadable(fmt.Sprintf("%s is a certificate signing request (CSR), not a certificate or a key.", name),
			"Give the certificate issued for it, or its public key: openssl req -in request.pem -pubkey -noout > public.pem")
		return
	case b.label == "X509 CRL" || b.label == "PKCS7" || b.label == "CMS":
		r.unreadable(fmt.Sprintf("%s is a %s block, which carries no signing key of its own.", name, b.label),
			"For a PKCS#7 bundle of certificates: openssl pkcs7 -print_certs -in bundle.p7b > certs.pem, then give certs.pem.")
		return
	case b.label == "DSA PRIVATE KEY" || b.label == "DSA PUBLIC KEY":
		r.unreadable(fmt.Sprintf("%s is a DSA key; JOSE defines no DSA algorithm, so no JWT can be verified with it.", name),
			"Give the RSA, EC or Ed25519 key that signs the tokens.")
		return
	}
	if b.bad != "" {
		r.unreadable(fmt.Sprintf("%s is a PEM %s block, but %s.", name, b.label, b.bad),
			"Copy the key again from its source, whole; a PEM body holds only A–Z, a–z, 0–9, + and /, with = at the end.")
		return
	}
	der := b.der
	if len(der) == 0 {
		r.unreadable(fmt.Sprintf("%s has -----BEGIN %s----- and -----END lines but no base64 between them.", name, b.label),
			"The key body is missing: copy the whole key, from -----BEGIN to -----END.")
		return
	}
	if b.label == "TRUSTED CERTIFICATE" { // OpenSSL appends trust settings after the certificate
		var raw asn1.RawValue
		if _, err := asn1.Unmarshal(der, &raw); err == nil {
			der = raw.FullBytes
		}
	}
	want := kindForLabel(b.label)
	p := parseDER(der, want)
	if p.err != "" {
		what := ""
		if p.kind != "" && p.kind != want {
			what = " that holds a " + p.kind
		}
		hint := "Give the public key, certificate or private key that signs the tokens."
		if strings.Contains(p.err, "cut short") || strings.Contains(p.err, "damaged") {
			hint = "Copy the key again from its source, whole: from -----BEGIN to -----END, every line."
		}
		r.unreadable(fmt.Sprintf("%s is a PEM %s block%s, but %s.", name, b.label, what, p.err), hint)
		return
	}
	actual := pemLabelFor(p.kind)
	switch {
	case want == "":
		r.find("key.pem-repaired", SevWarning,
			fmt.Sprintf("%s: %q is not a standard PEM label; the block holds a %s and was read as one.", name, b.label, p.kind),
			fmt.Sprintf("Label it -----BEGIN %s----- so that other tools read it too.", actual))
	case want != p.kind:
		r.find("key.pem-repaired", SevWarning,
			fmt.Sprintf("%s: the block is labelled %s but holds a %s, not a %s; it was read as what it holds.", name, b.label, p.kind, want),
			fmt.Sprintf("Change its armour lines to -----BEGIN %s----- and -----END %s-----.", actual, actual))
	}
	r.useParsed(p, "PEM "+actual, at)
}

// plural picks the singular or the plural (with %d for n) form.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}
