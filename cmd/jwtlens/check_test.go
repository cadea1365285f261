package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// bin is the jwtlens binary TestMain builds; the tests run it as a whole process.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "jwtlens-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "jwtlens")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building jwtlens: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// fixtureNow is the time the fixtures in testdata/cli are made relative to (see
// testdata/gen/cli).
const fixtureNow = "1767225600"

// fixture reads a file of testdata/cli.
func fixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "cli", name))
	if err != nil {
		t.Fatalf("fixture %s: %v (run go run ./testdata/gen/cli)", name, err)
	}
	return string(b)
}

// fixturePath is the path of a file of testdata/cli.
func fixturePath(name string) string { return filepath.Join("..", "..", "testdata", "cli", name) }

// result is what one run of the binary gave.
type result struct {
	code           int
	stdout, stderr string
	took           time.Duration
}

// runBin runs the binary with args and stdin, with stdout and stderr not terminals.
func runBin(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), "NO_COLOR=", "COLUMNS=80")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	res := result{stdout: out.String(), stderr: errb.String(), took: time.Since(start)}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		res.code = ee.ExitCode()
	case err != nil:
		t.Fatalf("running jwtlens: %v", err)
	}
	return res
}

func TestCheckExitStatus(t *testing.T) {
	valid := fixture(t, "valid.jwt")
	secret := fixturePath("secret.txt")
	tests := []struct {
		name     string
		stdin    string
		args     []string
		code     int
		stdout   []string // substrings of stdout
		stderr   []string // substrings of stderr
		noStdout bool
	}{
		{name: "valid token, no key", args: []string{"check", "--now", fixtureNow, valid}, code: 0,
			stdout: []string{"NOT VERIFIED"}},
		{name: "valid token on stdin", stdin: valid, args: []string{"check", "--now", fixtureNow}, code: 0,
			stdout: []string{"NOT VERIFIED"}},
		{name: "valid token, - reads stdin", stdin: valid, args: []string{"check", "-", "--now", fixtureNow}, code: 0},
		{name: "verified with the secret file",
			args: []string{"check", valid, "--secret-file", secret, "--now", fixtureNow}, code: 0, stdout: []string{"VERIFIED"}},
		{name: "verified with --secret",
			args: []string{"check", "--secret", fixture(t, "secret.txt"), "--now", fixtureNow, valid}, code: 0, stdout: []string{"✓ VERIFIED"}},
		{name: "wrong secret",
			args: []string{"check", "--secret-file", secret, "--now", fixtureNow, fixture(t, "wrong-secret.jwt")}, code: 1,
			stdout: []string{"✗ INVALID", "signature.invalid"}},
		{name: "expired at --now",
			args: []string{"check", "--now", fixtureNow, fixture(t, "expired.jwt")}, code: 1, stdout: []string{"claims.expired"}},
		{name: "expired token judged before it expired",
			args: []string{"check", "--now", "2026-01-01T00:00:00Z", "--leeway", "4h", fixture(t, "expired.jwt")}, code: 0},
		{name: "truncated", args: []string{"check", fixture(t, "truncated.jwt")}, code: 1,
			stdout: []string{"✗ MALFORMED", "^"}},
		{name: "empty stdin", args: []string{"check"}, code: 1, stdout: []string{"input.empty"}},
		{name: "Kamailio claims met",
			args: []string{"check", "--now", fixtureNow, "--claims", "sub='alice';iss='sip.example'", valid}, code: 0},
		{name: "Kamailio claims not met",
			args: []string{"check", "--now", fixtureNow, "--claims", "sub='bob'", valid}, code: 1, stdout: []string{"claims.expect-failed"}},
		{name: "--expect not met",
			args: []string{"check", "--now", fixtureNow, "--expect", "iss=other.example", valid}, code: 1, stdout: []string{"claims.expect-failed"}},

		{name: "RS256 verified with the public key",
			args: []string{"check", "--key", fixturePath("rs256.pub.pem"), "--now", fixtureNow, fixture(t, "rs256.jwt")}, code: 0,
			stdout: []string{"✓ VERIFIED", "RSA 2048-bit"}},
		{name: "RS256 verified with the JWK set, by kid",
			args: []string{"check", "--now", fixtureNow, fixture(t, "rs256.jwt"), "--key", fixturePath("rs256.jwks.json")}, code: 0,
			stdout: []string{"✓ VERIFIED", `kid "cli-rs256"`}},
		{name: "RS256 verified with the private key",
			args: []string{"check", "--key", fixturePath("rs256.key.pem"), "--now", fixtureNow, fixture(t, "rs256.jwt")}, code: 0,
			stdout: []string{"✓ VERIFIED", "key.private"}},
		{name: "RS256 with another key",
			args: []string{"check", "--key", fixturePath("other.pub.pem"), "--now", fixtureNow, fixture(t, "rs256.jwt")}, code: 1,
			stdout: []string{"✗ INVALID", "signature.invalid"}},
		{name: "RS256 with an HMAC secret",
			args: []string{"check", "--secret", "x", "--now", fixtureNow, fixture(t, "rs256.jwt")}, code: 1,
			stdout: []string{"key.type-mismatch"}},
		{name: "HS256 with the public key as the secret",
			args: []string{"check", "--secret-file", fixturePath("rs256.pub.pem"), "--now", fixtureNow, valid}, code: 1,
			stdout: []string{"key.alg-confusion"}},
		{name: "a key file that holds no key",
			args: []string{"check", "--key", fixturePath("valid.jwt"), "--now", fixtureNow, valid}, code: 1,
			stdout: []string{"key.unreadable"}},
		{name: "-- ends the flags", args: []string{"check", "--now", fixtureNow, "--", valid}, code: 0},
		{name: "input over --max-size", args: []string{"check", "--max-size", "64", valid}, code: 1,
			stdout: []string{"input.too-large"}},
		{name: "missing key file", args: []string{"check", "--key", "/nonexistent/pub.pem", valid}, code: 2,
			stderr: []string{"/nonexistent/pub.pem", "no such file", "check the path"}, noStdout: true},
		{name: "missing token file", args: []string{"check", "/nonexistent/token.txt"}, code: 2,
			stderr: []string{"/nonexistent/token.txt", "no such file"}, noStdout: true},
		{name: "missing secret file", args: []string{"check", valid, "--secret-file", "nope.key"}, code: 2,
			stderr: []string{"--secret-file nope.key", "no such file"}, noStdout: true},
		{name: "key file is a directory", args: []string{"check", "--key", ".", valid}, code: 2,
			stderr: []string{"directory"}, noStdout: true},
		{name: "unknown flag", args: []string{"check", "--frobnicate", valid}, code: 2,
			stderr: []string{"unknown flag", "--frobnicate", "jwtlens check --help"}, noStdout: true},
		{name: "flag without its value", args: []string{"check", valid, "--key"}, code: 2,
			stderr: []string{"-key needs a value"}, noStdout: true},
		{name: "bad --now", args: []string{"check", "--now", "yesterday", valid}, code: 2,
			stderr: []string{`--now "yesterday"`, "RFC 3339"}, noStdout: true},
		{name: "bad --leeway", args: []string{"check", "--leeway", "soon", valid}, code: 2, noStdout: true},
		{name: "negative --leeway", args: []string{"check", "--leeway", "-1s", valid}, code: 2, stderr: []string{"negative"}, noStdout: true},
		{name: "bad --max-size", args: []string{"check", "--max-size", "lots", valid}, code: 2, stderr: []string{"max-size"}, noStdout: true},
		{name: "two tokens", args: []string{"check", valid, valid}, code: 2, stderr: []string{"takes one token"}, noStdout: true},
		{name: "bad --claims", args: []string{"check", "--claims", "sub='alice", valid}, code: 2,
			stderr: []string{"--claims", "never closed"}, noStdout: true},
		{name: "help", args: []string{"check", "--help"}, code: 0, stdout: []string{"Exit status", "--secret-file", "--claims"}},
		{name: "top-level help", args: []string{"--help"}, code: 0,
			stdout: []string{"jwtlens check", "--demo", "Examples", "grep", "--claims"}},
		{name: "version", args: []string{"--version"}, code: 0, stdout: []string{"jwtlens "}},
		{name: "demo without a terminal prints the report", args: []string{"--demo"}, code: 0,
			stdout: []string{"✓ VERIFIED"}},
		{name: "no check, no terminal: the report", stdin: valid, args: []string{"--now", fixtureNow}, code: 0,
			stdout: []string{"NOT VERIFIED", "Findings"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runBin(t, tt.stdin, tt.args...)
			if res.code != tt.code {
				t.Errorf("jwtlens %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(tt.args, " "), res.code, tt.code, res.stdout, res.stderr)
			}
			for _, w := range tt.stdout {
				if !strings.Contains(res.stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, res.stdout)
				}
			}
			for _, w := range tt.stderr {
				if !strings.Contains(res.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, res.stderr)
				}
			}
			if tt.noStdout && res.stdout != "" {
				t.Errorf("misuse printed to stdout:\n%s", res.stdout)
			}
			if tt.code == 2 && !strings.HasPrefix(res.stderr, "jwtlens: ") {
				t.Errorf("misuse message %q does not start with jwtlens:", res.stderr)
			}
		})
	}
}

