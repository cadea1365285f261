package chooser

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"jwtlens/inspect"
	"jwtlens/keys"
)

func init() { lipgloss.SetColorProfile(termenv.Ascii) }

// fakeKeys stands in for package keys: it records what it was given and returns one RSA
// key, with key.escaped-newlines when the bytes hold a literal backslash-n.
type fakeKeys struct {
	mu    sync.Mutex
	reads []string
}

func (f *fakeKeys) read(data []byte, source string) keys.Set {
	f.mu.Lock()
	f.reads = append(f.reads, source+"|"+string(data))
	f.mu.Unlock()
	set := keys.Set{Source: source, Keys: []keys.Key{{Family: keys.RSA, Bits: 2048, Format: "PEM PUBLIC KEY", Source: source}}}
	if strings.Contains(string(data), `\n`) {
		set.Findings = append(set.Findings, keys.Finding{Code: "key.escaped-newlines", Severity: "warning",
			Message: "the PEM holds literal \\n instead of line breaks; repaired"})
	}
	return set
}

func (f *fakeKeys) secret(data []byte, source string) keys.Set {
	f.mu.Lock()
	f.reads = append(f.reads, "secret:"+source+"|"+string(data))
	f.mu.Unlock()
	return keys.Set{Source: source, Keys: []keys.Key{{Family: keys.HMAC, Bits: len(data) * 8, Secret: data, Source: source, Format: "secret"}}}
}

func (f *fakeKeys) last() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.reads) == 0 {
		return ""
	}
	return f.reads[len(f.reads)-1]
}

// mixedDir makes a folder of key files and other files, made here rather than committed.
func mixedDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"pub.pem":     "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
		"jwks.JSON":   `{"keys":[]}`,
		"server.crt":  "x",
		"id_ed.pub":   "x",
		"notes.txt":   "not a key",
		"README.md":   "not a key",
		".hidden.pem": "x",
		"big.der":     strings.Repeat("x", 2048),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{"certs", ".git"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "certs", "ca.cer"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// drive runs cmd and every command that follows from it, feeding the messages back, and
// returns the messages the chooser emits for the root.
func drive(t *testing.T, m Model, cmd tea.Cmd) (Model, []tea.Msg) {
	t.Helper()
	var out []tea.Msg
	for i := 0; cmd != nil && i < 10; i++ {
		msg := cmd()
		switch msg.(type) {
		case KeyChosenMsg, ClosedMsg:
			out = append(out, msg)
			return m, out
		}
		m, cmd = m.Update(msg)
	}
	return m, out
}

func newChooser(t *testing.T, dir string, fk *fakeKeys) Model {
	t.Helper()
	cfg := Config{Dir: dir}
	if fk != nil {
		cfg.Read, cfg.Secret = fk.read, fk.secret
	}
	m := New(cfg)
	m.SetSize(80, 24)
	m, _ = drive(t, m, m.Init())
	return m
}

func keys1(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// typeText types s a key at a time, then lets the time a person takes pass (the burst
// of keys ends), so an enter after it submits.
func typeText(m Model, s string) Model {
	for _, r := range s {
		m, _ = m.Update(keys1(string(r)))
	}
	return endBurst(m)
}

// endBurst delivers the tick that ends the burst of keys under way.
func endBurst(m Model) Model {
	m, _ = m.Update(burstMsg{id: m.burstSeq})
	return m
}

func names(m Model) []string {
	var out []string
	for _, e := range m.entries {
		n := e.name
		if e.dir {
			n += "/"
		}
		out = append(out, n)
	}
	return out
}

func TestListsKeyFiles(t *testing.T) {
	dir := mixedDir(t)
	m := newChooser(t, dir, nil)
	got := strings.Join(names(m), " ")
	want := "../ certs/ big.der id_ed.pub jwks.JSON pub.pem server.crt"
	if got != want {
		t.Errorf("listed %q, want %q", got, want)
	}
	// Into certs/ and back up.
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyDown})
	var cmd tea.Cmd
	m, cmd = m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	m, _ = drive(t, m, cmd)
	if got := strings.Join(names(m), " "); got != "../ ca.cer" || m.Dir() != filepath.Join(dir, "certs") {
		t.Errorf("in certs: listed %q in %s", got, m.Dir())
	}
	m, cmd = m.Update(tea.KeyMsg{Type: tea.KeyLeft})
	m, _ = drive(t, m, cmd)
	if m.Dir() != dir {
		t.Errorf("after ← the folder is %s, want %s", m.Dir(), dir)
	}
}

