package main

import (
	"errors"
	"fmt"
	"os"

	"jwtlens/inspect"
)

// runInspector is `jwtlens` without `check`: the interactive inspector when stdout is a
// terminal, otherwise the same report `check` prints (so a pipe or a dumb terminal still
// gets an answer instead of an error).
func runInspector(args []string, e env) (int, error) {
	var o options
	fs := newFlagSet("jwtlens", &o, false)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitMisuse, err
	}
	if o.help {
		return printHelp(e.stdout, mainHelp), nil
	}
	if o.version {
		fmt.Fprintf(e.stdout, "jwtlens %s\n", versionString())
		return exitOK, nil
	}
	opt, err := o.inspectOptions(e)
	if err != nil {
		return exitMisuse, err
	}
	keysGiven := o.keysGiven()
	var in input
	if o.demo {
		if len(pos) > 0 {
			return exitMisuse, misuse("--demo brings its own token; drop the token argument or drop --demo")
		}
		d, err := loadDemo()
		if err != nil {
			return exitMisuse, err
		}
		in.raw = d.token
		opt.Keys = append(opt.Keys, d.key)
		keysGiven = true
	}
	if o.demo && o.paste {
		return exitMisuse, misuse("--demo and --paste each bring a token; give one of them")
	}
	if !hasInteractiveTerminal(e) {
		if !o.demo {
			if in, err = o.readInput(pos, e, opt.MaxSize, "jwtlens"); err != nil {
				var pe *pasteError
				if errors.As(err, &pe) {
					return exitMisuse, misuse("%s", pe.msg)
				}
				return exitMisuse, err
			}
		}
		return report(in, opt, keysGiven, false, e)
	}
	notice := ""
	if !o.demo {
		stdin, _ := e.stdin.(*os.File)
		pipedIn := stdin == nil || !isTerminal(stdin)
		// A piped stdin is read first; the inspector then takes the keyboard from the terminal.
		if len(pos) > 0 || pipedIn || o.paste {
			in, err = o.readInput(pos, e, opt.MaxSize, "jwtlens")
			var pe *pasteError
			switch {
			case errors.As(err, &pe):
				// No usable clipboard: open the inspector anyway, empty, and say why on
				// its status line (sanitised already) rather than on the terminal.
				notice = pe.msg
			case err != nil:
				return exitMisuse, err
			case in.source != "":
				notice = inspect.Sanitize("read from " + in.source)
			}
		}
	}
	return startInspector(interactiveConfig{raw: in.raw, options: opt, fixedNow: o.now != "", notice: notice, keyDir: o.keyDir}, e)
}

// startInspector and hasInteractiveTerminal are runInteractive and interactiveTerminal;
// tests replace them to see what the inspector would start with, without a terminal.
var (
	startInspector         = runInteractive
	hasInteractiveTerminal = interactiveTerminal
)

// interactiveTerminal reports whether the inspector can run: stdout is a terminal that is
// not TERM=dumb.
func interactiveTerminal(e env) bool {
	f, ok := e.stdout.(*os.File)
	return ok && isTerminal(f) && os.Getenv("TERM") != "dumb"
}
