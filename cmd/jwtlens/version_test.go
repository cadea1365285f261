package main

import (
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestFormatVersion(t *testing.T) {
	full := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.3.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}, {Key: "vcs.time", Value: "2026-12-03T14:00:00Z"}}}
	tests := []struct {
		name    string
		ldflags string
		bi      *debug.BuildInfo
		want    string
	}{
		{"nothing known", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}, "(development build, go1.26.8)"},
		{"no build info", "", nil, "(development build)"},
		{"everything", "v1.0.0", full, "v1.0.0 (module v0.3.0, revision 0123456789ab+dirty 2026-12-03T14:00:00Z, go1.26.8)"},
		{"module and revision", "", full, "(module v0.3.0, revision 0123456789ab+dirty 2026-12-03T14:00:00Z, go1.26.8)"},
		{"ldflags equal to the module", "v0.3.0", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.3.0"}}, "v0.3.0 (go1.26.8)"},
	}
	for _, tt := range tests {
		if got := formatVersion(tt.ldflags, tt.bi); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestVersionFlag builds with -ldflags -X main.version and runs --version: the version
// set at build time is printed, with the Go version.
func TestVersionFlag(t *testing.T) {
	out := filepath.Join(t.TempDir(), "jwtlens")
	if b, err := exec.Command("go", "build", "-ldflags", "-X main.version=v9.8.7", "-o", out, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	b, err := exec.Command(out, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := string(b); !strings.HasPrefix(got, "jwtlens v9.8.7 (") || !strings.Contains(got, "go1.") {
		t.Errorf("--version printed %q", got)
	}
	if res := runBin(t, "", "--version"); !strings.HasPrefix(res.stdout, "jwtlens (") || strings.Contains(res.stdout, "devel go") {
		t.Errorf("--version without ldflags printed %q", res.stdout)
	}
}