// jsonOut is the part of the --json object the tests read.
type jsonOut struct {
	OK        *bool           `json:"ok"`
	Verdict   string          `json:"verdict"`
	Kind      *string         `json:"kind"`
	Token     *string         `json:"token"`
	Header    json.RawMessage `json:"header"`
	Payload   json.RawMessage `json:"payload"`
	Signature *struct {
		Alg           string `json:"alg"`
		Bytes         *int   `json:"bytes"`
		ExpectedBytes *int   `json:"expected_bytes"`
	} `json:"signature"`
	Verification *struct {
		Status string          `json:"status"`
		Key    json.RawMessage `json:"key"`
	} `json:"verification"`
	Claims     []json.RawMessage `json:"claims"`
	Candidates []json.RawMessage `json:"candidates"`
	Findings   []struct {
		Code     string  `json:"code"`
		Severity string  `json:"severity"`
		Part     string  `json:"part"`
		Offset   *int    `json:"offset"`
		Length   *int    `json:"length"`
		Message  *string `json:"message"`
		Hint     *string `json:"hint"`
	} `json:"findings"`
}

func runJSON(t *testing.T, stdin string, args ...string) (jsonOut, result) {
	t.Helper()
	res := runBin(t, stdin, append([]string{"check", "--json"}, args...)...)
	var out jsonOut
	dec := json.NewDecoder(strings.NewReader(res.stdout))
	if err := dec.Decode(&out); err != nil {
		t.Fatalf("--json output is not one JSON object: %v\n%s", err, res.stdout)
	}
	if dec.More() {
		t.Fatalf("--json printed more than one object:\n%s", res.stdout)
	}
	return out, res
}

