package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"jwtlens/inspect"
)

// updateREADME rewrites the generated parts of README.md instead of comparing them:
//
//	go test ./cmd/jwtlens -run TestREADME -update-readme
var updateREADME = flag.Bool("update-readme", false, "rewrite the generated tables of README.md")

// whatToDo says, per finding code, what a person should do about it; the README's code
// table is made from it and inspect.Catalogue.
var whatToDo = map[string]string{
	"input.empty":             "Paste or pipe the token; check the variable or header you copied it from is set.",
	"input.too-large":         "Pass only the token, or raise the cap with `--max-size`.",
	"input.trimmed":           "Nothing; the token is read without the surrounding whitespace.",
	"input.bearer-prefix":     "Nothing here; a server wants the token alone after `Bearer `, not the prefix twice.",
	"input.quoted":            "Nothing here; make sure the sender does not put the quotes on the wire.",
	"input.extracted":         "Check it picked the token you meant; other candidates are listed.",
	"input.inner-whitespace":  "Re-copy the token without line breaks (terminal wrap, email, YAML folding).",
	"input.url-encoded":       "Decode the token before sending it in a header; only URLs need percent-encoding.",
	"input.invisible-char":    "Re-copy from plain text; a rich-text editor or chat added the character.",
	"input.placeholder":       "The sender had no token: fix the code that fills the header (an unset variable).",
	"input.not-a-token":       "Paste the token itself: three base64url parts joined by dots, starting `eyJ`.",
	"structure.segment-count": "Copy the whole token; a missing dot or part means it was cut or split.",
	"structure.truncated":     "Find what cut it (a header size limit, a log line limit, a column width) and send it whole.",
	"structure.empty-segment": "Copy the whole token; an empty part means it was cut or built wrongly.",
	"structure.jwe":           "Nothing to fix; the payload needs the recipient's decryption key.",
	"structure.nested":        "Inspect the inner token too (it is shown); verify both layers.",
	"base64.invalid-char":     "Remove the character shown; it came from copying (quote, space, line break) or a bad encoder.",
	"base64.bad-length":       "A character was lost or added at the place shown; re-copy the token.",
	"base64.padding":          "Strip the `=`; JWS uses unpadded base64url, and strict servers refuse padding.",
	"base64.std-alphabet":     "Encode with base64url (`-` and `_`), not standard base64 (`+` and `/`).",
	"base64.non-canonical":    "The token was altered by hand or by a sloppy encoder; re-issue it.",
	"json.invalid":            "The issuer built the JSON wrongly; fix the issuer (the offset shows where).",
	"json.truncated":          "The segment was cut; copy the whole token.",
	"json.not-object":         "Header and payload must be JSON objects; fix the issuer.",
	"json.not-utf8":           "Encode the JSON as UTF-8 before base64url.",
	"json.duplicate-key":      "Issue the token with each member once; libraries disagree on which copy wins.",
	"header.alg-missing":      "Issue the token with an `alg` in the header.",
	"header.alg-none":         "Do not accept it: nothing protects it. Issue signed tokens.",
	"header.alg-case":         "Treat it as an attack probe; `alg` is case-sensitive and verifiers must refuse it.",
	"header.alg-unknown":      "Use a registered algorithm (HS256, RS256, ES256, EdDSA…); check for a typo.",
	"header.crit":             "Make sure the verifier understands every extension listed, or it must refuse the token.",
	"header.remote-key":       "Never fetch a key from the URL a token names; verify with a key you trust.",
	"header.embedded-key":     "Verify with your own copy of the key, not the one the token carries.",
	"header.kid-suspicious":   "Treat it as an injection attempt; look up `kid` only in a fixed key set.",
	"signature.missing":       "Copy the whole token (the signature was cut off), or sign it.",
	"signature.unexpected":    "Refuse it: an unsecured token must have an empty signature.",
	"signature.length":        "The signature was cut or padded; copy the whole token, or check the key size.",
	"signature.der-encoded":   "Encode ECDSA signatures as raw R‖S (fixed length), not ASN.1 DER.",
	"signature.not-verified":  "Give a key: `--key FILE` or `--secret TEXT` (in the inspector, pick one).",
	"signature.verified":      "Nothing; still check the claims.",
	"signature.invalid":       "Check you have the issuer's current key (kid, rotation), and that the token was not altered.",
	"key.unreadable":          "Give a PEM, certificate, JWK or JWK set file; the message says what the bytes looked like.",
	"key.escaped-newlines":    "Store the PEM with real line breaks; the `\\n` came from an env var or JSON string.",
	"key.pem-repaired":        "Store the PEM with its `-----BEGIN` line, its end line and line breaks.",
	"key.private":             "Give the verifier only the public key; keep the private key with the issuer.",
	"key.certificate":         "Nothing; check the certificate's validity dates shown.",
	"key.type-mismatch":       "Use a key of the family the `alg` needs (RS* RSA, ES* EC, EdDSA Ed25519, HS* a secret).",
	"key.curve-mismatch":      "Use the curve the `alg` names: ES256 P-256, ES384 P-384, ES512 P-521.",
	"key.alg-confusion":       "Refuse it: never verify an HS* token with a public key as the secret.",
	"key.not-for-signing":     "Use the key the issuer signs with; this one is marked for encryption or another alg.",
	"key.weak":                "Use RSA of 2048 bits or more, an HMAC secret at least as long as the hash.",
	"key.kid-not-found":       "Get the issuer's current key set; the key named by `kid` is not in yours.",
	"key.kid-mismatch":        "Fix the key set or the issuer so that `kid` names the key that signs.",
	"key.secret-whitespace":   "Remove the trailing newline from the secret file (`printf`, not `echo`).",
	"key.secret-encoding":     "Configure the secret in the encoding the issuer uses (raw, base64 or hex).",
	"key.jwk-encoding":        "Write JWK members as unpadded base64url without leading zero octets.",
	"claims.expired":          "Get a fresh token; if it should still be valid, check the clocks (or `--leeway`).",
	"claims.not-yet-valid":    "Wait, or check the clocks of issuer and verifier; allow skew with `--leeway`.",
	"claims.issued-in-future": "Check the issuer's clock (NTP).",
	"claims.time-type":        "Issue NumericDates as integer seconds since 1970, not strings.",
	"claims.time-unit":        "Issue times in seconds, not milliseconds, and as a date, not a duration.",
	"claims.aud-shape":        "Issue `aud` as a string or an array of strings.",
	"claims.expect-failed":    "The token is not for this server: compare the claim with what the server expects.",
	"claims.no-exp":           "Issue tokens with an `exp`; a token that never expires cannot be withdrawn.",
	"text.control-chars":      "Treat the token as hostile; it tries to act on the terminal that shows it.",
}

