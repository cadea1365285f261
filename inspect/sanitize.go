package inspect

// Sanitize returns s with every control character, escape sequence, C1 code, DEL, bidi
// override and zero-width character replaced by a visible escape. STUB: owned by the text work.
func Sanitize(s string) string { return s }

// SanitizeSpans calls emit for the runs of s in order: plain text with escaped false, and
// the visible escape of an unsafe character with escaped true, so a UI can style escapes.
// STUB: owned by the text work.
func SanitizeSpans(s string, emit func(text string, escaped bool)) { emit(s, false) }

// textFindings reports text.control-chars for every string (member names included) in v
// that holds characters Sanitize would escape. STUB: owned by the text work.
func textFindings(part Part, v *Value, at spanMapper) []Finding { return nil }