func TestCheckJSON(t *testing.T) {
	valid := fixture(t, "valid.jwt")
	out, res := runJSON(t, "", "--now", fixtureNow, valid)
	if res.code != 0 {
		t.Errorf("exit %d, want 0; stderr %s", res.code, res.stderr)
	}
	if out.OK == nil || out.Kind == nil || out.Token == nil || out.Signature == nil || out.Verification == nil ||
		out.Findings == nil || out.Claims == nil || out.Candidates == nil || out.Header == nil || out.Payload == nil ||
		out.Signature.Bytes == nil || out.Signature.ExpectedBytes == nil {
		t.Fatalf("--json lacks a field:\n%s", res.stdout)
	}
	if !*out.OK || out.Verdict != "NOT VERIFIED" || out.Verification.Status != "not-checked" || string(out.Verification.Key) != "null" {
		t.Errorf("ok %v, verdict %q, status %q, key %s; want true, NOT VERIFIED, not-checked, null", *out.OK, out.Verdict, out.Verification.Status, out.Verification.Key)
	}
	if *out.Token != valid {
		t.Errorf("token = %q, want the argument %q", *out.Token, valid)
	}

	// Stdin gives the same report as the argument.
	fromStdin, _ := runJSON(t, valid, "--now", fixtureNow)
	a, _ := json.Marshal(out)
	b, _ := json.Marshal(fromStdin)
	if !bytes.Equal(a, b) {
		t.Errorf("stdin and argument reports differ:\n%s\n%s", a, b)
	}

	t.Run("header and payload keep their original text", func(t *testing.T) {
		if string(out.Header) != `{"alg":"HS256","typ":"JWT"}` && !strings.Contains(res.stdout, `"header": {
    "alg": "HS256",
    "typ": "JWT"
  }`) {
			t.Errorf("header = %s, want the original members in order", out.Header)
		}
		if !strings.Contains(res.stdout, `"sub": "alice",
    "iss": "sip.example",
    "iat": 1767222000,
    "exp": 1767229200`) {
			t.Errorf("payload not in its original order:\n%s", res.stdout)
		}
		if out.Kind == nil || *out.Kind != "JWS" || out.Signature.Alg != "HS256" || *out.Signature.Bytes != 32 {
			t.Errorf("kind %v alg %q bytes %d; want JWS HS256 32", *out.Kind, out.Signature.Alg, *out.Signature.Bytes)
		}
	})

	t.Run("findings carry every field", func(t *testing.T) {
		out, res := runJSON(t, fixture(t, "truncated.jwt"))
		if res.code != 1 || *out.OK {
			t.Errorf("truncated: exit %d ok %v, want 1 false", res.code, *out.OK)
		}
		if len(out.Findings) == 0 {
			t.Fatalf("truncated: no findings:\n%s", res.stdout)
		}
		for _, f := range out.Findings {
			if f.Code == "" || f.Severity == "" || f.Part == "" || f.Offset == nil || f.Length == nil || f.Message == nil || f.Hint == nil {
				t.Errorf("finding lacks a field: %+v", f)
			}
		}
		if string(out.Payload) != "null" {
			t.Errorf("truncated payload = %s, want null", out.Payload)
		}
	})

	t.Run("verified names the key", func(t *testing.T) {
		out, res := runJSON(t, valid, "--now", fixtureNow, "--secret-file", fixturePath("secret.txt"))
		if res.code != 0 || !*out.OK || out.Verification.Status != "verified" || !strings.Contains(string(out.Verification.Key), "secret.txt") {
			t.Errorf("exit %d ok %v status %q key %s; want 0 true verified secret.txt", res.code, *out.OK, out.Verification.Status, out.Verification.Key)
		}
		if strings.Contains(res.stdout, fixture(t, "secret.txt")) {
			t.Errorf("--json output holds the secret:\n%s", res.stdout)
		}
	})
}

