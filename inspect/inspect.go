package inspect

// Inspect diagnoses raw, the input exactly as it was pasted. It never panics, and its
// result depends on nothing but raw and opt. STUB: owned by the decode work.
func Inspect(raw []byte, opt Options) *Report {
	n := normalize(raw, opt.MaxSize)
	r := &Report{RawLen: len(raw), Token: n.token, RawOffsets: n.offsets, Kind: KindUnknown}
	r.Findings = append(r.Findings, n.findings...)
	r.Candidates = n.candidates
	r.Verification, _ = verify(r, opt)
	return r
}
