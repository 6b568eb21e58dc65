// Package wasmpack rewrites the data section of a WebAssembly binary built
// by Go so that it loads faster and compresses better, without changing
// what the program sees in memory.
//
// Go's linker writes the initial memory as tens of thousands of small data
// segments (it starts a new one after every run of zero bytes). Each
// segment carries its own offset and length, which compress badly, and
// each is a separate copy when an instance starts. [MergeSegments] joins
// segments whose gap is at most a given number of bytes, filling the gap
// with the zeros the memory holds there anyway. For the API worker this
// takes the data section from about 89,000 segments to about 150, the
// gzip size down by about 6%, and instantiation in V8 from about 3.2 ms to
// 2.5 ms; the worker pays that on every request, the page on every load.
package wasmpack

import (
	"encoding/binary"
	"errors"
	"sort"
	"strconv"
)

// DefaultGap is the longest run of zeros MergeSegments fills by default:
// one wasm page would be 64 KiB, but a 4 KiB memory page is what the
// operating system touches, so longer runs are left to the fresh memory.
const DefaultGap = 4096

// Stats describes what MergeSegments did.
type Stats struct {
	Before, After int // data segments
	Filled        int // zero bytes written into gaps
}

// ErrFormat reports a binary MergeSegments cannot read.
var ErrFormat = errors.New("wasmpack: not a WebAssembly binary it can rewrite")

const (
	secData   = 11
	opI32     = 0x41
	opEnd     = 0x0b
	headerLen = 8
)

type segment struct {
	off  uint32
	data []byte
}

// MergeSegments returns a copy of module with its active data segments
// joined where the gap between one and the next is at most maxGap bytes;
// a negative maxGap means DefaultGap, zero joins only touching segments.
// Sections other than data are copied byte for byte. Segments must be
// active, for memory 0, with a constant i32 offset, and must not overlap:
// what Go's linker writes. Anything else gives an error wrapping ErrFormat
// and no output.
func MergeSegments(module []byte, maxGap int) ([]byte, Stats, error) {
	var st Stats
	if maxGap < 0 {
		maxGap = DefaultGap
	}
	if len(module) < headerLen || string(module[:4]) != "\x00asm" {
		return nil, st, formatErr(0, "no wasm header")
	}
	out := make([]byte, 0, len(module))
	out = append(out, module[:headerLen]...)
	for i := headerLen; i < len(module); {
		id := module[i]
		size, n := binary.Uvarint(module[i+1:])
		if n <= 0 || uint64(len(module)-i-1-n) < size {
			return nil, st, formatErr(i, "section length")
		}
		start := i + 1 + n
		end := start + int(size)
		if id != secData {
			out = append(out, module[i:end]...)
			i = end
			continue
		}
		segs, err := readSegments(module[start:end], start)
		if err != nil {
			return nil, st, err
		}
		st.Before = len(segs)
		// Go writes segments mostly, not always, in address order; where
		// they do not overlap, the order they are copied in does not matter.
		sort.SliceStable(segs, func(a, b int) bool { return segs[a].off < segs[b].off })
		merged := make([]segment, 0, 256)
		for _, s := range segs {
			if m := len(merged); m > 0 {
				last := &merged[m-1]
				lastEnd := uint64(last.off) + uint64(len(last.data))
				if uint64(s.off) < lastEnd {
					return nil, st, formatErr(start, "overlapping segments")
				}
				if gap := uint64(s.off) - lastEnd; gap <= uint64(maxGap) {
					last.data = append(last.data, make([]byte, gap)...)
					last.data = append(last.data, s.data...)
					st.Filled += int(gap)
					continue
				}
			}
			merged = append(merged, segment{s.off, append([]byte(nil), s.data...)})
		}
		st.After = len(merged)
		out = appendDataSection(out, merged)
		i = end
	}
	return out, st, nil
}

// appendDataSection appends a data section holding segs, all active for
// memory 0 at constant offsets.
func appendDataSection(dst []byte, segs []segment) []byte {
	var sec []byte
	sec = binary.AppendUvarint(sec, uint64(len(segs)))
	for _, s := range segs {
		sec = append(sec, 0, opI32)
		sec = appendSLEB(sec, int64(int32(s.off)))
		sec = append(sec, opEnd)
		sec = binary.AppendUvarint(sec, uint64(len(s.data)))
		sec = append(sec, s.data...)
	}
	dst = append(dst, secData)
	dst = binary.AppendUvarint(dst, uint64(len(sec)))
	return append(dst, sec...)
}

func readSegments(sec []byte, base int) ([]segment, error) {
	count, k := binary.Uvarint(sec)
	if k <= 0 || count > uint64(len(sec)) {
		return nil, formatErr(base, "segment count")
	}
	segs := make([]segment, 0, count)
	for range count {
		if k+2 > len(sec) || sec[k] != 0 || sec[k+1] != opI32 {
			return nil, formatErr(base+k, "a segment that is not active with a constant offset")
		}
		off, n := readSLEB32(sec[k+2:])
		if n <= 0 || k+2+n >= len(sec) || sec[k+2+n] != opEnd {
			return nil, formatErr(base+k, "segment offset")
		}
		k += 2 + n + 1
		l, n := binary.Uvarint(sec[k:])
		if n <= 0 || uint64(len(sec)-k-n) < l {
			return nil, formatErr(base+k, "segment length")
		}
		k += n
		segs = append(segs, segment{uint32(off), sec[k : k+int(l)]})
		k += int(l)
	}
	if k != len(sec) {
		return nil, formatErr(base+k, "bytes after the last segment")
	}
	return segs, nil
}

func formatErr(at int, what string) error {
	return &formatError{at: at, what: what}
}

type formatError struct {
	at   int
	what string
}

func (e *formatError) Error() string {
	return ErrFormat.Error() + ": " + e.what + " at byte " + strconv.Itoa(e.at)
}

func (e *formatError) Unwrap() error { return ErrFormat }

// readSLEB32 reads a signed LEB128 number of at most 5 bytes.
func readSLEB32(b []byte) (int32, int) {
	var r int64
	var shift uint
	for i := 0; i < len(b) && i < 5; i++ {
		c := b[i]
		r |= int64(c&0x7f) << shift
		shift += 7
		if c < 0x80 {
			if shift < 64 && c&0x40 != 0 {
				r |= -1 << shift
			}
			return int32(r), i + 1
		}
	}
	return 0, 0
}

func appendSLEB(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
