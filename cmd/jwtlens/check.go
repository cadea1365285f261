package main

import (
	"errors"
	"fmt"
	"os"

	"jwtlens/inspect"
	"jwtlens/ui"
)

// runCheck is `jwtlens check`: one report on stdout, no UI, and an exit status that says
// whether the token is good (0), has an error finding (1), or the command was misused (2).
func runCheck(args []string, e env) (int, error) {
	var o options
	fs := newFlagSet("jwtlens check", &o, true)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitMisuse, err
	}
	if o.help {
		return printHelp(e.stdout, checkHelp), nil
	}
	opt, err := o.inspectOptions(e)
	if err != nil {
		return exitMisuse, err
	}
	in, err := o.readInput(pos, e, opt.MaxSize, "jwtlens check")
	if err != nil {
		var pe *pasteError
		if errors.As(err, &pe) {
			return exitMisuse, misuse("%s", pe.msg)
		}
		return exitMisuse, err
	}
	return report(in, opt, o.keysGiven(), o.json, e)
}

// report diagnoses the input and prints the report, human or JSON, returning the check
// status.
func report(in input, opt inspect.Options, keysGiven, asJSON bool, e env) (int, error) {
	r := inspect.Inspect(in.raw, opt)
	if in.capped {
		sayCapped(r, opt.MaxSize)
	}
	ok := r.OK(keysGiven)
	verdict := ui.JudgeVerdict(r, keysGiven)
	if asJSON {
		if err := writeJSON(e.stdout, r, ok, string(verdict), in.source); err != nil {
			return exitMisuse, err
		}
	} else {
		ro := ui.ReportOptions{Width: columns(), Color: ui.ColorWanted(e.stdout), KeysGiven: keysGiven}
		if in.source != "" {
			ro.Source = "read from " + in.source
		}
		if err := ui.WriteReport(e.stdout, r, ro); err != nil {
			return exitMisuse, err
		}
	}
	if !ok {
		return exitFindings, nil
	}
	return exitOK, nil
}

// sayCapped rewrites the input.too-large message when reading stopped at the cap: the
// input's real size is unknown (stdin may be endless), so it says "more than" the cap
// rather than the byte count read. (inspect cannot know the read was capped; see the
// report of issue 4 for the Options field that would let it say so itself.)
func sayCapped(r *inspect.Report, maxSize int) {
	if maxSize <= 0 {
		maxSize = inspect.DefaultMaxSize
	}
	for i := range r.Findings {
		if r.Findings[i].Code == "input.too-large" {
			msg := fmt.Sprintf("The input is more than %s (stopped reading at the cap)", sizeWords(maxSize))
			if maxSize >= inspect.DefaultMaxSize {
				msg += "; a token is never this long" // under a small --max-size, a real token can be
			}
			r.Findings[i].Message = msg + "."
			r.Findings[i].Hint = "Give only the token, or raise the cap with --max-size (e.g. --max-size 4MiB) if a token really is this long."
		}
	}
}

// columns is the report width: the terminal's, else $COLUMNS, else 80.
func columns() int {
	if w := terminalWidth(os.Stdout); w > 0 {
		return w
	}
	if c := atoiOr(os.Getenv("COLUMNS"), 0); c > 0 {
		return c
	}
	return 80
}
