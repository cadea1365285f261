package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The end-to-end test of the interactive inspector: it builds the binary, drives it in a
// real terminal (tmux, on a private server socket), pastes tokens the two ways terminals
// deliver them and reads the screen back. It skips when tmux is missing, except in CI
// (CI=true), where it must run.

const e2eNow = "2026-12-03T14:00:00Z" // the clock of the ui fixtures

// tmuxSession is one tmux session on a private socket, killed at the end of the test.
type tmuxSession struct {
	t            *testing.T
	socket, name string
}

func tmuxOrSkip(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("tmux")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is needed for the terminal end-to-end test and CI=true: install tmux")
		}
		t.Skip("tmux not installed; the terminal end-to-end test needs it")
	}
	return p
}

func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "jwtlens")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func startTmux(t *testing.T, w, h int, env []string, args ...string) *tmuxSession {
	t.Helper()
	s := &tmuxSession{t: t,
		socket: fmt.Sprintf("jwtlens-e2e-%d-%d", os.Getpid(), time.Now().UnixNano()),
		name:   fmt.Sprintf("jwtlens-e2e-%d", time.Now().UnixNano())}
	cmd := append([]string{"env"}, env...)
	for _, a := range args {
		cmd = append(cmd, shellQuote(a))
	}
	s.run("new-session", "-d", "-s", s.name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), strings.Join(cmd, " "))
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-session", "-t", s.name).Run() })
	time.Sleep(500 * time.Millisecond)
	if exec.Command("tmux", "-L", s.socket, "has-session", "-t", s.name).Run() != nil {
		// the program ended at once: the interactive inspector is not what it runs
		if os.Getenv("CI") == "true" {
			t.Fatal("jwtlens exited at once instead of running the interactive inspector (is ui.Run wired into cmd/jwtlens?)")
		}
		t.Skip("jwtlens exited at once instead of running the interactive inspector: cmd/jwtlens does not call ui.Run yet")
	}
	return s
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func (s *tmuxSession) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (s *tmuxSession) capture() string { return s.run("capture-pane", "-p", "-t", s.name) }

// waitFor polls the screen until ok holds, and fails with the last screen after 10 s.
func (s *tmuxSession) waitFor(what string, ok func(screen string) bool) string {
	s.t.Helper()
	var screen string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		screen = s.capture()
		if ok(screen) {
			return screen
		}
	}
	s.t.Fatalf("waiting for %s; the screen is:\n%s", what, screen)
	return ""
}

// paste loads file into a tmux buffer and pastes it, bracketed or not.
func (s *tmuxSession) paste(file string, bracketed bool) {
	s.t.Helper()
	s.run("load-buffer", "-b", s.name, file)
	args := []string{"paste-buffer", "-b", s.name, "-t", s.name}
	if bracketed {
		args = append(args, "-p")
	}
	s.run(args...)
}

func uiFixture(name string) string {
	return filepath.Join("..", "..", "ui", "testdata", "tokens", name)
}

// markedEnd reports whether the screen has the truncated token's last row followed by a
// marker line with a caret just past its end (the byte the token was cut at).
func markedEnd(screen, token string) bool {
	lines := strings.Split(screen, "\n")
	tail := token[len(token)-20:]
	for i, l := range lines {
		row := strings.TrimRight(l, " ")
		if strings.HasSuffix(row, tail) && i+1 < len(lines) {
			m := strings.TrimRight(lines[i+1], " ")
			return strings.HasSuffix(m, "^") && len(m) >= len(row) && strings.Trim(m, " ^") == ""
		}
	}
	return false
}

