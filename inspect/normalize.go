package inspect

// normalized is the token found in a raw input, cleaned of transport damage, with the map
// from its offsets back to the raw input.
type normalized struct {
	token      string
	offsets    []int // offsets[i] is the raw offset of token[i]; len(offsets) == len(token)+1
	findings   []Finding
	candidates []Candidate
	// stop is true when nothing further can be inspected: empty input, over the cap, a
	// placeholder, nothing token-like.
	stop bool
}

// normalize finds the token in raw and cleans it. STUB: owned by the input work; it only
// trims nothing and maps offsets one to one.
func normalize(raw []byte, maxSize int) normalized {
	n := normalized{token: string(raw), offsets: make([]int, len(raw)+1)}
	for i := range n.offsets {
		n.offsets[i] = i
	}
	return n
}
