package prose

// WordIndex finds a word's position in a fixed list of words: an
// open-addressing table whose slots hold each word's length and first
// eight bytes as one number, so that a lookup is a few loads, a multiply
// and, for a word of up to eight bytes, no string comparison at all. It
// is for the lookups made for every token of every text, where a Go map
// or an FNV hash and string comparison cost several times more. It is
// read-only once made and safe for concurrent use.
type WordIndex struct {
	slots []wordSlot
	words []string
	shift uint8 // 64 - log2(len(slots))
}

type wordSlot struct {
	key uint64 // wordKey of the word
	n   int32  // the word's length + 1; 0 for an empty slot
	i   int32  // the word's index in words
}

// NewWordIndex indexes words. A word listed twice is found at its first
// position (the table is sized for len(words), so a list with many
// repeats makes a table larger than it needs).
func NewWordIndex(words []string) *WordIndex {
	bits := uint8(1)
	for 1<<bits < 2*len(words) {
		bits++
	}
	x := &WordIndex{slots: make([]wordSlot, 1<<bits), words: words, shift: 64 - bits}
	mask := uint64(len(x.slots) - 1)
	for i, w := range words {
		if x.Index(w) >= 0 {
			continue
		}
		key := wordKey(w)
		h := wordHash(key, len(w)) >> x.shift
		for x.slots[h].n != 0 {
			h = (h + 1) & mask
		}
		x.slots[h] = wordSlot{key, int32(len(w) + 1), int32(i)}
	}
	return x
}

// Index returns the position of w in the indexed list, or -1.
func (x *WordIndex) Index(w string) int {
	if len(x.slots) == 0 {
		return -1
	}
	// wordKey written out: it is too big for the compiler to inline, and
	// a call costs a good part of a lookup.
	var key uint64
	switch n := len(w); {
	case n >= 8:
		key = uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
	case n >= 4:
		key = uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			(uint64(w[n-4])|uint64(w[n-3])<<8|uint64(w[n-2])<<16|uint64(w[n-1])<<24)<<32
	case n > 0:
		key = uint64(w[0]) | uint64(w[n/2])<<8 | uint64(w[n-1])<<16
	}
	n := int32(len(w) + 1)
	mask := uint64(len(x.slots) - 1)
	for h := wordHash(key, len(w)) >> x.shift; ; h = (h + 1) & mask {
		s := &x.slots[h]
		if s.n == 0 {
			return -1
		}
		// The key holds every byte of a word of up to eight bytes.
		if s.key == key && s.n == n && (n <= 9 || x.words[s.i] == w) {
			return int(s.i)
		}
	}
}

// wordKey packs the bytes of a word of up to eight bytes into one number
// (with its length, the number tells the word), and the first eight
// bytes of a longer one. Four to seven bytes are read as two overlapping
// halves, and one to three as first, middle and last byte: with the
// length, either tells every byte.
func wordKey(w string) uint64 {
	switch n := len(w); {
	case n >= 8:
		return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
	case n >= 4:
		lo := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24
		hi := uint64(w[n-4]) | uint64(w[n-3])<<8 | uint64(w[n-2])<<16 | uint64(w[n-1])<<24
		return lo | hi<<32
	case n > 0:
		// The first, middle and last bytes: all of them, given n.
		return uint64(w[0]) | uint64(w[n/2])<<8 | uint64(w[n-1])<<16
	}
	return 0
}

// wordHash mixes a word's key and length; its top bits pick the slot.
func wordHash(key uint64, n int) uint64 {
	return (key ^ uint64(n)*0x9E3779B97F4A7C15) * 0xBF58476D1CE4E5B9
}
