package main

import (
	"errors"
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
	opt.ReadCapped = in.capped
	r := inspect.Inspect(in.raw, opt)
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
