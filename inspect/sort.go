package inspect

import (
	"cmp"
	"slices"
)

// sortFindings orders findings most important first: structure.truncated before all (it
// explains most of the others), then errors, warnings and infos, each by offset into the
// raw input. Ties are broken by every other field, so the order never depends on the
// order the checks ran in.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, compareFindings)
}

func compareFindings(a, b Finding) int {
	at, bt := a.Code == "structure.truncated", b.Code == "structure.truncated"
	if at != bt {
		if at {
			return -1
		}
		return 1
	}
	return cmp.Or(
		cmp.Compare(b.Severity, a.Severity),
		cmp.Compare(a.Offset, b.Offset),
		cmp.Compare(a.Length, b.Length),
		cmp.Compare(a.Code, b.Code),
		cmp.Compare(a.Part, b.Part),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Hint, b.Hint),
	)
}
