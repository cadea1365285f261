package inspect

import "unsafe"

// The offset map (Report.RawOffsets) is an []int one longer than the token, eight bytes for
// every byte of the token: at 8 KiB a token brings 64 KiB of map. So that cleaning a token
// costs one allocation and one pass, the map and the token's bytes share one block, and the
// clean path fills both in the same pass that checks the bytes.

// tokenBuf is one allocation holding the offset map and, after it, the token's bytes.
type tokenBuf struct {
	offs []int  // len 0, cap n+1: appending never reaches the bytes after it
	tok  []byte // len 0, cap n
}

// newTokenBuf makes room for a token of up to n bytes and its offset map. The bytes live in
// the tail of an []int block (no pointers in either, so the collector need not scan it); a
// string made of them by tokenString keeps the block alive like any interior pointer.
func newTokenBuf(n int) tokenBuf {
	buf := make([]int, n+1+(n+7)/8)
	b := tokenBuf{offs: buf[0 : 0 : n+1]}
	if n > 0 {
		b.tok = unsafe.Slice((*byte)(unsafe.Pointer(&buf[n+1])), n)[:0]
	}
	return b
}

// fits reports whether the buffer holds a token of n bytes.
func (b tokenBuf) fits(n int) bool { return b.offs != nil && cap(b.offs) >= n+1 && cap(b.tok) >= n }

// tokenString returns tok as a string without copying it. tok must be the bytes of a
// tokenBuf, written for the last time: nothing writes to them afterwards (the map before
// them is capped, so no append on it can).
func tokenString(tok []byte) string {
	if len(tok) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(tok), len(tok))
}

// scanCopy is the clean path's single pass over t, the token as pasted at raw offset base:
// it ORs the fast classes of its bytes together and counts the dots, and on the way copies
// the bytes to tok and sets offs[i] = base+i (and offs[len(t)] = base+len(t)). It works
// eight bytes at a time and stops at the first block holding a byte no token has, with
// fastBad set in seen. tok and offs must have room for len(t) and len(t)+1 entries.
func scanCopy(t []byte, base int, tok []byte, offs []int) (seen uint8, dots int) {
	tok, offs = tok[:len(t)], offs[:len(t)+1]
	i := 0
	for ; i+8 <= len(t); i += 8 {
		p := (*[8]byte)(t[i:])
		f0, f1, f2, f3 := fastClass[p[0]], fastClass[p[1]], fastClass[p[2]], fastClass[p[3]]
		f4, f5, f6, f7 := fastClass[p[4]], fastClass[p[5]], fastClass[p[6]], fastClass[p[7]]
		all := f0 | f1 | f2 | f3 | f4 | f5 | f6 | f7
		seen |= all
		if all&fastBad != 0 {
			return seen, dots
		}
		dots += int(f0&fastDot+f1&fastDot+f2&fastDot+f3&fastDot) + int(f4&fastDot+f5&fastDot+f6&fastDot+f7&fastDot)
		*(*[8]byte)(tok[i:]) = *p
		o := (*[8]int)(offs[i:])
		v := base + i
		o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7] = v, v+1, v+2, v+3, v+4, v+5, v+6, v+7
	}
	for ; i < len(t); i++ {
		f := fastClass[t[i]]
		seen |= f
		dots += int(f & fastDot)
		tok[i] = t[i]
		offs[i] = base + i
	}
	offs[len(t)] = base + len(t)
	return seen, dots
}
