package inspect

// spanMapper turns a span [start, end) of a segment's decoded bytes into the offset and
// length of the raw input bytes it came from.
type spanMapper func(start, end int) (offset, length int)

// judgeClaims annotates the registered claims of the header and payload and judges the
// time claims against opt.Now and opt.Leeway. STUB: owned by the claims work.
func judgeClaims(header, payload *Value, opt Options, headerAt, payloadAt spanMapper) ([]Claim, []Finding) {
	return nil, nil
}
