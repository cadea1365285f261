package keys

import "testing"

func TestFileArg(t *testing.T) {
	for src, want := range map[string]string{
		"key.pem":            "key.pem",
		"/etc/keys/k.pem":    "/etc/keys/k.pem",
		"my key.pem":         "'my key.pem'",
		"it's.pem":           `'it'\''s.pem'`,
		"":                   "key.pem",
		"pasted":             "key.pem",
		"--secret":           "key.pem",
		"a\nb":               "key.pem",
		"C:dir,x=1@host+y_z": "C:dir,x=1@host+y_z",
	} {
		r := &reader{set: Set{Source: src}}
		if got := r.fileArg("key.pem"); got != want {
			t.Errorf("fileArg(%q) = %s, want %s", src, got, want)
		}
	}
	s := Read(readFixture(t, "rsa2048.encrypted-legacy.pem"), "/srv/keys/signing key.pem")
	if !said(s, "openssl pkey -in '/srv/keys/signing key.pem' -pubout -out public.pem") {
		t.Errorf("encrypted key hint does not name the file: %v", s.Findings)
	}
}
