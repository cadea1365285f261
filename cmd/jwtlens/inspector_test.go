package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// fakeInspector stands in for the inspector and the terminal: run(args) then reports the
// configuration the inspector would have started with.
func fakeInspector(t *testing.T) *interactiveConfig {
	t.Helper()
	var got interactiveConfig
	started := false
	oldStart, oldTerm := startInspector, hasInteractiveTerminal
	startInspector = func(c interactiveConfig, _ env) (int, error) { got, started = c, true; return exitOK, nil }
	hasInteractiveTerminal = func(env) bool { return true }
	t.Cleanup(func() {
		startInspector, hasInteractiveTerminal = oldStart, oldTerm
		if !started {
			t.Errorf("the inspector did not start")
		}
	})
	return &got
}

// TestInspectorPasteWithoutClipboard: --paste with no usable clipboard opens the inspector
// anyway, empty, with the reason as its notice, and prints nothing to the terminal.
func TestInspectorPasteWithoutClipboard(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	t.Setenv("SSH_CONNECTION", "192.0.2.1 22 192.0.2.2 22")
	got := fakeInspector(t)
	var stdout, stderr bytes.Buffer
	code := run([]string{"--paste"}, env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, now: time.Now})
	if code != exitOK || stderr.Len() > 0 || stdout.Len() > 0 {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0 and nothing printed", code, stdout.String(), stderr.String())
	}
	if !strings.HasPrefix(got.notice, "--paste: ") || len(got.raw) != 0 {
		t.Errorf("notice %q, token %q; want the reason and no token", got.notice, got.raw)
	}
}

// TestInspectorFileAndKeyDir: a file argument prefills the inspector with the file's text
// and says so; --key-dir reaches the key chooser.
func TestInspectorFileAndKeyDir(t *testing.T) {
	got := fakeInspector(t)
	var stdout, stderr bytes.Buffer
	code := run([]string{"--key-dir", "/etc/keys", fixturePath("valid.jwt")}, env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, now: time.Now})
	if code != exitOK || stderr.Len() > 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	if string(got.raw) != fixture(t, "valid.jwt") || !strings.Contains(got.notice, "read from ") || got.keyDir != "/etc/keys" {
		t.Errorf("token %q, notice %q, key dir %q", got.raw, got.notice, got.keyDir)
	}
}
