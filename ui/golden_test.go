package ui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"jwtlens/keys"
)

// goldenCase is one screen: a token (a fixture name, or "" for the empty screen), the key
// material, and the keys pressed before the screen is taken.
type goldenCase struct {
	name   string
	token  string
	key    string // fixture holding a PEM public key, or ""
	secret string // fixture holding an HMAC secret, or ""
	sizes  [][2]int
	keys   []tea.KeyMsg
}

var both = [][2]int{{80, 24}, {140, 40}}

var goldenCases = []goldenCase{
	{name: "empty", sizes: both},
	{name: "verified", token: "valid-rs256.jwt", key: "rsa-pub.pem", sizes: both},
	{name: "verified-hs256", token: "valid-hs256.jwt", secret: "hs-secret.txt", sizes: [][2]int{{80, 24}}},
	{name: "kamailio-truncated", token: "kamailio-truncated.txt", sizes: both},
	{name: "cut2-with-key", token: "cut2.jwt", key: "rsa-pub.pem", sizes: both},
	{name: "jwe", token: "jwe.jwt", sizes: both},
	{name: "hostile", token: "hostile.jwt", sizes: both},
	{name: "narrow", token: "kamailio-truncated.txt", sizes: [][2]int{{60, 20}}},
	{name: "narrow-findings", token: "cut2.jwt", key: "rsa-pub.pem", sizes: [][2]int{{60, 20}},
		keys: []tea.KeyMsg{{Type: tea.KeyEsc}, {Type: tea.KeyDown}}},
}

// TestGolden draws each screen through a real bubbletea program (teatest) in the Ascii
// profile at fixed sizes and compares it with testdata/TestGolden/<case>/<size>.golden.
// Regenerate with: go test ./ui/... -run TestGolden -update
func TestGolden(t *testing.T) {
	if !realInspect() {
		t.Skip("the goldens need the real diagnosis (package inspect is still a stub)")
	}
	defer lipgloss.SetColorProfile(lipgloss.ColorProfile())
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, gc := range goldenCases {
		for _, sz := range gc.sizes {
			t.Run(gc.name+"/"+sizeName(sz), func(t *testing.T) {
				cfg := Config{Now: func() time.Time { return goldenNow }}
				if gc.token != "" {
					cfg.Token = fixture(t, gc.token)
				}
				if gc.key != "" {
					cfg.Keys = append(cfg.Keys, keys.Read(readFixture(t, gc.key), gc.key))
				}
				if gc.secret != "" {
					cfg.Keys = append(cfg.Keys, keys.Secret(readFixture(t, gc.secret), gc.secret))
				}
				tm := teatest.NewTestModel(t, New(cfg), teatest.WithInitialTermSize(sz[0], sz[1]))
				for _, k := range gc.keys {
					tm.Send(k)
				}
				tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
				final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
				golden.RequireEqual(t, []byte(final.View()))
			})
		}
	}
}

func sizeName(sz [2]int) string {
	return itoa(sz[0]) + "x" + itoa(sz[1])
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "tokens", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
