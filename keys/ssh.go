package keys

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"math/big"
)

// The SSH formats carry keys in the SSH wire encoding (RFC 4253 §6.6, RFC 5656 §3.1,
// RFC 8709): a string naming the type, then the type's fields.

var sshTypes = []string{"ssh-rsa", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-dss", "sk-", "ssh-ed448"}

// isSSHPublicLine says whether t looks like an authorized_keys / .pub line.
func isSSHPublicLine(t []byte) bool {
	for _, p := range sshTypes {
		if bytes.HasPrefix(t, []byte(p)) {
			return true
		}
	}
	return false
}

// readSSHLine reads "ssh-ed25519 AAAA… comment".
func (r *reader) readSSHLine(t []byte) {
	f := bytes.Fields(t)
	hint := "Convert it to PEM with: ssh-keygen -e -m PKCS8 -f key.pub > public.pem"
	if len(f) < 2 {
		r.unreadable(fmt.Sprintf("%s starts like an OpenSSH public key (%s) but has no base64 key after the type.", r.src(), safeText(string(f[0]), 40)), hint)
		return
	}
	wire, err := base64.StdEncoding.DecodeString(string(f[1]))
	if err != nil {
		wire, err = base64.RawStdEncoding.DecodeString(string(bytes.TrimRight(f[1], "=")))
	}
	if err != nil {
		r.unreadable(fmt.Sprintf("%s is an OpenSSH public key line whose base64 does not decode (a character was changed or the line was cut).", r.src()), hint)
		return
	}
	r.readSSHWire(wire, "OpenSSH public key", "")
}

// sshReader reads the SSH wire encoding.
type sshReader struct {
	b  []byte
	ok bool
}

func (s *sshReader) str() []byte {
	if !s.ok || len(s.b) < 4 {
		s.ok = false
		return nil
	}
	n := binary.BigEndian.Uint32(s.b)
	if uint64(n) > uint64(len(s.b)-4) {
		s.ok = false
		return nil
	}
	v := s.b[4 : 4+n]
	s.b = s.b[4+n:]
	return v
}

func (s *sshReader) u32() uint32 {
	if !s.ok || len(s.b) < 4 {
		s.ok = false
		return 0
	}
	v := binary.BigEndian.Uint32(s.b)
	s.b = s.b[4:]
	return v
}

// readSSHWire reads one public key blob.
func (r *reader) readSSHWire(wire []byte, format, at string) {
	name := r.src() + where(at)
	hint := "Convert it to PEM with: ssh-keygen -e -m PKCS8 -f key.pub > public.pem"
	s := &sshReader{b: wire, ok: true}
	typ := string(s.str())
	var p parsed
	switch typ {
	case "ssh-rsa":
		e, n := s.str(), s.str()
		if !s.ok || len(e) == 0 || len(e) > 4 || len(n) == 0 {
			break
		}
		ev := new(big.Int).SetBytes(e)
		p.pub = &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(ev.Int64())}
	case "ssh-ed25519":
		k := s.str()
		if s.ok && len(k) == ed25519.PublicKeySize {
			p.pub = ed25519.PublicKey(bytes.Clone(k))
		}
	case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521":
		curve := map[string]elliptic.Curve{"nistp256": elliptic.P256(), "nistp384": elliptic.P384(), "nistp521": elliptic.P521()}[string(s.str())]
		q := s.str()
		if s.ok && curve != nil {
			if k, err := ecdsa.ParseUncompressedPublicKey(curve, q); err == nil {
				p.pub = k
			}
		}
	case "ssh-dss":
		r.unreadable(fmt.Sprintf("%s is an SSH DSA key; JOSE defines no DSA algorithm, so no JWT can be verified with it.", name), "Give the RSA, EC or Ed25519 key that signs the tokens.")
		return
	default:
		r.unreadable(fmt.Sprintf("%s is an SSH key of type %s, which no JOSE algorithm uses.", name, safeText(typ, 40)), "Give the RSA, EC or Ed25519 key that signs the tokens.")
		return
	}
	if p.pub == nil {
		r.unreadable(fmt.Sprintf("%s is an %s of type %s whose key fields do not parse (damaged or cut short).", name, format, safeText(typ, 40)), hint)
		return
	}
	p.kind = format
	r.useParsed(p, format, at)
}

// readOpenSSHPrivate reads the public key stored in the clear in an "openssh-key-v1" file
// (PROTOCOL.key in OpenSSH), encrypted or not; the private part is never looked at.
func (r *reader) readOpenSSHPrivate(der []byte, at string) {
	name := r.src() + where(at)
	hint := "jwtlens also reads the .pub file next to it as it is. For other tools: ssh-keygen -e -m PKCS8 -f key.pub > public.pem gives a PEM public key; ssh-keygen -p -m PEM -f " + r.fileArg("key") + " rewrites an RSA or ECDSA private key as PEM (in place; keep a copy)."
	const magic = "openssh-key-v1\x00"
	if !bytes.HasPrefix(der, []byte(magic)) {
		r.unreadable(fmt.Sprintf("%s is labelled OPENSSH PRIVATE KEY but does not start with the openssh-key-v1 magic: it is damaged.", name), hint)
		return
	}
	s := &sshReader{b: der[len(magic):], ok: true}
	cipher := string(s.str())
	s.str() // kdf name
	s.str() // kdf options
	n := s.u32()
	pub := s.str()
	if !s.ok || n < 1 {
		r.unreadable(fmt.Sprintf("%s is an OpenSSH private key that is cut short or damaged (its public key cannot be found in it).", name), hint)
		return
	}
	before := len(r.set.Keys)
	r.readSSHWire(pub, "OpenSSH private key", at)
	if len(r.set.Keys) == before {
		return
	}
	k := &r.set.Keys[len(r.set.Keys)-1]
	k.Private = true
	enc := ""
	if cipher != "none" {
		enc = fmt.Sprintf(", encrypted with %s", safeText(cipher, 30))
	}
	r.find("key.private", SevInfo,
		fmt.Sprintf("%s is an OpenSSH private key (the format ssh-keygen writes%s); its public half, which the format stores in the clear, is used, and the private part is not read.", name, enc),
		hint)
}
