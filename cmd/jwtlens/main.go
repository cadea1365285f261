// Command jwtlens inspects JSON Web Tokens: it says what is wrong with a token before
// anything else (cut short, a segment missing, a stray character, a key of the wrong kind),
// shows what its header, payload and signature hold, and verifies it against a key.
//
//	jwtlens [flags] [TOKEN | -]          interactive inspector (TTY); TOKEN or stdin prefills it
//	jwtlens check [flags] [TOKEN | -]    one report, no UI; exit 0 good, 1 bad token, 2 misuse
//
// Run `jwtlens --help` for the flags and examples.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"jwtlens/inspect"
)

func main() {
	os.Exit(run(os.Args[1:], env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, now: time.Now}))
}

// Exit statuses.
const (
	exitOK          = 0
	exitFindings    = 1
	exitMisuse      = 2
	exitInterrupted = 130
)

// run is the whole command: it dispatches to check or the inspector and maps errors to
// exit statuses. Every error message goes through inspect.Sanitize on its way to stderr,
// so a path, flag or clipboard text holding ESC or other controls is shown escaped.
func run(args []string, e env) int {
	var err error
	code := exitOK
	if len(args) > 0 && args[0] == "check" {
		code, err = runCheck(args[1:], e)
	} else {
		code, err = runInspector(args, e)
	}
	var ue *usageError
	switch {
	case err == nil:
		return code
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "jwtlens: %s\n", inspect.Sanitize(ue.msg))
		return exitMisuse
	default:
		fmt.Fprintf(e.stderr, "jwtlens: %s\n", inspect.Sanitize(err.Error()))
		if code == exitOK {
			code = exitMisuse
		}
		return code
	}
}

// printHelp writes a help text to w.
func printHelp(w io.Writer, text string) int {
	io.WriteString(w, text)
	return exitOK
}