func TestCheckHugeStdin(t *testing.T) {
	huge := strings.Repeat("eyJhbGciOiJIUzI1NiJ9.", 5<<20/21) // about 5 MiB
	out, res := runJSON(t, huge)
	if res.code != 1 {
		t.Errorf("exit %d, want 1; stderr %s", res.code, res.stderr)
	}
	found := false
	for _, f := range out.Findings {
		found = found || f.Code == "input.too-large"
	}
	if !found {
		t.Errorf("no input.too-large finding for a 5 MiB stdin:\n%.2000s", res.stdout)
	}
	if res.took > 5*time.Second {
		t.Errorf("a 5 MiB stdin took %v", res.took)
	}
	// A raised cap takes it.
	out, _ = runJSON(t, huge[:2<<20], "--max-size", "4MiB")
	for _, f := range out.Findings {
		if f.Code == "input.too-large" {
			t.Errorf("--max-size 4MiB still reports a 2 MiB input as too large")
		}
	}
}

// TestReportHasNoControlBytes feeds tokens whose claims hold terminal escapes (ESC[2J, an
// OSC 52 clipboard write, BEL, C1 CSI, U+202E) and asserts none of them reaches stdout.
func TestReportHasNoControlBytes(t *testing.T) {
	// hostile.jwt is valid JSON with the escapes in claims (text.control-chars);
	// hostile-raw.jwt has them raw, which is not JSON (json.invalid), shown as text.
	for name, code := range map[string]string{"hostile.jwt": "text.control-chars", "hostile-raw.jwt": "json.invalid"} {
		for _, args := range [][]string{{"check"}, {}} {
			t.Run(name+" "+strings.Join(args, ""), func(t *testing.T) {
				res := runBin(t, fixture(t, name), append(args, "--now", fixtureNow)...)
				for _, bad := range []string{"\x1b", "\x07", "\u009b", "\u202e", "\u202d", "\u200b"} {
					if strings.Contains(res.stdout, bad) {
						t.Errorf("report holds %q:\n%q", bad, res.stdout)
					}
				}
				for _, r := range res.stdout {
					if (r < 0x20 && r != '\n') || (r >= 0x7f && r < 0xa0) {
						t.Errorf("report holds control character %U", r)
					}
				}
				if !strings.Contains(res.stdout, code) {
					t.Errorf("no %s finding:\n%s", code, res.stdout)
				}
			})
		}
	}
}

