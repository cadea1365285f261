package inspect

// Explanation is one plain sentence about a header parameter or claim, for explain mode.
type Explanation struct {
	Name    string // e.g. "nbf"
	Title   string // e.g. "Not Before"
	Meaning string // one sentence
	Ref     string // e.g. "RFC 7519 §4.1.5"
	IsTime  bool   // a NumericDate
}

// Explain returns the explanation of a header parameter (part PartHeader) or claim (part
// PartPayload), and false when the name is not one the package knows. STUB: owned by the
// text work.
func Explain(part Part, name string) (Explanation, bool) { return Explanation{}, false }