func TestChooseFileFromList(t *testing.T) {
	dir := mixedDir(t)
	fk := &fakeKeys{}
	m := newChooser(t, dir, fk)
	for i := 0; i < 5; i++ { // ../ certs/ big.der id_ed.pub jwks.JSON pub.pem
		m, _ = m.Update(tea.KeyMsg{Type: tea.KeyDown})
	}
	m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	m, out := drive(t, m, cmd)
	want := filepath.Join(dir, "pub.pem")
	if len(out) != 1 || out[0].(KeyChosenMsg).Set.Source != want {
		t.Fatalf("emitted %v, want KeyChosenMsg from %s", out, want)
	}
	if !strings.HasPrefix(fk.last(), want+"|-----BEGIN PUBLIC KEY-----") {
		t.Errorf("keys.Read got %q", fk.last())
	}
	if v := m.View(); !strings.Contains(v, "Read pub.pem: RSA 2048 (PEM PUBLIC KEY)") {
		t.Errorf("view does not show the key read:\n%s", v)
	}
}

func TestTypedPath(t *testing.T) {
	dir := mixedDir(t)
	tests := []struct {
		name    string
		typed   string
		source  string // the source of the key chosen; "" for none
		wantDir string
		wantErr string
	}{
		{"relative", "pub.pem", filepath.Join(dir, "pub.pem"), "", ""},
		{"absolute", filepath.Join(dir, "certs", "ca.cer"), filepath.Join(dir, "certs", "ca.cer"), "", ""},
		{"folder", "./certs", "", filepath.Join(dir, "certs"), ""},
		{"missing", "./nope.pem", "", "", "no such file: ./nope.pem"},
		{"typo", "pub.pem.x", "", "", "no such file: pub.pem.x; did you mean pub.pem?"},
		{"typo_no_extension", "pub.pe", "", "", "did you mean pub.pem?"},
		{"typo_of_a_name", "jwks.jsn", "", "", "did you mean jwks.JSON?"},
		{"secret", "hunter2", "typed secret", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fk := &fakeKeys{}
			m := newChooser(t, dir, fk)
			m = typeText(m, tt.typed)
			if !m.IsTyping() {
				t.Fatal("typing a letter in the list did not move the focus to the field")
			}
			m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
			m, out := drive(t, m, cmd)
			if tt.source != "" {
				if len(out) != 1 || out[0].(KeyChosenMsg).Set.Source != tt.source {
					t.Fatalf("emitted %v, want a key from %s", out, tt.source)
				}
			} else if len(out) != 0 {
				t.Fatalf("emitted %v, want nothing", out)
			}
			if tt.wantDir != "" && m.Dir() != tt.wantDir {
				t.Errorf("folder = %s, want %s", m.Dir(), tt.wantDir)
			}
			if tt.wantErr != "" && !strings.Contains(m.View(), tt.wantErr) {
				t.Errorf("view lacks %q:\n%s", tt.wantErr, m.View())
			}
		})
	}
}

func TestPastePEMWithEscapedNewlines(t *testing.T) {
	fk := &fakeKeys{}
	m := newChooser(t, t.TempDir(), fk)
	pasted := `-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----`
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(pasted), Paste: true})
	if !strings.Contains(m.View(), "a PEM block: enter reads it") {
		t.Errorf("the field does not say it holds a PEM:\n%s", m.View())
	}
	if strings.Contains(m.View(), "MFkwEwYH") {
		t.Errorf("pasted material shown unmasked:\n%s", m.View())
	}
	m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	m, out := drive(t, m, cmd)
	if len(out) != 1 {
		t.Fatalf("emitted %v, want one KeyChosenMsg", out)
	}
	if got := fk.last(); got != "pasted PEM|"+pasted {
		t.Errorf("keys.Read got %q, want the paste byte for byte", got)
	}
	if v := m.View(); !strings.Contains(v, "! key.escaped-newlines") {
		t.Errorf("view lacks the key finding:\n%s", v)
	}
}

