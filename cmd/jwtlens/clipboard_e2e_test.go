package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"jwtlens/ui/clip/xvfbtest"
)

// runWithEnv runs the binary with extra environment, stdout and stderr not terminals.
func runWithEnv(t *testing.T, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(append(os.Environ(), "NO_COLOR=", "COLUMNS=80"), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	res := result{stdout: out.String(), stderr: errb.String()}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		res.code = ee.ExitCode()
	case err != nil:
		t.Fatalf("running jwtlens: %v", err)
	}
	return res
}

// TestPasteFlagClipboard places a token on a real X clipboard (Xvfb and xclip) and
// inspects it with --paste; then a passphrase, which --paste must describe without
// repeating; then no display over SSH, where it must point at the terminal's paste.
func TestPasteFlagClipboard(t *testing.T) {
	display := xvfbtest.Start(t)
	desktop := []string{"DISPLAY=" + display, "WAYLAND_DISPLAY=", "SSH_CONNECTION=", "SSH_TTY="}

	xvfbtest.SetClipboard(t, display, fixture(t, "valid.jwt"))
	res := runWithEnv(t, desktop, "--paste", "--now", fixtureNow)
	if res.code == exitMisuse && strings.Contains(res.stderr, "paste") && !strings.Contains(res.stderr, "clipboard") {
		if os.Getenv("CI") != "true" {
			t.Skipf("--paste is not wired into cmd/jwtlens yet: %s", res.stderr)
		}
		t.Fatalf("--paste is not wired into cmd/jwtlens: %s", res.stderr)
	}
	if res.code != exitOK || !strings.Contains(res.stdout, "alice") {
		t.Fatalf("jwtlens --paste = exit %d\nstdout:\n%s\nstderr:\n%s\nwant exit 0 and the token's claims", res.code, res.stdout, res.stderr)
	}

	xvfbtest.SetClipboard(t, display, "correct horse battery staple")
	res = runWithEnv(t, desktop, "--paste")
	if res.code == exitOK || !strings.Contains(res.stderr, "28 characters of text that is not a JWT") ||
		strings.Contains(res.stdout+res.stderr, "horse") {
		t.Errorf("--paste of a passphrase = exit %d, stderr %q; want a failure naming its kind and length only", res.code, res.stderr)
	}

	res = runWithEnv(t, []string{"DISPLAY=", "WAYLAND_DISPLAY=", "SSH_CONNECTION=10.0.0.1 50000 10.0.0.2 22"}, "--paste")
	if res.code != exitMisuse || !strings.Contains(res.stderr, "terminal's own paste") {
		t.Errorf("--paste over SSH = exit %d, stderr %q; want exit %d and the advice to use the terminal's paste", res.code, res.stderr, exitMisuse)
	}
}

// TestCopyThroughTmux runs the inspector in a private tmux server with set-clipboard on,
// presses ctrl+y, and expects the token in tmux's paste buffer: the OSC 52 sequence made
// it through the program's output and tmux, and the screen still draws.
func TestCopyThroughTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is not installed; .ci/run installs it")
		}
		t.Skip("tmux is not installed")
	}
	token := strings.TrimSpace(fixture(t, "valid.jwt"))
	sock := "jwtlens-clip-" + strconv.Itoa(os.Getpid())
	tm := func(args ...string) string {
		out, err := exec.Command("tmux", append([]string{"-L", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v %s", args, err, out)
		}
		return string(out)
	}
	// The shell waits after the inspector ends so a failure stays on the screen to see.
	tm("-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30",
		"env DISPLAY= WAYLAND_DISPLAY= SSH_CONNECTION=x "+bin+" --now "+fixtureNow+" "+token+"; sleep 60")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", sock, "kill-server").Run() })
	tm("set-option", "-g", "set-clipboard", "on")
	waitScreen(t, tm, "Findings")
	tm("send-keys", "C-y")
	deadline := time.Now().Add(5 * time.Second)
	for {
		out, err := exec.Command("tmux", "-L", sock, "show-buffer").Output()
		if err == nil && string(out) == token {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("tmux's buffer holds %q after ctrl+y, want the token\nscreen:\n%s", out, tm("capture-pane", "-p"))
		}
		time.Sleep(50 * time.Millisecond)
	}
	screen := waitScreen(t, tm, "OSC 52")
	if !strings.Contains(screen, "credential") || !strings.Contains(screen, "Findings") {
		t.Errorf("after the copy the screen lacks the status or the findings:\n%s", screen)
	}
}

// waitScreen waits until the tmux pane shows want, and returns the screen.
func waitScreen(t *testing.T, tm func(...string) string, want string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := tm("capture-pane", "-p")
		if strings.Contains(s, want) {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("the screen never showed %q:\n%s", want, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
