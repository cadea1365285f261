// Package xvfbtest runs a private X server (Xvfb) for end-to-end clipboard tests, and puts
// text on its clipboard or reads it back with xclip.
//
// Tests that use it are skipped when Xvfb or xclip is missing, except under CI=true, where
// a missing tool fails the test (.ci/run installs both).
package xvfbtest

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// Start runs Xvfb on a free display and returns its name (":N"). The server is stopped
// when the test ends.
func Start(tb testing.TB) string {
	tb.Helper()
	for _, tool := range []string{"Xvfb", "xclip"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				tb.Fatalf("%s is not installed; .ci/run installs it (apt-get install xvfb xclip)", tool)
			}
			tb.Skipf("%s is not installed (apt-get install xvfb xclip); skipping the clipboard end-to-end test", tool)
		}
	}
	r, w, err := os.Pipe()
	if err != nil {
		tb.Fatal(err)
	}
	defer r.Close()
	// -displayfd makes the server pick a free display and write its number to fd 3.
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-nolisten", "tcp", "-screen", "0", "320x200x24")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		w.Close()
		tb.Fatalf("starting Xvfb: %v", err)
	}
	w.Close()
	tb.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		got <- strings.TrimSpace(line)
	}()
	select {
	case n := <-got:
		if n == "" {
			tb.Fatal("Xvfb exited without naming its display")
		}
		return ":" + n
	case <-time.After(10 * time.Second):
		tb.Fatal("Xvfb did not start within 10s")
	}
	return ""
}

// SetClipboard puts text on the CLIPBOARD selection of display. xclip stays in the
// background to serve it until another client takes the selection or the server stops.
// It returns only once the selection reads back as text: on a loaded machine the
// background xclip can take a moment to own it, and a test reading earlier would flake.
func SetClipboard(tb testing.TB, display, text string) {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var last string
	for {
		cmd := exec.Command("xclip", "-in", "-selection", "clipboard")
		cmd.Env = append(os.Environ(), "DISPLAY="+display)
		cmd.Stdin = strings.NewReader(text)
		// No pipes for its output: the background xclip would hold them open, and waiting
		// for them would never end.
		err := cmd.Run()
		for i := 0; i < 20 && err == nil; i++ {
			if got, rerr := read(display); rerr == nil && got == text {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
		if err != nil {
			last = err.Error()
		} else {
			last = "the selection did not read back"
		}
		if time.Now().After(deadline) {
			tb.Fatalf("xclip -in: %s", last)
		}
	}
}

// Clipboard returns the CLIPBOARD selection of display.
func Clipboard(tb testing.TB, display string) string {
	tb.Helper()
	out, err := read(display)
	if err != nil {
		tb.Fatalf("xclip -out: %v", err)
	}
	return out
}

// read returns the CLIPBOARD selection of display.
func read(display string) (string, error) {
	cmd := exec.Command("xclip", "-out", "-selection", "clipboard")
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("%v %s", err, strings.TrimSpace(errb.String()))
	}
	return out.String(), nil
}

// WaitClipboard returns the CLIPBOARD selection of display once it reads want, or what it
// holds after two seconds: a clipboard tool takes the selection a moment after it starts.
func WaitClipboard(tb testing.TB, display, want string) string {
	tb.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for {
		got := Clipboard(tb, display)
		if got == want || time.Now().After(deadline) {
			return got
		}
		time.Sleep(20 * time.Millisecond)
	}
}