func TestSecretMaskedAndRevealed(t *testing.T) {
	fk := &fakeKeys{}
	m := newChooser(t, t.TempDir(), fk)
	m = typeText(m, "hunter2 x")
	if v := m.View(); strings.Contains(v, "hunter2") || !strings.Contains(v, "9 characters, hidden") {
		t.Errorf("a typed secret is not masked:\n%s", v)
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlR})
	if v := m.View(); !strings.Contains(v, "> hunter2 x") {
		t.Errorf("ctrl+r does not reveal the field:\n%s", v)
	}
	m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	m, out := drive(t, m, cmd)
	if len(out) != 1 || fk.last() != "secret:typed secret|hunter2 x" {
		t.Fatalf("ctrl+s emitted %v, keys got %q", out, fk.last())
	}
	if v := m.View(); strings.Contains(v, "hunter2") != true { // still revealed: the person asked
		t.Errorf("revealed field hidden again after use:\n%s", v)
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlR})
	if v := m.View(); strings.Contains(v, "hunter2") {
		t.Errorf("secret visible after hiding it again:\n%s", v)
	}
}

func TestWrongFamilyShown(t *testing.T) {
	fk := &fakeKeys{}
	m := newChooser(t, mixedDir(t), fk)
	m = typeText(m, "pub.pem")
	m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	m, _ = drive(t, m, cmd)
	m.SetResult(&inspect.Report{
		Verification: inspect.Verification{Status: inspect.CannotCheck, Detail: "an RSA key cannot check an ES256 token"},
		Findings: []inspect.Finding{
			{Code: "claims.expired", Severity: inspect.Error, Part: inspect.PartClaims, Message: "not about the key"},
			{Code: "key.type-mismatch", Severity: inspect.Error, Part: inspect.PartKey, Message: "ES256 needs an EC P-256 key; this is RSA"},
		},
	})
	v := m.View()
	for _, want := range []string{"✗ key.type-mismatch ES256 needs an EC P-256 key", "✗ cannot check: an RSA key cannot check an ES256 token"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "not about the key") {
		t.Errorf("view shows a finding that is not about the key:\n%s", v)
	}
}

func TestStaleLoadDropped(t *testing.T) {
	fk := &fakeKeys{}
	m := newChooser(t, mixedDir(t), fk)
	m = typeText(m, "pub.pem")
	m, first := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
	m = typeText(m, "server.crt")
	m, second := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	slow := first() // the first load finishes last
	m, cmd := m.Update(second())
	m, _ = m.Update(slow)
	if cmd == nil {
		t.Fatal("the current load emitted nothing")
	}
	if got := cmd().(KeyChosenMsg).Set.Source; !strings.HasSuffix(got, "server.crt") {
		t.Errorf("chose %s, want server.crt", got)
	}
	if len(m.Used()) != 1 || !strings.Contains(m.View(), "Read server.crt") {
		t.Errorf("a stale load changed the chooser: used %d\n%s", len(m.Used()), m.View())
	}
}

func TestSwitchBetweenUsedKeys(t *testing.T) {
	fk := &fakeKeys{}
	m := newChooser(t, mixedDir(t), fk)
	for _, name := range []string{"pub.pem", "server.crt"} {
		m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
		m = typeText(m, name)
		var cmd tea.Cmd
		m, cmd = m.Update(tea.KeyMsg{Type: tea.KeyEnter})
		m, _ = drive(t, m, cmd)
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyTab}) // field → keys used
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyUp})
	m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	_, out := drive(t, m, cmd)
	if len(out) != 1 || !strings.HasSuffix(out[0].(KeyChosenMsg).Set.Source, "pub.pem") {
		t.Fatalf("switching emitted %v, want pub.pem again", out)
	}
}

