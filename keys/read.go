package keys

import (
	"bytes"
	"fmt"
	"strconv"
)

// Severities of a Finding, spelt as the inspect catalogue spells them.
const (
	SevError   = "error"
	SevWarning = "warning"
	SevInfo    = "info"
)

// MaxInput is the largest key material Read looks at; key files and JWK sets are far
// smaller, so anything bigger is the wrong file.
const MaxInput = 1 << 20

// reader collects what one call to Read finds.
type reader struct {
	set    Set
	certs  int      // certificates seen so far; only the first one's key is used
	chain  []string // names of the certificates after the first
	params int      // PEM blocks of parameters only (EC PARAMETERS)
}

func (r *reader) find(code, sev, msg, hint string) {
	r.set.Findings = append(r.set.Findings, Finding{Code: code, Severity: sev, Message: msg, Hint: hint})
}

func (r *reader) unreadable(msg, hint string) {
	r.find("key.unreadable", SevError, msg, hint)
}

// src names the source in messages.
func (r *reader) src() string {
	if r.set.Source == "" {
		return "the key material"
	}
	return strconv.Quote(r.set.Source)
}

// Read reads any key material: PEM (one or several blocks, damaged or not), DER, X.509
// certificates and chains, JWK and JWK sets, OpenSSH public keys and OpenSSH private keys
// (whose public half is stored in the clear). Bytes that hold no key give a Set with no keys
// and a key.unreadable finding saying what they looked like. Read never keeps private key
// material: only the public half of a private key is returned.
func Read(data []byte, source string) Set {
	r := &reader{set: Set{Source: source}}
	r.read(data)
	if len(r.set.Keys) == 0 && !r.set.HasError() {
		r.unreadable(fmt.Sprintf("%s holds no key that can verify a signature.", r.src()),
			"Give a public key, certificate, private key or JWK (set) that signs tokens.")
	}
	return r.set
}

func (r *reader) read(data []byte) {
	if len(data) > MaxInput {
		r.unreadable(fmt.Sprintf("%s is %d bytes, far more than any key file (the limit is %d): it is not key material.", r.src(), len(data), MaxInput),
			"Check the path: give the key file itself.")
		return
	}
	t := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	t = bytes.TrimSpace(t)
	if len(t) == 0 {
		r.unreadable(fmt.Sprintf("%s is empty.", r.src()), "Give a file that holds the key (PEM, DER, JWK or JWKS).")
		return
	}
	// A PEM written into JSON or an environment variable as one quoted string.
	if len(t) >= 2 && t[0] == '"' && t[len(t)-1] == '"' && bytes.Contains(t, []byte("BEGIN")) {
		if u, err := strconv.Unquote(string(t)); err == nil {
			t = bytes.TrimSpace([]byte(u))
			if bytes.Contains(t, []byte("\n")) {
				r.find("key.escaped-newlines", SevWarning,
					fmt.Sprintf("%s is a quoted string whose line breaks were written as \\n escapes (as in JSON or an environment variable); it was unquoted and the escapes turned into line breaks.", r.src()),
					"Store the key with real line breaks, e.g. printf '%b' \"$KEY\" > key.pem.")
			}
		}
	}
	switch {
	case isPEMish(t):
		r.readPEM(t)
	case t[0] == '{' || t[0] == '[':
		r.readJSON(t)
	case isSSHPublicLine(t):
		r.readSSHLine(t)
	case t[0] == 0x30 && !isText(t):
		r.readRawDER(data, t)
	default:
		if der, ok := bareBase64(t); ok && len(der) > 0 && der[0] == 0x30 {
			if r.readBareBase64(der) {
				return
			}
		}
		r.unreadable(describeUnreadable(t, r.src()), hintUnreadable(t))
	}
}

// readRawDER reads binary DER: data as given (its last bytes may look like white space), or
// trimmed when a tool added a line break after it.
func (r *reader) readRawDER(data, trimmed []byte) {
	p := parseDER(data, "")
	if p.err != "" && len(trimmed) != len(data) {
		if q := parseDER(trimmed, ""); q.err == "" {
			p = q
		}
	}
	if p.err != "" {
		r.unreadable(fmt.Sprintf("%s is binary DER (ASN.1) data but %s.", r.src(), p.err),
			"Give a PEM or DER public key, private key or certificate.")
		return
	}
	r.useParsed(p, "DER "+p.kind, "")
}

// readBareBase64 reads base64 text with no armour lines around it; it reports whether a key
// was found.
func (r *reader) readBareBase64(der []byte) bool {
	p := parseDER(der, "")
	if p.err != "" {
		return false
	}
	label := pemLabelFor(p.kind)
	r.find("key.pem-repaired", SevWarning,
		fmt.Sprintf("%s is base64 with no -----BEGIN/-----END armour lines (missing armour); it was read as a PEM %s.", r.src(), label),
		fmt.Sprintf("Put the base64 between -----BEGIN %s----- and -----END %s----- lines.", label, label))
	r.useParsed(p, "PEM "+label+" (no armour)", "")
	return true
}