func TestTUIEndToEnd(t *testing.T) {
	tmuxOrSkip(t)
	bin := buildBinary(t)
	truncFile := uiFixture("kamailio-truncated.txt")
	trunc, err := os.ReadFile(truncFile)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("paste", func(t *testing.T) {
		s := startTmux(t, 120, 40, nil, bin, "--now", e2eNow)
		s.waitFor("the empty inspector", func(sc string) bool { return strings.Contains(sc, "EMPTY") })
		for _, bracketed := range []bool{true, false} {
			s.paste(truncFile, bracketed)
			sc := s.waitFor(fmt.Sprintf("the truncation verdict (bracketed %v)", bracketed), func(sc string) bool {
				return strings.Contains(sc, "[✗ TRUNCATED]") && strings.Contains(sc, fmt.Sprintf("Token %d chars", len(trunc)))
			})
			if !markedEnd(sc, string(trunc)) {
				t.Fatalf("bracketed %v: no caret marks where the token was cut:\n%s", bracketed, sc)
			}
			s.run("send-keys", "-t", s.name, "C-u")
			s.waitFor("the input cleared", func(sc string) bool { return strings.Contains(sc, "EMPTY") })
		}
	})

	t.Run("paste-away-from-the-strip", func(t *testing.T) {
		// a paste after esc used to be dropped; tmux sends the paste's line breaks as CR,
		// which must read as line breaks (an HTTP request, not a log line)
		good, err := os.ReadFile(uiFixture("valid-rs256.jwt"))
		if err != nil {
			t.Fatal(err)
		}
		req := filepath.Join(t.TempDir(), "request.txt")
		body := "GET /api HTTP/1.1\nHost: api.example\nAuthorization: Bearer " + strings.TrimSpace(string(good)) + "\n\n"
		if err := os.WriteFile(req, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, bracketed := range []bool{true, false} {
			s := startTmux(t, 120, 40, nil, bin, "--now", e2eNow)
			s.waitFor("the empty inspector", func(sc string) bool { return strings.Contains(sc, "EMPTY") })
			s.run("send-keys", "-t", s.name, "Escape", "Tab")
			s.paste(req, bracketed)
			sc := s.waitFor(fmt.Sprintf("the pasted request (bracketed %v)", bracketed), func(sc string) bool {
				return strings.Contains(sc, "NOT VERIFIED") && strings.Contains(sc, "HTTP request")
			})
			if strings.Contains(sc, `\r`) || strings.Contains(sc, "log field") {
				t.Fatalf("bracketed %v: the CRs of the paste were not taken as line breaks:\n%s", bracketed, sc)
			}
			s.run("send-keys", "-t", s.name, "C-c")
		}
	})

	t.Run("verified-and-resize", func(t *testing.T) {
		good, err := os.ReadFile(uiFixture("valid-rs256.jwt"))
		if err != nil {
			t.Fatal(err)
		}
		s := startTmux(t, 120, 40, nil, bin, "--now", e2eNow, "--key", uiFixture("rsa-pub.pem"), string(good))
		s.waitFor("VERIFIED", func(sc string) bool {
			return strings.Contains(sc, "[✓ VERIFIED]") && strings.Contains(sc, "expires in 42m")
		})

		s.run("resize-window", "-t", s.name, "-x", "200", "-y", "50")
		s.waitFor("three panes side by side at 200×50", func(sc string) bool {
			for _, l := range strings.Split(sc, "\n") {
				if strings.Contains(l, "Header") && strings.Contains(l, "Payload") && strings.Contains(l, "Signature") && strings.Count(l, "╭") == 3 {
					return true
				}
			}
			return false
		})

		s.run("resize-window", "-t", s.name, "-x", "60", "-y", "20")
		sc := s.waitFor("tabs at 60×20", func(sc string) bool {
			return strings.Contains(sc, "[Header") || strings.Contains(sc, "[Payload") || strings.Contains(sc, "[Signature")
		})
		lines := strings.Split(strings.TrimRight(sc, "\n"), "\n")
		if len(lines) > 20 {
			t.Fatalf("60×20: %d lines on the screen", len(lines))
		}
		if !strings.Contains(sc, "[✓ VERIFIED]") || !strings.Contains(sc, "ctrl+c quit") {
			t.Fatalf("60×20: the verdict or the quit key is gone:\n%s", sc)
		}
		s.run("send-keys", "-t", s.name, "C-c")
	})
}