func TestEscKeepsState(t *testing.T) {
	m := newChooser(t, mixedDir(t), &fakeKeys{})
	m = typeText(m, "pub")
	m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if _, ok := cmd().(ClosedMsg); !ok {
		t.Fatal("esc did not close")
	}
	m = typeText(m, ".pem")
	if string(m.field) != "pub.pem" {
		t.Errorf("field after esc and more typing = %q, want pub.pem", string(m.field))
	}
}

func TestOversizedFile(t *testing.T) {
	dir := mixedDir(t)
	fk := &fakeKeys{}
	m := New(Config{Dir: dir, MaxFile: 1024, Read: fk.read, Secret: fk.secret})
	m.SetSize(80, 24)
	m = typeText(m, "big.der")
	m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	m, out := drive(t, m, cmd)
	if len(out) != 0 || !strings.Contains(m.View(), "is over 1024 bytes") || fk.last() != "" {
		t.Errorf("oversized file: emitted %v, read %q\n%s", out, fk.last(), m.View())
	}
}

func TestRealKeysRead(t *testing.T) {
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(&priv.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "ec.pem")
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	m := newChooser(t, dir, nil)
	m = typeText(m, "ec.pem")
	m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	m, out := drive(t, m, cmd)
	if m.loaded == nil || m.loaded.Source != path {
		t.Fatalf("keys.Read was not given the file: %+v", m.loaded)
	}
	if len(m.loaded.Keys) > 0 && (len(out) != 1 || m.loaded.Keys[0].Family != keys.EC) {
		t.Errorf("read %+v, emitted %v; want an EC key chosen", m.loaded.Keys, out)
	}
}

func TestViewFitsAndSanitizes(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "evil\x1b[2J.pem"), []byte("x"), 0o600); err != nil {
		t.Skip("file system refuses the name")
	}
	for i := 0; i < 40; i++ {
		os.WriteFile(filepath.Join(dir, "k"+strings.Repeat("x", i)+".pem"), []byte("x"), 0o600)
	}
	m := newChooser(t, dir, &fakeKeys{})
	for _, size := range [][2]int{{80, 24}, {40, 12}, {140, 40}} {
		m.SetSize(size[0], size[1])
		v := m.View()
		if n := strings.Count(v, "\n") + 1; n > size[1] {
			t.Errorf("%dx%d: view is %d lines", size[0], size[1], n)
		}
		if inspect.Sanitize("\x1b") != "\x1b" && strings.Contains(v, "\x1b[2J") {
			t.Errorf("a file name's escape sequence reached the view")
		}
	}
}

func TestKeySetShowsKidsAndMatch(t *testing.T) {
	set := keys.Set{Source: "jwks.json", Keys: []keys.Key{
		{Family: keys.RSA, Bits: 2048, KID: "old"}, {Family: keys.RSA, Bits: 2048, KID: "current"},
	}}
	read := func([]byte, string) keys.Set { return set }
	m := New(Config{Dir: mixedDir(t), Read: read})
	m.SetSize(80, 24)
	m = typeText(m, "jwks.JSON")
	m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	m, _ = drive(t, m, cmd)
	m.SetResult(&inspect.Report{Verification: inspect.Verification{Status: inspect.Verified, Key: &set.Keys[1], Detail: "verified with kid current"}})
	if v := m.View(); !strings.Contains(v, "key ids: old, ✓ current") || !strings.Contains(v, "Read jwks.JSON: 2 keys") {
		t.Errorf("a key set does not show its kids and the one that matched:\n%s", v)
	}
}

// entryLines counts the lines of v that show an entry of the list.
func entryLines(m Model, v string) int {
	n := 0
	for _, l := range strings.Split(v, "\n") {
		t := strings.TrimLeft(l, " ▸·")
		for _, e := range m.entries {
			if name := e.name; t == name+"/" || strings.HasPrefix(t, name+" ") {
				n++
				break
			}
		}
	}
	return n
}

