package inspect

// Headline returns the finding a person should read first (Findings are sorted most
// important first), or nil when there are none.
func (r *Report) Headline() *Finding {
	if r == nil || len(r.Findings) == 0 {
		return nil
	}
	return &r.Findings[0]
}

// HasErrors reports whether any finding is an error.
func (r *Report) HasErrors() bool {
	for _, f := range r.Findings {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

// Has reports whether a finding with the given code is present.
func (r *Report) Has(code string) bool {
	for _, f := range r.Findings {
		if f.Code == code {
			return true
		}
	}
	return false
}

// OK is the verdict of `jwtlens check`: no error finding, and verified when keys were given.
func (r *Report) OK(keysGiven bool) bool {
	if r.HasErrors() {
		return false
	}
	return !keysGiven || r.Verification.Status == Verified
}
