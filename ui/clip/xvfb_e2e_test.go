package clip_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"jwtlens/ui/clip"
	"jwtlens/ui/clip/xvfbtest"
)

// e2eToken is a well-formed HS256 token with made-up claims (sub "e2e"), written here.
const e2eToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJlMmUifQ.c2lnbmF0dXJlLW5vdC1jaGVja2Vk"

// TestXvfbClipboard reads and writes a real X clipboard through atotto and xclip.
func TestXvfbClipboard(t *testing.T) {
	display := xvfbtest.Start(t)
	t.Setenv("DISPLAY", display)
	t.Setenv("WAYLAND_DISPLAY", "")
	t.Setenv("SSH_CONNECTION", "")
	t.Setenv("SSH_TTY", "")

	xvfbtest.SetClipboard(t, display, "Bearer "+e2eToken+"\n")
	got, err := clip.ReadToken(context.Background())
	if err != nil || !strings.Contains(got, e2eToken) {
		t.Fatalf("ReadToken() = %q, %v; want the token placed by xclip", got, err)
	}

	xvfbtest.SetClipboard(t, display, "correct horse battery staple")
	_, err = clip.ReadToken(context.Background())
	var nt *clip.NotTokenError
	if !errors.As(err, &nt) || strings.Contains(err.Error(), "horse") || !strings.Contains(err.Error(), "28 characters") {
		t.Fatalf("ReadToken() of a passphrase = %v; want its kind and length, never its content", err)
	}

	msg := clip.Copier{Clipboard: clip.Default()}.CopyNow(context.Background(), clip.Payload, `{"sub":"e2e"}`)
	if !msg.System {
		t.Fatalf("copy to the X clipboard failed: %s", msg.Status())
	}
	if got := xvfbtest.Clipboard(t, display); got != `{"sub":"e2e"}` {
		t.Errorf("xclip reads %q after the copy, want the payload JSON", got)
	}
}
