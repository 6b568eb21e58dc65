package wasmpack

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzMergeSegments feeds arbitrary bytes: MergeSegments either refuses
// them with ErrFormat or returns a module whose memory image is the same.
func FuzzMergeSegments(f *testing.F) {
	f.Add(module(segment{16, []byte("abc")}, segment{20, []byte("de")}), 4)
	f.Add(module(segment{0, []byte("x")}, segment{4096, []byte("y")}), 0)
	f.Add([]byte("\x00asm\x01\x00\x00\x00"), -1)
	f.Fuzz(func(t *testing.T, in []byte, gap int) {
		gap %= 1 << 16
		out, st, err := MergeSegments(in, gap)
		if err != nil {
			require.ErrorIs(t, err, ErrFormat)
			assert.Nil(t, out)
			return
		}
		assert.LessOrEqual(t, st.After, st.Before)
		if st.Before > 0 && maxEnd(t, in) <= 1<<17 {
			assert.Equal(t, image(t, in), image(t, out))
		}
	})
}

func maxEnd(t *testing.T, m []byte) int {
	t.Helper()
	end := 0
	walkData(m, func(segs []segment) {
		for _, s := range segs {
			end = max(end, int(s.off)+len(s.data))
		}
	})
	return end
}