func TestListGetsTheRoom(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "keys"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		w, h, want int
	}{
		{76, 12, 8}, // what the root gives the chooser at 80x24
		{76, 8, 4},  // the least it gives it there
		{56, 10, 6}, // 60x20
		{196, 40, 20},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%dx%d", tt.w, tt.h), func(t *testing.T) {
			m := New(Config{Dir: dir, Read: (&fakeKeys{}).read})
			m.AddUsed(keys.Set{Source: "a.pem", Keys: []keys.Key{{Family: keys.RSA, Bits: 2048}}})
			m.AddUsed(keys.Set{Source: "b.pem", Keys: []keys.Key{{Family: keys.EC, Curve: "P-256"}}})
			m.SetSize(tt.w, tt.h)
			m, _ = drive(t, m, m.Init())
			v := m.View()
			if got := entryLines(m, v); got < tt.want {
				t.Errorf("%d entries shown, want at least %d:\n%s", got, tt.want, v)
			}
			if n := strings.Count(v, "\n") + 1; n > tt.h {
				t.Errorf("view is %d lines, want at most %d:\n%s", n, tt.h, v)
			}
			for i := 0; i < 30; i++ {
				m, _ = m.Update(tea.KeyMsg{Type: tea.KeyDown})
			}
			cur := m.entries[m.cursor].name
			if v := m.View(); !strings.Contains(v, "▸ "+cur) {
				t.Errorf("the selection %s scrolled out of view:\n%s", cur, v)
			}
		})
	}
}

func TestMistypedPathIsNotASecret(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "keys"))
	if err != nil {
		t.Fatal(err)
	}
	for _, typed := range []string{"ec256.pub.p", "ec256.pub.pm", "./ec256.pub.pem.bak", "~/nope/key"} {
		t.Run(typed, func(t *testing.T) {
			fk := &fakeKeys{}
			m := newChooser(t, dir, fk)
			m = typeText(m, typed)
			if v := m.View(); !strings.Contains(v, "> "+typed) {
				t.Errorf("path-like text %q is masked:\n%s", typed, v)
			}
			m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
			m, out := drive(t, m, cmd)
			if len(out) != 0 || fk.last() != "" {
				t.Fatalf("a mistyped path was used: emitted %v, keys got %q", out, fk.last())
			}
			v := m.View()
			if !strings.Contains(v, "no such file: "+typed) {
				t.Errorf("view does not say the file does not exist:\n%s", v)
			}
			if strings.HasPrefix(typed, "ec256") && !strings.Contains(v, "did you mean ec256.pub.pem") {
				t.Errorf("view does not suggest the name meant:\n%s", v)
			}
		})
	}
	// Typing a name of the folder is shown as typed, before it names a whole file.
	m := newChooser(t, dir, &fakeKeys{})
	if m = typeText(m, "ec25"); !strings.Contains(m.View(), "> ec25") {
		t.Errorf("the start of a listed name is masked:\n%s", m.View())
	}
}

// lines sends text as a terminal without bracketed paste does: the runes of each line,
// then an enter.
func unbracketed(m Model, text string) (Model, []tea.Cmd) {
	var cmds []tea.Cmd
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			var cmd tea.Cmd
			m, cmd = m.Update(tea.KeyMsg{Type: tea.KeyEnter})
			cmds = append(cmds, cmd)
		}
		if line != "" {
			m, _ = m.Update(keys1(line))
		}
	}
	return m, cmds
}

func TestUnbracketedPasteKeepsLineBreaks(t *testing.T) {
	pem := "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\nAAAA\n-----END PUBLIC KEY-----"
	tests := []struct {
		name, text string
		ended      bool // the burst ends before the enters (typed slowly)
		want       string
	}{
		{"pem_in_a_burst", pem + "\n", false, pem + "\n"},
		{"pem_typed_slowly", pem, true, pem},
		{"jwk_typed_slowly", "{\"kty\":\"oct\",\n\"k\":\"c2VjcmV0\"}", true, "{\"kty\":\"oct\",\n\"k\":\"c2VjcmV0\"}"},
		{"secret_in_a_burst", "line one\nline two", false, "line one\nline two"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fk := &fakeKeys{}
			m := newChooser(t, t.TempDir(), fk)
			var cmds []tea.Cmd
			if tt.ended {
				for i, line := range strings.Split(tt.text, "\n") {
					if i > 0 {
						m = endBurst(m)
						var cmd tea.Cmd
						m, cmd = m.Update(tea.KeyMsg{Type: tea.KeyEnter})
						cmds = append(cmds, cmd)
					}
					m, _ = m.Update(keys1(line))
				}
			} else {
				m, cmds = unbracketed(m, tt.text)
			}
			if m.loadID != 0 || string(m.field) != tt.want {
				t.Fatalf("field = %q (loads started: %d), want %q and no load", string(m.field), m.loadID, tt.want)
			}
			for _, c := range cmds {
				if c != nil {
					if _, ok := c().(burstMsg); !ok {
						t.Fatalf("an enter inside the paste gave a command other than the burst's tick")
					}
					break
				}
			}
			m = endBurst(m)
			m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
			if _, out := drive(t, m, cmd); len(out) != 1 {
				t.Fatalf("enter after the paste emitted %v, want the key", out)
			}
			if got := fk.last(); !strings.HasSuffix(got, "|"+tt.want) {
				t.Errorf("keys got %q, want the text with its line breaks %q", got, tt.want)
			}
		})
	}
}

