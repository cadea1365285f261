package main

import (
	"fmt"
	"os"
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
	var raw []byte
	if o.demo {
		if len(pos) > 0 {
			return exitMisuse, misuse("--demo brings its own token; drop the token argument or drop --demo")
		}
		d, err := loadDemo()
		if err != nil {
			return exitMisuse, err
		}
		raw = d.token
		opt.Keys = append(opt.Keys, d.key)
		keysGiven = true
	}
	if o.demo && o.paste {
		return exitMisuse, misuse("--demo and --paste each bring a token; give one of them")
	}
	if !interactiveTerminal(e) {
		if !o.demo {
			if raw, err = o.readInput(pos, e, opt.MaxSize, "jwtlens"); err != nil {
				return exitMisuse, err
			}
		}
		return report(raw, opt, keysGiven, false, e)
	}
	if !o.demo {
		stdin, _ := e.stdin.(*os.File)
		pipedIn := stdin == nil || !isTerminal(stdin)
		// A piped stdin is read first; the inspector then takes the keyboard from the terminal.
		if len(pos) > 0 || pipedIn || o.paste {
			if raw, err = o.readInput(pos, e, opt.MaxSize, "jwtlens"); err != nil {
				return exitMisuse, err
			}
		}
	}
	return runInteractive(interactiveConfig{raw: raw, options: opt, fixedNow: o.now != ""}, e)
}

// interactiveTerminal reports whether the inspector can run: stdout is a terminal that is
// not TERM=dumb.
func interactiveTerminal(e env) bool {
	f, ok := e.stdout.(*os.File)
	return ok && isTerminal(f) && os.Getenv("TERM") != "dumb"
}
