package main

import (
	"flag"
	"strings"
	"testing"
)

// TestHelpListsEveryFlag fails when a flag is registered but missing from its help text,
// or from the README's flag table.
func TestHelpListsEveryFlag(t *testing.T) {
	readme := fixtureREADME(t)
	for _, c := range []struct {
		name  string
		check bool
		help  string
	}{{"jwtlens", false, mainHelp}, {"jwtlens check", true, checkHelp}} {
		var o options
		newFlagSet(c.name, &o, c.check).VisitAll(func(f *flag.Flag) {
			if f.Name == "h" || f.Name == "help" {
				return
			}
			if !strings.Contains(c.help, "--"+f.Name+" ") {
				t.Errorf("%s --help does not list --%s", c.name, f.Name)
			}
			if !strings.Contains(readme, "| `--"+f.Name) {
				t.Errorf("README.md's flag table does not list --%s", f.Name)
			}
		})
	}
}