func TestEscapesDrawnApart(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "evil\u202e.pem"), []byte("x"), 0o600); err != nil {
		t.Skip("file system refuses the name")
	}
	set := keys.Set{Source: "jwks.json", Keys: []keys.Key{{Family: keys.RSA, Bits: 2048, KID: "a\u200bb"}, {Family: keys.RSA, Bits: 2048, KID: "c"}}}
	m := New(Config{Dir: dir, Read: func([]byte, string) keys.Set { return set }})
	m.Styles.Escape = lipgloss.NewStyle().Transform(func(s string) string { return "«" + s + "»" })
	m.SetSize(80, 24)
	m, _ = drive(t, m, m.Init())
	m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyDown})
	m, cmd = m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	m, _ = drive(t, m, cmd)
	v := m.View()
	for _, want := range []string{"evil«" + inspect.Sanitize("\u202e") + "».pem", "a«" + inspect.Sanitize("\u200b") + "»b"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q (the escape in its own style):\n%s", want, v)
		}
	}
}

func TestEscapesUnderlinedWithoutColour(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "evil\u202e.pem"), []byte("x"), 0o600); err != nil {
		t.Skip("file system refuses the name")
	}
	m := newChooser(t, dir, &fakeKeys{}) // the Ascii profile, as NO_COLOR gives
	if want := "evil\x1b[4m" + inspect.Sanitize("\u202e") + "\x1b[24m.pem"; !strings.Contains(m.View(), want) {
		t.Errorf("view lacks the escape underlined %q:\n%q", want, m.View())
	}
}

func TestVerdictKeptOnASmallScreen(t *testing.T) {
	fk := &fakeKeys{}
	m := newChooser(t, mixedDir(t), fk)
	m.AddUsed(keys.Set{Source: "a.pem", Keys: []keys.Key{{Family: keys.RSA, Bits: 2048}}})
	m.SetSize(56, 6) // what the root gives the chooser at 60x20
	m = typeText(m, "pub.pem")
	m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	m, _ = drive(t, m, cmd)
	m.SetResult(&inspect.Report{Verification: inspect.Verification{Status: inspect.CannotCheck, Detail: "an RSA key cannot check an ES256 token"}})
	v := m.View()
	if !strings.Contains(v, "✗ cannot check") {
		t.Errorf("the verdict is not on a small screen:\n%s", v)
	}
	if n := strings.Count(v, "\n") + 1; n > 6 {
		t.Errorf("view is %d lines, over 6:\n%s", n, v)
	}
}

func TestSameKeyListedOnce(t *testing.T) {
	fk := &fakeKeys{}
	m := newChooser(t, mixedDir(t), fk)
	for _, name := range []string{"pub.pem", "server.crt", "pub.pem"} {
		m = typeText(m, name)
		var cmd tea.Cmd
		m, cmd = m.Update(tea.KeyMsg{Type: tea.KeyEnter})
		m, _ = drive(t, m, cmd)
		m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
	}
	var got []string
	for _, s := range m.Used() {
		got = append(got, filepath.Base(s.Source))
	}
	if strings.Join(got, ",") != "server.crt,pub.pem" {
		t.Errorf("keys used = %v, want server.crt then pub.pem, each once", got)
	}
}