// TestCheckJSONIsTerminalSafe asserts --json writes the bidi and C1 characters of a hostile
// token as \u escapes, and that they decode to the same values.
func TestCheckJSONIsTerminalSafe(t *testing.T) {
	res := runBin(t, fixture(t, "hostile.jwt"), "check", "--json", "--now", fixtureNow)
	for _, bad := range []string{"\x1b", "\x07", "\u009b", "\u202e"} {
		if strings.Contains(res.stdout, bad) {
			t.Errorf("--json output holds %q raw", bad)
		}
	}
	var out struct {
		Payload struct {
			CSI string `json:"csi"`
			RLO string `json:"rlo"`
		} `json:"payload"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &out); err != nil {
		t.Fatalf("--json output does not parse: %v\n%s", err, res.stdout)
	}
	if out.Payload.CSI != "\u009b31m" || out.Payload.RLO != "\u202etxt.exe" {
		t.Errorf("payload csi %q rlo %q; want the original values back", out.Payload.CSI, out.Payload.RLO)
	}
}

// TestCheckJSONOddClaims runs the binary on a NumericDate in milliseconds past year 9999 and
// on raw bytes that are not UTF-8 (one of them 0x9B, an 8-bit CSI): --json must print a
// valid, UTF-8, terminal-safe object, with the time as null and its raw value.
func TestCheckJSONOddClaims(t *testing.T) {
	tok := b64(`{"alg":"HS256"}`) + "." + b64("{\"exp\":253402300800000,\"sub\":\"a\x9bb\xff\"}") + ".c2ln"
	res := runBin(t, "", "check", "--json", "--now", fixtureNow, tok)
	if res.code != 1 || res.stderr != "" {
		t.Errorf("exit %d, stderr %q; want 1 and nothing on stderr", res.code, res.stderr)
	}
	checkSafeJSON(t, "--json", []byte(res.stdout))
	if strings.Contains(res.stdout, "\x9b") {
		t.Errorf("--json holds the raw byte 0x9B")
	}
	if !strings.Contains(res.stdout, `"time": null,
      "time_raw": "253402300800000"`) {
		t.Errorf("exp is not null with its raw value:\n%s", res.stdout)
	}
	if !strings.Contains(res.stdout, `"sub": "a\ufffdb\ufffd"`) {
		t.Errorf("the bytes that are not UTF-8 are not \\ufffd:\n%s", res.stdout)
	}
}

// TestCheckVerdictLine runs the binary where the verdict once was cut mid-word or
// suggested a key that cannot help: the verdict is whole, names its finding's code, and
// alg none and JWE say why no key can verify them.
func TestCheckVerdictLine(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		verdct string // the verdict paragraph, its lines joined by spaces
		code   int
	}{
		{"key for encryption only", []string{"--key", fixturePath("use-enc.jwk"), fixture(t, "rs256.jwt")},
			"(key.not-for-signing)", 1},
		{"alg none", []string{fixture(t, "unsecured.jwt")},
			"! UNSECURED — alg none: nothing protects this token (header.alg-none)", -1},
		{"alg none with a key", []string{"--key", fixturePath("rs256.pub.pem"), fixture(t, "unsecured.jwt")},
			"✗ UNSECURED — alg none: nothing protects this token (header.alg-none)", 1},
		{"JWE with a key", []string{"--key", fixturePath("rs256.pub.pem"), fixture(t, "jwe.jwt")},
			"• ENCRYPTED — JWE, payload cannot be shown without the key (structure.jwe)", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runBin(t, "", append([]string{"check", "--now", fixtureNow}, tt.args...)...)
			if tt.code >= 0 && res.code != tt.code {
				t.Errorf("exit %d, want %d; stderr %s", res.code, tt.code, res.stderr)
			}
			para, _, _ := strings.Cut(res.stdout, "\n\n")
			if strings.Contains(para, "…") || !strings.Contains(strings.Join(strings.Fields(para), " "), tt.verdct) {
				t.Errorf("verdict\n%s\nwant it whole, with %q", para, tt.verdct)
			}
			for _, l := range strings.Split(para, "\n") {
				if len([]rune(l)) > 80 {
					t.Errorf("verdict line over 80 columns: %q", l)
				}
			}
			if strings.Contains(tt.verdct, "UNSECURED") || strings.Contains(tt.verdct, "ENCRYPTED") {
				if strings.Contains(res.stdout, "add --key") {
					t.Errorf("the report suggests adding a key:\n%s", res.stdout)
				}
			}
		})
	}
}

// TestCheckFlagErrors: a bad flag value is exit 2 with one message that names the flag with
// two dashes, says what it takes and what it got, and says it once.
func TestCheckFlagErrors(t *testing.T) {
	valid := fixture(t, "valid.jwt")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--leeway", "30"}, `--leeway takes a duration like 30s or 2m (got "30")`},
		{[]string{"--leeway", "-3s"}, `--leeway takes a duration like 30s or 2m, not a negative one (got "-3s")`},
		{[]string{"--max-size", "3Q"}, `--max-size takes a size such as 1048576, 64KiB or 4MiB, at most 1GiB (got "3Q")`},
		{[]string{"--json=maybe"}, `--json is on or off`},
		{[]string{"--expect", "aud"}, `--expect "aud": no '=' between the claim name and the value`},
		{[]string{"--claims", "garbage"}, `--claims "garbage", at character 1: the member "garbage" has no '='`},
		{[]string{"--claims", "sub='a;b';iss"}, `--claims "sub='a;b';iss", at character 11: the member "iss" has no '='`},
		{[]string{"--claims", "sub='alice"}, `--claims "sub='alice", at character 5: the quote`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			res := runBin(t, "", append(append([]string{"check", "--now", fixtureNow}, tt.args...), valid)...)
			if res.code != 2 {
				t.Errorf("exit %d, want 2; stdout %.200s", res.code, res.stdout)
			}
			if !strings.Contains(res.stderr, tt.want) {
				t.Errorf("stderr %q, want it to hold %q", res.stderr, tt.want)
			}
			for _, bad := range []string{"parse error", "for flag -", " -leeway", " -json"} {
				if strings.Contains(res.stderr, bad) {
					t.Errorf("stderr %q holds the flag package's %q", res.stderr, bad)
				}
			}
			for _, phrase := range []string{"NAME=VALUE", "write it as"} {
				if strings.Count(res.stderr, phrase) > 1 {
					t.Errorf("stderr says %q more than once: %q", phrase, res.stderr)
				}
			}
			if strings.Count(res.stderr, "\n") != 1 {
				t.Errorf("stderr is not one line: %q", res.stderr)
			}
		})
	}
	// A spec with quoted ';' and an empty member is fine.
	if res := runBin(t, "", "check", "--now", fixtureNow, "--claims", "sub='alice';;iss='sip.example'", valid); res.code != 0 {
		t.Errorf("a good spec: exit %d, stderr %s", res.code, res.stderr)
	}
}

// TestCheckInputSources: a file argument is read (and said so), a huge stdin is reported
// as more than the cap, a paste without a clipboard is misuse, and paths in messages are
// shown escaped.
func TestCheckInputSources(t *testing.T) {
	dir := t.TempDir()
	tokFile := filepath.Join(dir, "token.txt")
	if err := os.WriteFile(tokFile, []byte("Authorization: Bearer "+fixture(t, "valid.jwt")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := runBin(t, "", "check", "--now", fixtureNow, tokFile)
	if res.code != 0 || !strings.Contains(res.stdout, "input: read from "+tokFile) {
		t.Errorf("check FILE: exit %d, stdout\n%s", res.code, res.stdout)
	}
	out, _ := runJSON(t, "", "--now", fixtureNow, tokFile)
	if out.Token == nil || *out.Token != fixture(t, "valid.jwt") {
		t.Errorf("check --json FILE: token %v", out.Token)
	}
	if !strings.Contains(runBin(t, "", "check", "--json", tokFile).stdout, `"source": "`+tokFile+`"`) {
		t.Errorf("check --json FILE does not name the file")
	}
	// A file over the cap is read up to it, no further.
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, bytes.Repeat([]byte("a"), 2<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, res := range []result{runBin(t, "", "check", big), runBin(t, strings.Repeat("a", 2<<20), "check")} {
		if res.code != 1 || !strings.Contains(res.stdout, "more than 1 MiB (stopped reading at the cap)") || strings.Contains(res.stdout, "1048577") {
			t.Errorf("huge input: exit %d, stdout\n%.1500s", res.code, res.stdout)
		}
	}

	t.Run("check --paste without a clipboard", func(t *testing.T) {
		cmd := exec.Command(bin, "check", "--paste")
		cmd.Env = append(os.Environ(), "DISPLAY=", "WAYLAND_DISPLAY=", "SSH_CONNECTION=192.0.2.1 22 192.0.2.2 22")
		var errb bytes.Buffer
		cmd.Stderr = &errb
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 2 || !strings.Contains(errb.String(), "--paste: ") {
			t.Errorf("err %v, stderr %q; want exit 2 with the reason", err, errb.String())
		}
	})

	t.Run("a path with ESC is shown escaped", func(t *testing.T) {
		res := runBin(t, "", "check", "--key", "\x1b[2Jkey\x07.pem", fixture(t, "valid.jwt"))
		if res.code != 2 || strings.ContainsAny(res.stderr, "\x1b\x07") || !strings.Contains(res.stderr, `\e[2Jkey`) {
			t.Errorf("exit %d, stderr %q", res.code, res.stderr)
		}
	})

	t.Run("one key-file limit, one wording", func(t *testing.T) {
		huge := filepath.Join(dir, "huge.pem")
		if err := os.WriteFile(huge, bytes.Repeat([]byte("k"), 5<<20), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, flag := range []string{"--key", "--secret-file"} {
			res := runBin(t, "", "check", flag, huge, fixture(t, "valid.jwt"))
			if res.code != 2 || !strings.Contains(res.stderr, "over 1 MiB, the limit for key files") {
				t.Errorf("%s: exit %d, stderr %q", flag, res.code, res.stderr)
			}
		}
	})
}

// TestCheckHugeReport: a token near 1 MiB — one long claim, prose, or tens of thousands of
// duplicate members — prints a report of a few hundred lines within the width, quickly.
func TestCheckHugeReport(t *testing.T) {
	hdr := b64(`{"alg":"HS256"}`)
	sig := b64(strings.Repeat("s", 32))
	inputs := map[string]string{
		"one long claim":    hdr + "." + b64(`{"sub":"`+strings.Repeat("x", 700000)+`"}`) + "." + sig,
		"prose":             hdr + "." + b64(strings.Repeat("plain words ", 60000)) + "." + sig,
		"duplicate members": hdr + "." + b64("{"+strings.TrimSuffix(strings.Repeat(`"a":1,`, 70000), ",")+"}") + "." + sig,
	}
	for name, tok := range inputs {
		t.Run(name, func(t *testing.T) {
			res := runBin(t, tok, "check", "--max-size", "2MiB", "--now", fixtureNow)
			if res.code != 1 && res.code != 0 {
				t.Fatalf("exit %d, stderr %s", res.code, res.stderr)
			}
			lines := strings.Split(res.stdout, "\n")
			if len(lines) > 1000 {
				t.Errorf("%d lines", len(lines))
			}
			for _, l := range lines {
				if n := len([]rune(l)); n > 80 {
					t.Errorf("a line of %d columns: %.100q…", n, l)
					break
				}
			}
			if res.took > 5*time.Second {
				t.Errorf("took %v", res.took)
			}
		})
	}
}