// codesTable is the README's table of finding codes, from inspect.Catalogue and whatToDo.
func codesTable(t *testing.T) string {
	var b strings.Builder
	b.WriteString("| code | severity | what it means | what to do |\n|---|---|---|---|\n")
	for _, c := range inspect.Catalogue {
		todo, ok := whatToDo[c.Code]
		if !ok {
			t.Errorf("code %s has no what-to-do text in readme_test.go", c.Code)
		}
		esc := func(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
		b.WriteString("| `" + c.Code + "` | " + c.Severity.String() + " | " + esc(c.Meaning) + " | " + esc(todo) + " |\n")
	}
	for code := range whatToDo {
		if _, ok := inspect.LookupCode(code); !ok {
			t.Errorf("readme_test.go explains %s, which the catalogue does not have", code)
		}
	}
	return b.String()
}

// TestREADMEListsEveryCode fails when the README's table of finding codes differs from the
// catalogue; run with -update-readme to rewrite it.
func TestREADMEListsEveryCode(t *testing.T) {
	path := filepath.Join("..", "..", "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- codes:begin (generated by go test ./cmd/jwtlens -run TestREADME -update-readme) -->\n", "<!-- codes:end -->"
	s := string(data)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers %q … %q", begin, end)
	}
	want := codesTable(t)
	if got := s[i+len(begin) : j]; got != want {
		if *updateREADME {
			if err := os.WriteFile(path, []byte(s[:i+len(begin)]+want+s[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README.md's table of finding codes is out of date; run go test ./cmd/jwtlens -run TestREADME -update-readme")
	}
}

// TestREADMEDocumentsJSONFields fails when a field of the --json object is not in the
// README's table of JSON fields.
func TestREADMEDocumentsJSONFields(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, field := range jsonFieldNames() {
		if !strings.Contains(string(data), "| `"+field+"` |") {
			t.Errorf("README.md does not document the --json field %s (a row | `%s` | …)", field, field)
		}
	}
}

// jsonFieldNames lists the fields of the --json object as dotted paths, "findings[].code"
// for the members of array elements.
func jsonFieldNames() []string {
	var names []string
	var walk func(prefix string, t reflect.Type)
	walk = func(prefix string, t reflect.Type) {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			path := prefix + name
			names = append(names, path)
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			switch {
			case ft.Implements(reflect.TypeOf((*json.Marshaler)(nil)).Elem()):
				// Encoded by its own MarshalJSON: one value, no members.
			case ft.Kind() == reflect.Struct && ft != reflect.TypeOf(time.Time{}):
				walk(path+".", ft)
			case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
				walk(path+"[].", ft.Elem())
			}
		}
	}
	walk("", reflect.TypeOf(jsonReport{}))
	return names
}

// fixtureREADME returns the text of README.md.
func fixtureREADME(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
