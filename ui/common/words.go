package common

import "strconv"

// Plural picks the singular or plural form of a word for n.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Count writes n with its unit, made plural with an "s": "1 character", "3 characters".
func Count(n int, unit string) string {
	return strconv.Itoa(n) + " " + Plural(n, unit, unit+"s")
}
