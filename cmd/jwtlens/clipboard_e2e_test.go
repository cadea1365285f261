package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

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
