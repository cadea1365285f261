package inspect

import (
	"cmp"
	"slices"
)

// sortFindings orders findings most important first: structure.truncated before all (it
// explains most of the others), then errors, warnings and infos, each by offset into the
// raw input. Ties are broken by every other field, so the order never depends on the
// order the checks ran in.
//
// When the signature fails for a reason another finding names (a secret with a stray
// newline or in another encoding, a DER ECDSA signature), that finding is the cause and
// comes right after structure.truncated, before signature.invalid, whatever its severity;
// likewise the removed whitespace of a paste that verifies only once cleaned.
func sortFindings(fs []Finding) {
	var invalid, verified bool
	for i := range fs {
		switch fs[i].Code {
		case "signature.invalid":
			invalid = true
		case "signature.verified":
			verified = true
		}
	}
	rank := func(f *Finding) int {
		switch {
		case f.Code == "structure.truncated":
			return 0
		case invalid && (f.Code == "key.secret-whitespace" || f.Code == "key.secret-encoding" || f.Code == "signature.der-encoded"):
			return 1
		case invalid && f.Part == PartSignature && f.Severity == Error && hasFamily(f.Code, "base64"):
			return 1 // stray characters in the signature text are why it fails as sent
		case verified && (f.Code == "input.inner-whitespace" || f.Code == "input.invisible-char"):
			return 1
		}
		return 2
	}
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(rank(&a), rank(&b)), compareFindings(a, b))
	})
}

// compareFindings orders findings of the same rank: errors, warnings, infos; within a
// severity, problems with the token itself before those with its claims (an expired
// token with a stray character is first of all malformed); then by offset, ties broken by every other field.
func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(b.Severity, a.Severity),
		cmp.Compare(codeFamily(a.Code), codeFamily(b.Code)),
		cmp.Compare(a.Offset, b.Offset),
		cmp.Compare(a.Length, b.Length),
		cmp.Compare(a.Code, b.Code),
		cmp.Compare(a.Part, b.Part),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Hint, b.Hint),
	)
}

// codeFamily ranks a code's family for sorting: what is wrong with the token itself
// (its shape, header, signature, keys) before what its claims and text say.
func codeFamily(code string) int {
	if hasFamily(code, "claims") || hasFamily(code, "text") {
		return 1
	}
	return 0
}

func hasFamily(code, family string) bool {
	return len(code) > len(family) && code[len(family)] == '.' && code[:len(family)] == family
}
